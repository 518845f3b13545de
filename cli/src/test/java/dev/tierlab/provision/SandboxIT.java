package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real sandbox: MiniStack installed from PyPI into a private home and started on a free port. */
class SandboxIT {
    @TempDir
    Path home;

    private final List<String> progress = new ArrayList<>();
    private Sandbox sandbox;

    @AfterEach
    void stop() {
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    private static int freePort() {
        return dev.tierlab.net.Ports.free();
    }

    @Test
    void startsAnswersStopsAndRefusesABusyPort() throws Exception {
        sandbox = new Sandbox(home, progress::add);
        assertFalse(sandbox.status().running());
        java.nio.file.Path older = java.nio.file.Files.createDirectories(home.resolve("sandbox/venv-ministack-1.5.30/bin"));
        int port = freePort();
        Sandbox.Status s = sandbox.start(port);
        assertTrue(s.running(), "running after start");
        assertFalse(java.nio.file.Files.exists(older.getParent()), "an earlier version's virtualenv is removed after the install");
        assertEquals(Sandbox.VERSION, s.version(), "the pinned version answers the health check");
        assertEquals(List.of("MiniStack " + Sandbox.VERSION), progress, "the install was announced once");
        HttpResponse<String> health = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(s.endpoint() + "/_ministack/health")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());

        assertTrue(s.executorUrl() != null, "the Java executor starts with the sandbox");
        long executorPid = s.record().executorPid();
        HttpResponse<Void> executor = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                s.executorUrl().replace("/invoke", "/health"))).build(), HttpResponse.BodyHandlers.discarding());
        assertEquals(200, executor.statusCode());
        for (String path : new String[]{"/invoke", "/invoke/guess", "/invoke/" + "0".repeat(48)}) {
            HttpResponse<String> refused = HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(
                    s.executorUrl().replace("/invoke", path))).header("X-Amzn-Lambda-Function-Name", "anything")
                    .POST(HttpRequest.BodyPublishers.ofString("{}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(403, refused.statusCode(), "a caller without the executor's secret runs nothing: " + path);
        }
        java.net.URI secretUrl = sandbox.executorInvokeUrl().orElseThrow();
        HttpResponse<String> known = HttpClient.newHttpClient().send(HttpRequest.newBuilder(secretUrl)
                .header("X-Amzn-Lambda-Function-Name", "no-such-function").POST(HttpRequest.BodyPublishers.ofString("{}")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(500, known.statusCode(), "with the secret the executor looks the function up: " + known.body());
        assertEquals("rw-------", java.nio.file.attribute.PosixFilePermissions.toString(
                java.nio.file.Files.getPosixFilePermissions(home.resolve("sandbox/executor.secret"))));
        assertFalse(s.executorUrl().contains(secretUrl.getPath().substring("/invoke/".length())), "status never shows the secret");

        assertEquals(s.record().pid(), sandbox.start(port).record().pid(), "starting again keeps the running one");
        assertTrue(sandbox.stop());
        Thread.sleep(200);
        assertFalse(ProcessHandle.of(executorPid).map(ProcessHandle::isAlive).orElse(false), "the executor stops too");
        assertFalse(sandbox.status().running());
        assertFalse(sandbox.stop(), "nothing left to stop");

        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            TierlabException e = assertThrows(TierlabException.class, () -> sandbox.start(taken.getLocalPort()));
            assertEquals(ExitCode.BUSY, e.exitCode());
            assertEquals("error.sandbox.portBusy", e.key());
        }
        assertFalse(sandbox.status().running());
    }
}
