package dev.tierlab.generate;

import dev.tierlab.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GeneratorTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:00:00Z"), ZoneOffset.UTC);

    @TempDir
    Path dir;

    private Path template(String id, String manifestParams, Map<String, String> files) throws IOException {
        Path root = dir.resolve("templates");
        Path t = root.resolve(id);
        Files.createDirectories(t);
        Files.writeString(t.resolve("template.yaml"), "id: " + id + "\nversion: 3\nparameters:\n" + manifestParams);
        for (Map.Entry<String, String> f : files.entrySet()) {
            Path p = t.resolve(f.getKey());
            Files.createDirectories(p.getParent());
            Files.writeString(p, f.getValue());
        }
        return root;
    }

    private static String text(Map<String, byte[]> out, String path) {
        return new String(out.get(path), StandardCharsets.UTF_8);
    }

    @Test
    void rendersFtlFilesExpandsPathsAndLeavesDollarBracesAlone() throws IOException {
        Path root = template("demo", "  - {name: package, defaultValue: com.example.app}\n  - {name: name, defaultValue: Demo}\n",
                Map.of("src/__packagePath__/[=name].txt.ftl".replace("[=name]", "Main"), "Hello [=name] from [=package] ${AWS::Region}\n",
                        "static.txt", "copied [=name] as is\n"));
        TemplateRepository.Template t = TemplateRepository.directory(root).load("demo");
        Map<String, byte[]> out = new Generator().render(t, Map.of("name", "Tickets"));
        assertEquals("Hello Tickets from com.example.app ${AWS::Region}\n", text(out, "src/com/example/app/Main.txt"));
        assertEquals("copied [=name] as is\n", text(out, "static.txt"));
        assertEquals(3, t.manifest().version());
    }

    @Test
    void aMissingVariableNamesTheTemplateAndLine() throws IOException {
        Path root = template("broken", "  - {name: name, defaultValue: x}\n", Map.of("a.txt.ftl", "line one\nvalue [=nope]\n"));
        TemplateRepository.Template t = TemplateRepository.directory(root).load("broken");
        TierlabException e = assertThrows(TierlabException.class, () -> new Generator().render(t, Map.of()));
        String message = Messages.of(Lang.EN).get(e.key(), e.args());
        assertTrue(message.contains("templates/broken/a.txt.ftl:2:"), message);
        assertTrue(message.contains("nope"), message);
    }

    @Test
    void unknownParametersAndPathVariablesAreErrors() throws IOException {
        Path root = template("paths", "  - {name: name, defaultValue: x}\n", Map.of("__missing__/a.txt", "x"));
        TemplateRepository.Template t = TemplateRepository.directory(root).load("paths");
        TierlabException path = assertThrows(TierlabException.class, () -> new Generator().render(t, Map.of()));
        assertEquals("error.template.pathVariable", path.key());
        TierlabException param = assertThrows(TierlabException.class, () -> new Generator().render(t, Map.of("typo", "v")));
        assertEquals("error.template.unknownParameter", param.key());
    }

    @Test
    void generatingAgainKeepsLearnerEditsAndUpdatesUntouchedFiles() throws IOException {
        Workspace ws = new Workspace(dir.resolve("ws"), CLOCK);
        Map<String, byte[]> v1 = Map.of("A.java", bytes("class A {}"), "B.java", bytes("class B {}"));
        Workspace.Result first = ws.apply(ws.plan(v1), false, "demo", Map.of("demo", 1));
        assertEquals(2, first.written().size());
        assertTrue(Files.exists(ws.dir().resolve(Workspace.MARKER)));

        Files.writeString(ws.dir().resolve("A.java"), "class A { /* mine */ }");
        Map<String, byte[]> v2 = Map.of("A.java", bytes("class A { int v2; }"), "B.java", bytes("class B { int v2; }"),
                "C.java", bytes("class C {}"));
        Workspace.Plan plan = ws.plan(v2);
        assertEquals(java.util.List.of("A.java"), plan.conflicts());
        assertEquals(java.util.List.of("B.java"), plan.updated());
        assertEquals(java.util.List.of("C.java"), plan.created());

        Workspace.Result kept = ws.apply(plan, false, "demo", Map.of("demo", 2));
        assertEquals(java.util.List.of("A.java"), kept.kept());
        assertEquals("class A { /* mine */ }", Files.readString(ws.dir().resolve("A.java")), "the learner's edit is kept");
        assertEquals("class B { int v2; }", Files.readString(ws.dir().resolve("B.java")));
        assertEquals(java.util.List.of("A.java"), ws.plan(v2).conflicts(), "still the learner's until they agree");

        Workspace.Result forced = ws.apply(ws.plan(v2), true, "demo", Map.of("demo", 2));
        assertEquals("class A { int v2; }", Files.readString(ws.dir().resolve("A.java")));
        assertEquals("class A { /* mine */ }", Files.readString(forced.backup().resolve("A.java")), "backup kept");
        assertTrue(ws.plan(v2).conflicts().isEmpty());
        assertFalse(ws.marker().orElseThrow().files().isEmpty());
    }

    @Test
    void templatePathsCannotLeaveTheWorkspace() {
        Workspace ws = new Workspace(dir.resolve("ws"), CLOCK);
        assertThrows(TierlabException.class, () -> ws.plan(Map.of("../escape.txt", bytes("x"))));
    }

    private static byte[] bytes(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    /** A caller's interrupt (Ctrl-C in the shell) is a cancel, not a slow template, and stays set for the caller. */
    @Test
    void theCallersInterruptCancelsAndStaysSet() throws IOException {
        Path root = template("loop", "  - {name: name, defaultValue: x}\n", Map.of("a.txt.ftl", "[#list 1..2000000000 as i][/#list]\n"));
        TemplateRepository.Template t = TemplateRepository.directory(root).load("loop");
        Thread.currentThread().interrupt();
        try {
            TierlabException e = assertThrows(TierlabException.class, () -> new Generator().render(t, Map.of()));
            assertEquals(dev.tierlab.error.ExitCode.CANCELLED, e.exitCode(), e::getMessage);
            assertTrue(Thread.currentThread().isInterrupted(), "the interrupt is the caller's: still set");
        } finally {
            Thread.interrupted();
        }
    }

    @Test
    void deepRecursionIsAFailureOfTheFileNotACrash() throws IOException {
        Path root = template("deep", "  - {name: name, defaultValue: x}\n", Map.of("a.txt.ftl", "[#macro m][@m/][/#macro][@m/]\n"));
        TemplateRepository.Template t = TemplateRepository.directory(root).load("deep");
        java.util.List<Generator.Failure> failures = new Generator().failures(t, Map.of());
        assertEquals(1, failures.size(), failures::toString);
        assertEquals("a.txt.ftl", failures.get(0).file());
        assertTrue(failures.get(0).reason().contains("recurses"), failures::toString);
    }
}
