package dev.tierlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The command check through the engine and tierlab's process runner: argv without a shell, in the workspace, exit code, output and timeout. */
class CommandCheckTest {
    @TempDir
    Path workspace;

    private CheckResult run(Map<String, Object> params) {
        Messages msg = Messages.of(Lang.EN);
        try (Checks checks = new Checks(null, workspace, null, null, dev.tierlab.progress.Progress.empty(), null, "sandbox",
                java.util.Set.of(), () -> null, msg::get, e -> msg.get(e.key(), e.args()), java.util.Optional.empty())) {
            return checks.run(new Lab.Check("cmd", "command", 2, null, params, null, null));
        }
    }

    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @Test
    void passesOnTheExpectedExitCodeAndOutput() {
        CheckResult ok = run(Map.of("run", List.of(JAVA, "-version"), "expectOutput", "version"));
        assertEquals(CheckStatus.PASSED, ok.status(), ok::toString);
        assertEquals(2, ok.points());
        assertTrue(ok.expected().endsWith("-version exits with 0 and prints \"version\""), ok.expected());
    }

    @Test
    void failsWithTheExitCodeAndTheLastLine() throws Exception {
        Files.writeString(workspace.resolve("Fail.java"), "class Fail { public static void main(String[] a) {"
                + " System.out.println(\"first\"); System.out.println(\"last words\"); System.exit(4); } }");
        CheckResult failed = run(Map.of("run", List.of(JAVA, "Fail.java")));
        assertEquals(CheckStatus.FAILED, failed.status(), failed::toString);
        assertEquals("exit 4: last words", failed.found(), "runs in the workspace, reports exit code and last line");
        CheckResult expected = run(Map.of("run", List.of(JAVA, "Fail.java"), "expectExit", 4, "expectOutput", "first"));
        assertEquals(CheckStatus.PASSED, expected.status(), expected::toString);
        CheckResult wrongOutput = run(Map.of("run", List.of(JAVA, "Fail.java"), "expectExit", 4, "expectOutput", "nowhere"));
        assertEquals(CheckStatus.FAILED, wrongOutput.status(), wrongOutput::toString);
    }

    @Test
    void noShellIsInvolved() {
        CheckResult literal = run(Map.of("run", List.of(JAVA, "-version", "&&", "echo", "injected"), "expectOutput", "injected"));
        assertEquals(CheckStatus.FAILED, literal.status(), "&& is an argument, not a shell operator: " + literal);
    }

    @Test
    void aProgramThatIsMissingFailsRatherThanBeingSkipped() {
        CheckResult missing = run(Map.of("run", List.of("./run-tests.sh")));
        assertEquals(CheckStatus.FAILED, missing.status(), missing::toString);
        assertTrue(missing.found().contains("./run-tests.sh could not be started"), missing.found());
    }

    @Test
    void isStoppedAfterItsTimeout() throws Exception {
        Files.writeString(workspace.resolve("Slow.java"), "class Slow { public static void main(String[] a) throws Exception {"
                + " Thread.sleep(60_000); } }");
        long start = System.nanoTime();
        CheckResult slow = run(Map.of("run", List.of(JAVA, "Slow.java"), "timeoutSeconds", 2));
        assertEquals(CheckStatus.FAILED, slow.status(), slow::toString);
        assertTrue(slow.found().contains("took longer than 2 seconds"), slow.found());
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "stopped, not waited for");
    }
}
