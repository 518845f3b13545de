package dev.tierlab.lab;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Text;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * Checks lab folders the way an author needs it: every problem, not just the first, each with its
 * file, line and column. On top of what loading checks (YAML, the schema, ids, instructions pages,
 * standIn) it looks at what refers outside the file: the chapter, templates, capabilities, solution
 * folders and sample events, that every text has both languages, and that the labs listed in a
 * {@code labs.yaml} have a folder, and that every step's solution renders as applying it would (a
 * FreeMarker error, an endless or huge template, a link in the folder). Like loading, it only reads:
 * nothing of a lab is run or written.
 */
public final class LabValidator {
    private static final String EVENTS = "events";

    /**
     * What a lab may refer to.
     *
     * @param chapters     the chapter ids of the course
     * @param templates    the template ids tierlab has
     * @param capabilities the capability names checks may need
     * @param parameters   for a known template and the parameters a lab gives it, what is wrong with them
     *                     (a value its type does not allow, say), if anything
     * @param solutions    what would fail when a step's solution is applied (its files rendered)
     */
    public record Known(Set<String> chapters, Set<String> templates, Set<String> capabilities,
                        java.util.function.BiFunction<String, java.util.Map<String, Object>, java.util.Optional<Text>> parameters,
                        Solutions solutions) {
        public Known {
            chapters = Set.copyOf(chapters);
            templates = Set.copyOf(templates);
            capabilities = Set.copyOf(capabilities);
        }
    }

    /**
     * Renders a step's solution as applying it would, without writing anything: the problems of its
     * files (a template that does not render, with the file and line), empty when it applies.
     */
    public interface Solutions {
        List<Problem> problems(Lab lab, Lab.Step step, Path folder);
    }

    /** Every problem found, sorted, and how many labs were checked. */
    public record Report(List<Problem> problems, int labs) {
        public Report {
            problems = problems.stream().sorted().toList();
        }
    }

    private final Known known;

    public LabValidator(Known known) {
        this.known = known;
    }

    /**
     * Validates each folder: a lab folder (it has a {@code lab.yaml}) or a labs folder (a
     * {@code labs.yaml}, or sub-folders with a {@code lab.yaml}). A folder with neither fails.
     */
    public Report validate(List<Path> dirs) {
        List<Problem> problems = new ArrayList<>();
        int labs = 0;
        for (Path dir : dirs) {
            if (!Files.isDirectory(dir)) {
                throw new TierlabException(ExitCode.NOT_FOUND, "error.labs.noDir", dir);
            }
            if (Files.isRegularFile(dir.resolve("lab.yaml"))) {
                lab(dir, problems);
                labs++;
            } else {
                int found = labsFolder(dir, problems);
                if (found == 0 && !Files.isRegularFile(dir.resolve(LabLoader.INDEX))) {
                    throw new TierlabException(ExitCode.NOT_FOUND, "error.validate.nothing", dir);
                }
                labs += found;
            }
        }
        return new Report(problems, labs);
    }

    /** Checks a labs folder's index and its labs; returns how many labs were checked. */
    private int labsFolder(Path dir, List<Problem> problems) {
        Path index = dir.resolve(LabLoader.INDEX);
        if (!Files.isRegularFile(index)) {
            List<String> ids = LabCatalog.idsIn(dir);
            ids.forEach(id -> lab(dir.resolve(id), problems));
            return ids.size();
        }
        String shown = index.toString();
        JsonNode node = new LabLoader(ContentSource.directory(dir)).tree(shown, read(index), problems);
        JsonNode list = node == null ? null : node.get("labs");
        if (node == null) {
            return 0;
        }
        if (list == null || !list.isArray()) {
            problems.add(Problem.at(shown, list == null ? node : list, "lab.problem.index.notList"));
            return 0;
        }
        int labs = 0;
        Set<String> seen = new HashSet<>();
        for (JsonNode entry : list) {
            String id = entry.asText();
            if (!entry.isTextual() || !id.matches("[a-z0-9]+(-[a-z0-9]+)*")) {
                problems.add(Problem.at(shown, entry, "lab.problem.index.badId", id));
            } else if (!seen.add(id)) {
                problems.add(Problem.at(shown, entry, "lab.problem.index.twice", id));
            } else if (!Files.isRegularFile(dir.resolve(id).resolve("lab.yaml"))) {
                problems.add(Problem.at(shown, entry, "lab.problem.index.noFolder", id));
            } else {
                lab(dir.resolve(id), problems);
                labs++;
            }
        }
        return labs;
    }

    /** Checks one lab folder. */
    private void lab(Path folder, List<Problem> problems) {
        String id = folder.getFileName().toString().replaceAll("/$", "");
        Path file = folder.resolve("lab.yaml");
        String text;
        try {
            text = dev.tierlab.files.TextFiles.read(file); // size first, then strict UTF-8
        } catch (TierlabException e) {
            problems.add(new Problem(file.toString(), 1, 1, dev.tierlab.i18n.Text.of(e.key(), e.args())));
            return;
        }
        LabLoader.Checked checked = new LabLoader(ContentSource.directory(folder.getParent()))
                .check(id + "/lab.yaml", text, id);
        problems.addAll(checked.problems());
        if (checked.lab() != null) {
            new References(file.toString(), folder, checked.node(), problems).check(checked.lab());
        }
    }

    private static String read(Path file) {
        return dev.tierlab.files.TextFiles.read(file);
    }

    /** The checks of one lab that look beyond its file. */
    private final class References {
        private final String file;
        private final Path folder;
        private final JsonNode root;
        private final List<Problem> problems;

        References(String file, Path folder, JsonNode root, List<Problem> problems) {
            this.file = file;
            this.folder = folder;
            this.root = root;
            this.problems = problems;
        }

        private void problem(JsonNode at, String key, Object... args) {
            problems.add(Problem.at(file, at, key, args));
        }

        void check(Lab lab) {
            if (!known.chapters().contains(lab.chapter())) {
                problem(root.get("chapter"), "lab.problem.unknownChapter", lab.chapter(), sorted(known.chapters()));
            }
            bothLanguages(root.get("title"), Text.of("lab.problem.what.title"));
            bothLanguages(root.get("summary"), Text.of("lab.problem.what.summary"));
            for (int i = 0; i < lab.steps().size(); i++) {
                step(lab, lab.steps().get(i), root.get("steps").get(i));
            }
        }

        private void step(Lab lab, Lab.Step step, JsonNode node) {
            bothLanguages(node.get("title"), Text.of("lab.problem.what.stepTitle", step.id()));
            bothLanguages(node.get("instructions"), Text.of("lab.problem.what.stepInstructions", step.id()));
            for (Lang lang : Lang.values()) {
                String page = step.instructions().raw(lang);
                if (page != null && Files.exists(folder.resolve(page)) && LabCatalog.inside(folder, page).isEmpty()) {
                    problem(node.get("instructions").get(lang.code()), "lab.problem.instructionsOutside", page);
                }
            }
            JsonNode hints = node.get("hints");
            for (int h = 0; hints != null && h < hints.size(); h++) {
                bothLanguages(hints.get(h), Text.of("lab.problem.what.stepHint", step.id(), h + 1));
            }
            JsonNode tasks = node.get("tasks");
            for (int t = 0; tasks != null && t < tasks.size(); t++) {
                bothLanguages(tasks.get(t).get("description"), Text.of("lab.problem.what.taskDescription", step.tasks().get(t).id()));
            }
            if (step.solution() != null && !LabCatalog.isFolderInside(folder, step.solution())) {
                problem(node.get("solution"), "lab.problem.noSolution", step.solution());
            } else if (step.solution() != null) {
                try {
                    problems.addAll(known.solutions().problems(lab, step, folder));
                } catch (TierlabException e) {
                    if (e.exitCode() == ExitCode.CANCELLED) {
                        throw e;
                    }
                    // what applying it would stop at (a link in the folder, a template parameter), here
                    Text reason = "error.lab.invalid".equals(e.key()) && e.args().length > 1 && e.args()[1] instanceof Text t ? t
                            : Text.of("lab.problem.solutionFails", step.solution(), Text.of(e.key(), e.args()));
                    problem(node.get("solution"), reason.key(), reason.args().toArray());
                }
            }
            for (int g = 0; g < step.generate().size(); g++) {
                String template = step.generate().get(g).template();
                if (!known.templates().contains(template)) {
                    problem(node.get("generate").get(g).get("template"), "lab.problem.unknownTemplate", template, sorted(known.templates()));
                } else {
                    JsonNode entry = node.get("generate").get(g);
                    JsonNode at = entry.get("parameters") != null ? entry.get("parameters") : entry;
                    known.parameters().apply(template, step.generate().get(g).parameters())
                            .ifPresent(text -> problem(at, text.key(), text.args().toArray()));
                }
            }
            for (int c = 0; c < step.checks().size(); c++) {
                check(step.checks().get(c), node.get("checks").get(c));
            }
        }

        private void check(Lab.Check check, JsonNode node) {
            bothLanguages(node.get("hint"), Text.of("lab.problem.what.checkHint", check.id()));
            for (int n = 0; n < check.needs().size(); n++) {
                String need = check.needs().get(n);
                if (!known.capabilities().contains(need)) {
                    problem(node.get("needs").get(n), "lab.problem.unknownCapability", need, sorted(known.capabilities()));
                }
            }
            Object event = check.params().get("event");
            if ("invoke".equals(check.type()) && event instanceof String name && isSampleName(name)
                    && LabCatalog.inside(folder, EVENTS + "/" + name + ".json").filter(Files::isRegularFile).isEmpty()) {
                problem(node.get("params").get("event"), "lab.problem.noEvent", EVENTS + "/" + name + ".json");
            }
        }

        /** A sample event's name, not a file of the workspace. */
        private static boolean isSampleName(String event) {
            return !event.contains("/") && !event.contains("\\") && !event.endsWith(".json");
        }

        /** A list of names for a message: sorted, comma-separated. */
        private static String sorted(Set<String> names) {
            return String.join(", ", new TreeSet<>(names));
        }

        private void bothLanguages(JsonNode node, Text what) {
            if (node == null || !node.isObject()) {
                return;
            }
            for (Lang lang : Lang.values()) {
                if (!node.has(lang.code())) {
                    problem(node, "lab.problem.oneLanguage", what, lang.code());
                }
            }
        }
    }
}
