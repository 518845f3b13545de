package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Path;

/**
 * A real sandbox for the *IT tests, started through the CLI as a learner would, from an empty home
 * (MiniStack is installed from PyPI on first use) on a free port; {@link #stop} asserts that no
 * process of it is left. Never skipped: a sandbox that cannot start fails the test.
 */
final class TestSandbox {
    final Path home;
    private final long enginePid;
    private final long executorPid;

    private TestSandbox(Path home, long enginePid, long executorPid) {
        this.home = home;
        this.enginePid = enginePid;
        this.executorPid = executorPid;
    }

    static TestSandbox start(Path home) throws IOException {
        Run start = Run.tierlab(home, "sandbox", "start", "--port", String.valueOf(freePort()));
        assertEquals(0, start.code, start.toString());
        JsonNode record = new ObjectMapper().readTree(home.resolve("sandbox/sandbox.json").toFile());
        return new TestSandbox(home, record.get("pid").asLong(), record.get("executorPid").asLong());
    }

    static int freePort() {
        return dev.tierlab.net.Ports.free();
    }

    void stop() {
        Run stop = Run.tierlab(home, "sandbox", "stop");
        assertEquals(0, stop.code, stop.toString());
        for (long pid : new long[]{enginePid, executorPid}) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
            assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false), "process " + pid + " is left");
        }
    }

    /** What tierlab tagged that is still on the sandbox: stacks and buckets. */
    java.util.List<String> leaks() throws IOException {
        int port = new ObjectMapper().readTree(home.resolve("sandbox/sandbox.json").toFile()).get("port").asInt();
        dev.tierlab.provision.Target target = dev.tierlab.provision.Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX,
                java.net.URI.create("http://127.0.0.1:" + port), java.util.Set.of());
        try (dev.tierlab.provision.AwsClients aws = new dev.tierlab.provision.AwsClients(target)) {
            return new dev.tierlab.provision.Deployer(aws, null).leaks();
        }
    }

    /** A new api-gateway workspace at {@code ws}; {@code solved} applies the post-ticket solution. */
    Path workspace(Path ws, boolean solved) {
        Run start = Run.tierlab(home, "lab", "start", "api-gateway", "--dir", ws.toString());
        assertEquals(0, start.code, start.toString());
        if (solved) {
            Run solution = Run.tierlab(home, "solution", "post-ticket", "--apply", "--yes", "--dir", ws.toString());
            assertEquals(0, solution.code, solution.toString());
        }
        return ws;
    }
}
