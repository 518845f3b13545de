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
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import com.networknt.schema.serialization.DefaultJsonNodeReader;
import com.networknt.schema.serialization.JsonNodeReader;
import com.networknt.schema.serialization.node.JsonLocationAware;
import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
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
     * (null to skip that check).
     */
    public Lab parse(String file, String text, String expectedId) {
        JsonNode node;
        try {
            node = reader.readTree(text, InputFormat.YAML);
        } catch (JsonProcessingException e) {
            throw parseError(file, e);
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.lab.invalid", source.describe(file), e.getMessage());
        } catch (IllegalArgumentException e) {
            if (e.getCause() instanceof JsonProcessingException jpe) {
                throw parseError(file, jpe); // the validator's reader wraps YAML syntax errors
            }
            throw e;
        }
        if (node == null || node.isMissingNode() || node.isNull()) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", source.describe(file) + ":1:1",
                    "the file is empty; expected a lab definition (id, chapter, title, steps)");
        }
        List<ValidationMessage> problems = new ArrayList<>(schema().validate(node));
        if (!problems.isEmpty()) {
            problems.sort(Comparator.comparing((ValidationMessage m) -> location(m.getInstanceNode()).getLineNr())
                    .thenComparing(m -> location(m.getInstanceNode()).getColumnNr()));
            String all = problems.stream()
                    .map(m -> where(file, m.getInstanceNode()) + ": " + describe(m))
                    .collect(Collectors.joining("\n"));
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.schema", source.describe(file), problems.size(), all);
        }
        Lab lab;
        try {
            lab = yaml.treeToValue(node, Lab.class);
        } catch (JsonProcessingException e) {
            throw parseError(file, e);
        }
        checkIds(file, node, lab, expectedId);
        return lab;
    }

    private void checkIds(String file, JsonNode node, Lab lab, String expectedId) {
        if (expectedId != null && !expectedId.equals(lab.id())) {
            throw invalid(file, node.get("id"), "the id is '" + lab.id() + "' but the folder is '" + expectedId
                    + "'; they must be the same");
        }
        Set<String> steps = new HashSet<>();
        Set<String> checks = new HashSet<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Lab.Step step = lab.steps().get(i);
            JsonNode stepNode = node.get("steps").get(i);
            if (!steps.add(step.id())) {
                throw invalid(file, stepNode.get("id"), "step id '" + step.id() + "' is used twice; step ids must be unique");
            }
            if (expectedId != null) {
                for (String page : new String[] {step.instructions().en(), step.instructions().ko()}) {
                    if (page != null && source.read(expectedId + "/" + page).isEmpty()) {
                        throw invalid(file, stepNode.get("instructions"), "the instructions file " + page
                                + " does not exist in the lab folder");
                    }
                }
            }
            for (int c = 0; c < step.checks().size(); c++) {
                String id = step.checks().get(c).id();
                if (!checks.add(id)) {
                    throw invalid(file, stepNode.get("checks").get(c).get("id"),
                            "check id '" + id + "' is used twice; check ids must be unique in a lab");
                }
            }
        }
        for (int i = 0; i < lab.steps().size(); i++) {
            List<Lab.Check> stepChecks = lab.steps().get(i).checks();
            for (int c = 0; c < stepChecks.size(); c++) {
                String standIn = stepChecks.get(c).standIn();
                if (standIn != null && !checks.contains(standIn)) {
                    throw invalid(file, node.get("steps").get(i).get("checks").get(c).get("standIn"),
                            "standIn names the check '" + standIn + "', which this lab does not have");
                }
            }
        }
    }

    private TierlabException invalid(String file, JsonNode at, String message) {
        return new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", where(file, at), message);
    }

    private TierlabException parseError(String file, JsonProcessingException e) {
        JsonLocation loc = e.getLocation();
        String where = loc == null ? source.describe(file) : source.describe(file) + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
        return new TierlabException(ExitCode.BAD_INPUT, e, "error.lab.invalid", where, condense(e.getOriginalMessage()));
    }

    /**
     * A YAML parser message in one line: SnakeYAML repeats positions and quotes the source with a
     * caret; the position is already in front, so only the problem statements are kept.
     */
    static String condense(String message) {
        if (message == null) {
            return "";
        }
        String text = message.lines()
                .filter(l -> !l.isBlank() && !l.startsWith(" ") && !l.startsWith("\t"))
                .map(String::strip)
                .collect(Collectors.joining("; "));
        boolean layout = text.contains("block") || text.contains("indentation") || text.contains("mapping values")
                || text.contains("'\\t'") || text.contains("scanning for the next token");
        return layout ? text + " (check the indentation: spaces only, children indented under their parent)" : text;
    }

    private String where(String file, JsonNode node) {
        JsonLocation loc = location(node);
        return loc == JsonLocation.NA ? source.describe(file) : source.describe(file) + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
    }

    private static JsonLocation location(JsonNode node) {
        return node instanceof JsonLocationAware aware && aware.tokenLocation() != null ? aware.tokenLocation() : JsonLocation.NA;
    }

    /** The validator's message, with the JSON path made readable and the schema's expectation named. */
    private static String describe(ValidationMessage m) {
        String path = m.getInstanceLocation().toString().replaceFirst("^\\$\\.?", "");
        String text = m.getMessage().replaceFirst("^\\$[^:]*: ", "");
        return (path.isEmpty() ? "" : path + ": ") + text;
    }

    private JsonSchema schema() {
        if (schema == null) {
            // always the schema shipped with tierlab: a lab folder from elsewhere must not bring its own
            String text = ContentSource.classpath("labs/").read(SCHEMA)
                    .orElseThrow(() -> new IllegalStateException("labs/" + SCHEMA + " is missing from the application"));
            schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(text);
        }
        return schema;
    }
}
