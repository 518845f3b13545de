package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Learner;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.Parameters;
import dev.tierlab.verify.engine.Verdict;
import dev.tierlab.verify.engine.WorkspaceFiles;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Binding and matching of the workspace check types: build, unit-tests, invoke, file-contains, quiz, command. */
class LocalTypesTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;

    @Test
    void build() {
        assertTrue(BuildCheck.judge(new LocalProject.Build(true, null), T).passed());
        Verdict v = BuildCheck.judge(new LocalProject.Build(false, "Handler.java:12: error: ';' expected"), T);
        assertFalse(v.passed());
        assertEquals("Handler.java:12: error: ';' expected", v.found());
        assertEquals("check.compileErrors", BuildCheck.judge(new LocalProject.Build(false, null), T).found());
        assertEquals(Parameters.Kind.UNKNOWN, Bind.problem("build", Map.of("x", 1)).kind());
    }

    @Test
    void unitTests() {
        assertTrue(UnitTestsCheck.judge(new LocalProject.Tests(true, null), T).passed());
        assertEquals("Tests run: 3, Failures: 1", UnitTestsCheck.judge(new LocalProject.Tests(false, "Tests run: 3, Failures: 1"), T).found());
    }

    @Test
    void invoke() {
        InvokeCheck.Params p = Bind.as("invoke", Map.of("function", "F", "event", "get", "expectJsonArray", true));
        assertEquals(200, p.expectStatus(), "default status");
        String array = "{\"statusCode\":200,\"body\":\"[{\\\"id\\\":1}]\"}";
        assertTrue(InvokeCheck.judge(p, new LocalProject.Invocation(true, array, null), T).passed());
        Verdict notArray = InvokeCheck.judge(p, new LocalProject.Invocation(true, "{\"statusCode\":200,\"body\":\"{}\"}", null), T);
        assertEquals("check.notArray(200)", notArray.found());
        Verdict status = InvokeCheck.judge(Bind.as("invoke", Map.of("function", "F", "event", "post", "expectStatus", 201)),
                new LocalProject.Invocation(true, "{\"statusCode\":501}", null), T);
        assertEquals("check.status(501)", status.found());
        Verdict crashed = InvokeCheck.judge(p, new LocalProject.Invocation(false, "{}", "java.lang.NullPointerException"), T);
        assertEquals("check.functionFailed(java.lang.NullPointerException)", crashed.found());
        assertEquals("check.notJson", InvokeCheck.judge(p, new LocalProject.Invocation(true, "<html>", null), T).found());
        assertEquals("function", Bind.problem("invoke", Map.of("event", "e")).name());
    }

    @Test
    void fileContainsStaysInsideTheWorkspace(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws"));
        Files.writeString(ws.resolve("template.yml"), "Type: AWS_PROXY\n");
        Files.writeString(dir.resolve("secret.txt"), "Type: AWS_PROXY\n");
        FileContainsCheck.Params p = Bind.as("file-contains", Map.of("file", "template.yml", "contains", "AWS_PROXY"));
        assertTrue(FileContainsCheck.judge(p, Files.readString(ws.resolve("template.yml")), T).passed());
        assertFalse(FileContainsCheck.judge(p, "Type: AWS\n", T).passed());
        assertTrue(WorkspaceFiles.regularFile(ws, "template.yml").isPresent());
        assertTrue(WorkspaceFiles.regularFile(ws, "../secret.txt").isEmpty(), "no way out with ..");
        Files.createSymbolicLink(ws.resolve("link.txt"), dir.resolve("secret.txt"));
        assertTrue(WorkspaceFiles.regularFile(ws, "link.txt").isEmpty(), "no way out through a symbolic link");
        assertEquals(Parameters.Kind.MISSING, Bind.problem("file-contains", Map.of("file", "a")).kind());
    }

    @Test
    void template(@TempDir Path dir) throws Exception {
        Path ws = Files.createDirectories(dir.resolve("ws/infra"));
        Files.writeString(ws.resolve("template.yml"), "Resources:\n  Api:\n    Type: AWS::ApiGateway::RestApi\n    Properties:\n"
                + "      EndpointConfiguration:\n        Types: [EDGE]\n");
        dev.tierlab.verify.template.TemplateParams p = Bind.as("template",
                Map.of("resource", "Api", "path", "Properties.EndpointConfiguration.Types", "equals", List.of("REGIONAL")));
        Path file = WorkspaceFiles.regularFile(dir.resolve("ws"), "infra/template.yml").orElseThrow();
        Verdict edge = TemplateCheck.judge(p, dev.tierlab.verify.template.TemplateMatch.evaluate(file, "infra/template.yml", p), T);
        assertFalse(edge.passed());
        assertTrue(edge.found().startsWith("check.template.notEqual(") && edge.found().contains("[EDGE]"), edge.found());
        assertTrue(edge.found().endsWith("(infra/template.yml:6:16)") || edge.found().contains("infra/template.yml:"), "where to look: " + edge.found());
        Verdict missing = TemplateCheck.judge(p, dev.tierlab.verify.template.TemplateMatch.missing("infra/template.yml"), T);
        assertTrue(missing.found().startsWith("check.template.templateMissing(infra/template.yml"), missing.found());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("template", Map.of("count", 2)).kind(), "count goes with resourceType");
        assertEquals(Parameters.Kind.UNKNOWN, Bind.problem("template", Map.of("resource", "Api", "equal", 1)).kind());
    }

    @Test
    void quiz() {
        QuizCheck.Params p = Bind.as("quiz", Map.of("chapter", "api-gateway"));
        assertEquals(70, p.minPercent());
        assertTrue(QuizCheck.judge(p, Optional.of(new Learner.QuizScore(7, 10)), T).passed());
        assertFalse(QuizCheck.judge(p, Optional.of(new Learner.QuizScore(6, 10)), T).passed());
        assertEquals("check.quizNotTaken", QuizCheck.judge(p, Optional.empty(), T).found());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("quiz", Map.of("chapter", "c", "minPercent", 120)).kind());
    }

    @Test
    void command() {
        CommandCheck.Params p = Bind.as("command", Map.of("run", List.of("./test.sh", "-q"), "expectOutput", "OK"));
        assertEquals(0, p.expectExit());
        assertEquals(60, p.timeoutSeconds());
        assertTrue(CommandCheck.judge(p, new LocalProject.Ran(true, 0, List.of("all OK", "")), T).passed());
        Verdict wrong = CommandCheck.judge(p, new LocalProject.Ran(true, 3, List.of("bad", "last words")), T);
        assertFalse(wrong.passed());
        assertEquals("check.cmd.found(3, last words)", wrong.found());
        assertEquals("check.cmd.notStarted(./test.sh)", CommandCheck.judge(p, new LocalProject.Ran(false, -1, List.of()), T).found());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("command", Map.of("run", List.of())).kind(), "run needs a program");
        assertEquals(Parameters.Kind.WRONG_TYPE, Bind.problem("command", Map.of("run", "ls -l")).kind(), "run is a list, no shell line");
    }
}
