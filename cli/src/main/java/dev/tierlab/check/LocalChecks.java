package dev.tierlab.check;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.build.Projects;
import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import dev.tierlab.progress.Progress;
import dev.tierlab.runtime.LambdaInvoker;
import dev.tierlab.runtime.LocalInvocation;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;

/**
 * Runs a lab's checks on the learner's machine: build, the project's own unit tests, a local invoke
 * with an expected status, file contents, quiz scores, and an author's command (exit code and output). A check that needs a capability the local
 * target lacks is reported as not verifiable, never as passed. Remote check types arrive with the
 * provisioning issue and plug in beside these.
 */
public final class LocalChecks {
    /** What the local target can really do. */
    public static final Set<String> CAPABILITIES = Set.of("lambda.java");

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Path workspace;
    private final ProjectBuilder builder;
    private final LocalInvocation invocation;
    private final Progress progress;
    private final Texts texts;

    /** The sentences a check reports, in the user's language: a message key and its arguments. */
    @FunctionalInterface
    public interface Texts {
        String get(String key, Object... args);
    }

    /** @param texts formats the expected/found sentences ({@code check.*} keys) and error messages */
    public LocalChecks(Path workspace, ProjectBuilder builder, LocalInvocation invocation, Progress progress, Texts texts) {
        this.workspace = workspace;
        this.builder = builder;
        this.invocation = invocation;
        this.progress = progress;
        this.texts = texts;
    }

    private String describe(TierlabException e) {
        return texts.get(e.key(), e.args());
    }

    public CheckResult run(Lab.Check check) {
        List<String> missing = check.needs().stream().filter(n -> !CAPABILITIES.contains(n)).toList();
        if (!missing.isEmpty()) {
            return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, check.points(),
                    texts.get("check.target", String.join(", ", check.needs())), texts.get("check.notLocal", String.join(", ", missing)));
        }
        try {
            return switch (check.type()) {
                case "build" -> build(check);
                case "unit-tests" -> unitTests(check);
                case "invoke" -> invoke(check);
                case "file-contains" -> fileContains(check);
                case "quiz" -> quiz(check);
                case "command" -> command(check);
                default -> new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, check.points(), check.type(),
                        texts.get("check.typeNotLocal", check.type()));
            };
        } catch (TierlabException e) {
            if ("error.build.noMaven".equals(e.key())) {
                return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, check.points(), texts.get("check.succeeds", check.type()),
                        texts.get("check.notHere", describe(e)));
            }
            return CheckResult.failed(check.id(), check.points(), texts.get("check.succeeds", check.type()), describe(e));
        }
    }

    private CheckResult build(Lab.Check check) {
        for (MavenProject project : Projects.in(workspace)) {
            JavaBuilder.Result r = builder.build(project, false);
            if (!r.compiled()) {
                return CheckResult.failed(check.id(), check.points(), texts.get("check.compiles"),
                        r.errors().isEmpty() ? texts.get("check.compileErrors") : r.errors().get(0).lines().findFirst().orElse(""));
            }
        }
        return CheckResult.passed(check.id(), check.points(), texts.get("check.compiles"), texts.get("check.compiled"));
    }

    private CheckResult unitTests(Lab.Check check) {
        for (MavenProject project : Projects.in(workspace)) {
            ProjectBuilder.ProcessRun run = ProjectBuilder.ProcessRun.of(project.dir(), List.of("mvn", "-B", "-q", "test"));
            if (run.exitCode() != 0) {
                String summary = run.output().stream().filter(l -> l.contains("Tests run:") || l.contains("FAIL") || l.contains("ERROR]   "))
                        .findFirst().orElse(texts.get("check.testsFailed")).replaceAll("^\\[ERROR\\]\\s*", "");
                return CheckResult.failed(check.id(), check.points(), texts.get("check.testsPass"), summary);
            }
        }
        return CheckResult.passed(check.id(), check.points(), texts.get("check.testsPass"), texts.get("check.testsPassed"));
    }

    private CheckResult invoke(Lab.Check check) {
        String function = String.valueOf(check.params().get("function"));
        String event = String.valueOf(check.params().get("event"));
        int status = intParam(check, "expectStatus", 200);
        boolean array = Boolean.parseBoolean(String.valueOf(check.params().get("expectJsonArray")));
        String expected = texts.get(array ? "check.statusArray" : "check.status", status);
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        LambdaInvoker.Result r = invocation.invoke(workspace, workspace, function, event, quiet, Listener.QUIET);
        if (!r.success()) {
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.functionFailed", r.errorType()));
        }
        try {
            JsonNode response = JSON.readTree(r.payload());
            int actual = response.path("statusCode").asInt(-1);
            if (actual != status) {
                return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.status", actual));
            }
            if (array && !JSON.readTree(response.path("body").asText("null")).isArray()) {
                return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.notArray", actual));
            }
            return CheckResult.passed(check.id(), check.points(), expected, texts.get("check.status", actual));
        } catch (IOException e) {
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.notJson"));
        }
    }

    private CheckResult fileContains(Lab.Check check) {
        String file = String.valueOf(check.params().get("file"));
        String text = String.valueOf(check.params().get("contains"));
        Path path = workspace.resolve(file).normalize();
        String expected = texts.get("check.contains", file, text);
        if (!path.startsWith(workspace) || !Files.isRegularFile(path)) {
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.noFile", file));
        }
        try {
            return Files.readString(path).contains(text)
                    ? CheckResult.passed(check.id(), check.points(), expected, texts.get("check.found"))
                    : CheckResult.failed(check.id(), check.points(), expected, texts.get("check.notFound"));
        } catch (IOException e) {
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.cannotRead", file));
        }
    }

    private CheckResult quiz(Lab.Check check) {
        String chapter = String.valueOf(check.params().get("chapter"));
        int percent = intParam(check, "minPercent", 70);
        Progress.QuizResult q = progress.chapter(chapter).quiz();
        String expected = texts.get("check.quiz", chapter, percent);
        if (q == null) {
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.quizNotTaken"));
        }
        boolean ok = q.max() > 0 && (long) q.score() * 100 >= (long) percent * q.max();
        String found = q.score() + "/" + q.max();
        return ok ? CheckResult.passed(check.id(), check.points(), expected, found)
                : CheckResult.failed(check.id(), check.points(), expected, found);
    }

    /**
     * Runs the check's {@code run} (a program and its arguments, no shell) in the workspace: it passes
     * when the exit code is {@code expectExit} (0) and, if given, stdout and stderr contain
     * {@code expectOutput}. Stopped after {@code timeoutSeconds} (60). Only reached for bundled labs or
     * with {@code --trust} ({@code LabCatalog.requireTrusted}).
     */
    private CheckResult command(Lab.Check check) {
        List<String> run = check.params().get("run") instanceof List<?> list ? list.stream().map(String::valueOf).toList() : List.of();
        if (run.isEmpty()) {
            throw new TierlabException(dev.tierlab.error.ExitCode.BAD_INPUT, "error.lab.badParam", check.id(), "run", check.params().get("run"));
        }
        int exit = intParam(check, "expectExit", 0);
        Object output = check.params().get("expectOutput");
        String command = String.join(" ", run);
        String expected = output == null ? texts.get("check.cmd.exit", command, exit)
                : texts.get("check.cmd.exitOutput", command, exit, output);
        ProjectBuilder.ProcessRun ran;
        try {
            ran = ProjectBuilder.ProcessRun.of(workspace, run, java.time.Duration.ofSeconds(intParam(check, "timeoutSeconds", 60)));
        } catch (TierlabException e) {
            // the program did not start (e.g. a script the learner was to write is missing): a failure, not "not verifiable"
            return CheckResult.failed(check.id(), check.points(), expected, texts.get("check.cmd.notStarted", run.get(0)));
        }
        String last = ran.output().stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        String found = texts.get("check.cmd.found", ran.exitCode(), last.strip());
        boolean ok = ran.exitCode() == exit && (output == null || String.join("\n", ran.output()).contains(String.valueOf(output)));
        return ok ? CheckResult.passed(check.id(), check.points(), expected, found)
                : CheckResult.failed(check.id(), check.points(), expected, found);
    }

    /** An integer parameter given as a number or as digits in a string; the default when absent. */
    private static int intParam(Lab.Check check, String name, int fallback) {
        Object value = check.params().get(name);
        if (value == null) {
            return fallback;
        }
        if (value instanceof Number n) {
            return n.intValue();
        }
        try {
            return Integer.parseInt(value.toString().trim());
        } catch (NumberFormatException e) {
            throw new TierlabException(dev.tierlab.error.ExitCode.BAD_INPUT, "error.lab.badParam", check.id(), name, value);
        }
    }

    /** A listener that stays silent: checks report results, not build chatter. */
    private enum Listener implements LocalInvocation.Listener {
        QUIET;

        @Override
        public void building(Path project) {
        }

        @Override
        public void computedEnvironment(String name) {
        }

        @Override
        public void notSet(String name) {
        }
    }
}
