package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.error.ExitCode;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The sandbox's processes when one of them dies, as a learner would meet it through the CLI: an
 * executor left by a killed engine is ended by the next start, and a sandbox whose executor does not
 * answer is reported as unable to run Java (exit 6), not as running.
 */
class SandboxLifecycleIT {
    @TempDir
    Path home;

    private JsonNode record() throws Exception {
        return new ObjectMapper().readTree(home.resolve("sandbox/sandbox.json").toFile());
    }

    private static void kill(long pid) {
        ProcessHandle.of(pid).ifPresent(p -> {
            p.destroyForcibly();
            p.onExit().join();
        });
    }

    private static boolean alive(long pid) {
        return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    @Test
    void aKilledEngineOrExecutorIsFoundAndCleanedUp() throws Exception {
        int port = TestSandbox.freePort();
        assertEquals(0, Run.tierlab(home, "sandbox", "start", "--port", String.valueOf(port)).code);
        long engine = record().get("pid").asLong();
        long executor = record().get("executorPid").asLong();

        kill(engine); // kill -9 of MiniStack
        Run status = Run.tierlab(home, "sandbox", "status");
        assertTrue(status.out.contains("not running"), status.toString());
        Run again = Run.tierlab(home, "sandbox", "start", "--port", String.valueOf(port));
        assertEquals(0, again.code, again.toString());
        ProcessHandle.of(executor).ifPresent(p -> p.onExit().join());
        assertFalse(alive(executor), "the executor the killed engine left behind was ended by the next start");
        long newExecutor = record().get("executorPid").asLong();
        assertNotEquals(executor, newExecutor);
        assertEquals(0, Run.tierlab(home, "sandbox", "status").code, "engine and executor answer");

        kill(newExecutor);
        Run down = Run.tierlab(home, "sandbox", "status");
        assertEquals(ExitCode.FAILED.code(), down.code, down.toString());
        assertTrue(down.out.contains("does not answer"), down.toString());
        Run json = Run.tierlab(home, "sandbox", "status", "--json");
        assertFalse(new ObjectMapper().readTree(json.out).get("executorUp").asBoolean(), json.out);

        long engine2 = record().get("pid").asLong();
        assertEquals(0, Run.tierlab(home, "sandbox", "stop").code);
        ProcessHandle.of(engine2).ifPresent(p -> p.onExit().join());
        assertFalse(alive(engine2));
    }
}
