package dev.tierlab.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.InputFormat;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.PathType;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.DefaultJsonNodeReader;
import com.networknt.schema.serialization.JsonNodeReader;
import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Text;
import dev.tierlab.verify.engine.CheckTypes;
import dev.tierlab.verify.engine.Parameters;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Loads and checks lab definitions. A lab file is validated against {@code labs/lab.schema.json}
 * before it is used; every problem is reported as {@code file:line:column: what was expected}, all
 * problems of a file at once, sorted by position. Lab files from outside the project are untrusted
 * input: they are only parsed and validated here, never executed.
 */
public final class LabLoader {
    public static final String SCHEMA = "lab.schema.json";
    public static final String INDEX = "labs.yaml";

    private final ContentSource source;
    private final JsonNodeReader reader = DefaultJsonNodeReader.builder().locationAware().build();
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();
    private JsonSchema schema;

    /** @param source the labs folder (bundled {@code labs/}, or an instructor's directory) */
    public LabLoader(ContentSource source) {
        this.source = source;
    }

    record Index(List<String> labs) {
    }

    /** The ids listed in {@code labs.yaml}, in order. */
    public List<String> ids() {
        String text = source.read(INDEX).orElse("labs: []");
        try {
            Index index = yaml.readValue(text, Index.class);
            return index == null || index.labs() == null ? List.of() : List.copyOf(index.labs());
        } catch (JsonProcessingException e) {
            throw parseError(INDEX, e);
        }
    }

    /** Every lab in the index, loaded and checked. */
    public List<Lab> all() {
        List<Lab> labs = new ArrayList<>();
        for (String id : ids()) {
            labs.add(load(id));
        }
        return labs;
    }

    /** Lab {@code id}; an unknown id fails with the list of valid ones. */
    public Lab load(String id) {
        String file = id + "/lab.yaml";
        String text = source.read(file).orElseThrow(() ->
                new TierlabException(ExitCode.NOT_FOUND, "error.lab.unknown", id, String.join(", ", ids())));
        return parse(file, text, id);
    }

    /**
     * Parses and validates lab text; {@code expectedId} is the folder name the lab must carry as its id
     * (null to skip that check). Fails with every problem found, sorted by position.
     */
    public Lab parse(String file, String text, String expectedId) {
        Checked checked = check(file, text, expectedId);
        if (checked.problems().isEmpty()) {
            return checked.lab();
        }
        List<Problem> problems = checked.problems();
        if (checked.schemaFailed()) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.schema", source.describe(file), problems.size(),
                    Problem.lines(problems));
        }
        Problem first = problems.get(0);
        if (problems.size() == 1) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", first.where(), first.message());
        }
        throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.problems", source.describe(file), problems.size(),
                Problem.lines(problems));
    }

    /**
     * The result of checking a lab file: the location-aware tree (null when the file is not YAML or
     * empty), the lab (null when it does not match the schema) and every problem found, sorted, each
     * once (the schema's if/then blocks can report the same thing at the same place several times).
     *
     * @param schemaFailed true when the problems are schema violations (the lab could not be bound)
     */
    public record Checked(JsonNode node, Lab lab, List<Problem> problems, boolean schemaFailed) {
        public Checked {
            java.util.Set<String> seen = new java.util.HashSet<>();
            problems = problems.stream().sorted().filter(p -> seen.add(p.toString())).toList();
        }
    }

    /**
     * Checks lab text without failing: YAML syntax, the schema, then (when the schema is met) the
     * rules the schema cannot express — id = folder, unique step and check ids, instructions pages
     * that exist, standIn naming a check of the lab.
     */
    public Checked check(String file, String text, String expectedId) {
        String shown = source.describe(file);
        List<Problem> syntax = new ArrayList<>();
        JsonNode node = tree(shown, text, syntax);
        if (!syntax.isEmpty()) {
            return new Checked(null, null, syntax, false);
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            return new Checked(null, null, List.of(new Problem(shown, 1, 1, "lab.problem.empty")), false);
        }
        List<ValidationMessage> messages = new ArrayList<>(schema().validate(node));
        if (!messages.isEmpty()) {
            return new Checked(node, null, messages.stream()
                    .map(m -> Problem.at(shown, m.getInstanceNode(), "lab.problem.schema", SchemaMessage.of(m))).toList(), true);
        }
        Lab lab;
        try {
            lab = yaml.treeToValue(node, Lab.class);
        } catch (JsonProcessingException e) {
            return new Checked(node, null, List.of(parseProblem(shown, e)), true);
        }
        List<Problem> problems = new ArrayList<>();
        checkIds(shown, node, lab, expectedId, problems);
        checkParams(shown, node, lab, problems);
        return new Checked(node, lab, problems, false);
    }

    /**
     * YAML text as a location-aware tree (positions through {@link Problem#at}); on a syntax error,
     * adds the problem to {@code problems} and returns null. {@code shown} names the file in problems.
     */
    public JsonNode tree(String shown, String text, List<Problem> problems) {
        try {
            return reader.readTree(text, InputFormat.YAML);
        } catch (JsonProcessingException e) {
            problems.add(parseProblem(shown, e));
        } catch (IOException e) {
            problems.add(new Problem(shown, 1, 1, "lab.problem.parser", String.valueOf(e.getMessage())));
        } catch (IllegalArgumentException e) {
            if (!(e.getCause() instanceof JsonProcessingException jpe)) {
                throw e;
            }
            problems.add(parseProblem(shown, jpe)); // the validator's reader wraps YAML syntax errors
        }
        return null;
    }

    private void checkIds(String file, JsonNode node, Lab lab, String expectedId, List<Problem> problems) {
        if (expectedId != null && !expectedId.equals(lab.id())) {
            problems.add(Problem.at(file, node.get("id"), "lab.problem.idNotFolder", lab.id(), expectedId));
        }
        Set<String> steps = new HashSet<>();
        Set<String> checks = new HashSet<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Lab.Step step = lab.steps().get(i);
            JsonNode stepNode = node.get("steps").get(i);
            if (!steps.add(step.id())) {
                problems.add(Problem.at(file, stepNode.get("id"), "lab.problem.stepTwice", step.id()));
            }
            if (expectedId != null) {
                for (Lang lang : Lang.values()) {
                    String page = step.instructions().raw(lang);
                    if (page != null && source.read(expectedId + "/" + page).isEmpty()) {
                        problems.add(Problem.at(file, stepNode.get("instructions").get(lang.code()), "lab.problem.noInstructions", page));
                    }
                }
            }
            for (int c = 0; c < step.checks().size(); c++) {
                String id = step.checks().get(c).id();
                if (!checks.add(id)) {
                    problems.add(Problem.at(file, stepNode.get("checks").get(c).get("id"), "lab.problem.checkTwice", id));
                }
            }
        }
        for (int i = 0; i < lab.steps().size(); i++) {
            List<Lab.Check> stepChecks = lab.steps().get(i).checks();
            for (int c = 0; c < stepChecks.size(); c++) {
                String standIn = stepChecks.get(c).standIn();
                if (standIn != null && !checks.contains(standIn)) {
                    problems.add(Problem.at(file, node.get("steps").get(i).get("checks").get(c).get("standIn"),
                            "lab.problem.standIn", standIn));
                }
            }
        }
    }

    /**
     * Binds each check's {@code params} to its type's record (verify's {@link CheckTypes}): a missing,
     * unknown or mistyped parameter is a problem at the value's line and column, found when the lab is
     * loaded rather than when the check runs.
     */
    private static void checkParams(String file, JsonNode node, Lab lab, List<Problem> problems) {
        CheckTypes types = CheckTypes.standard();
        for (int i = 0; i < lab.steps().size(); i++) {
            List<Lab.Check> checks = lab.steps().get(i).checks();
            for (int c = 0; c < checks.size(); c++) {
                Lab.Check check = checks.get(c);
                JsonNode checkNode = node.get("steps").get(i).get("checks").get(c);
                if (types.find(check.type()).isEmpty()) {
                    problems.add(Problem.at(file, checkNode.get("type"), "lab.problem.checkType", check.type(), String.join(", ", types.names())));
                    continue;
                }
                JsonNode params = checkNode.get("params");
                try {
                    types.bind(check.type(), params);
                } catch (Parameters.Invalid e) {
                    Parameters.Problem p = e.problem();
                    JsonNode at = params == null ? checkNode.get("type") : params;
                    for (Object step : p.path()) {
                        JsonNode next = step instanceof Integer index ? at.get(index) : at.get(String.valueOf(step));
                        if (next == null) {
                            break;
                        }
                        at = next;
                    }
                    problems.add(switch (p.kind()) {
                        case MISSING -> Problem.at(file, at, "lab.problem.param.missing", check.type(), p.name());
                        case UNKNOWN -> Problem.at(file, at, "lab.problem.param.unknown", check.type(), p.name(), p.detail());
                        case WRONG_TYPE -> Problem.at(file, at, "lab.problem.param.type", check.type(), p.name(), p.detail());
                        case INVALID -> p.name().isEmpty() ? Problem.at(file, at, "lab.problem.params.invalid", check.type(), p.detail())
                                : Problem.at(file, at, "lab.problem.param.invalid", check.type(), p.name(), p.detail());
                    });
                }
            }
        }
    }

    private TierlabException parseError(String file, JsonProcessingException e) {
        Problem p = parseProblem(source.describe(file), e);
        return new TierlabException(ExitCode.BAD_INPUT, e, "error.lab.invalid", p.where(), p.message());
    }

    private static Problem parseProblem(String shown, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        Text message = condense(e.getOriginalMessage());
        return loc == null ? new Problem(shown, 0, 0, message) : new Problem(shown, loc.getLineNr(), loc.getColumnNr(), message);
    }

    /**
     * A YAML parser message in one line: SnakeYAML repeats positions and quotes the source with a
     * caret; the position is already in front, so only the problem statements are kept. The parser's
     * words stay English; the advice on indentation is in the reader's language.
     */
    static Text condense(String message) {
        if (message == null) {
            return Text.of("lab.problem.parser", "");
        }
        String text = message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        boolean layout = text.contains("block") || text.contains("indentation") || text.contains("mapping values")
                || text.contains("'\\t'") || text.contains("scanning for the next token");
        return Text.of(layout ? "lab.problem.parser.layout" : "lab.problem.parser", text);
    }

    private JsonSchema schema() {
        if (schema == null) {
            // always the schema shipped with tierlab: a lab folder from elsewhere must not bring its own
            String text = ContentSource.classpath("labs/").read(SCHEMA)
                    .orElseThrow(() -> new IllegalStateException("labs/" + SCHEMA + " is missing from the application"));
            // English here whatever the JVM's locale; SchemaMessage gives the reader's language where shown
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(text, SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).pathType(PathType.LEGACY).build());
        }
        return schema;
    }
}
