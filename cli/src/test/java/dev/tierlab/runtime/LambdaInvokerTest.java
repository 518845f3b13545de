package dev.tierlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learner's function in its own JVM, for real: handlers compiled here, packaged as Lambda zips and
 * run by {@link LambdaInvoker} in worker processes. A function that exits, never returns, runs out of
 * memory or prints without end ends only its worker, and the caller gets Lambda's error shape.
 */
class LambdaInvokerTest {
    @TempDir
    static Path dir;
    private static DeploymentPackage pkg;
    private static final WorkerPool pool = new WorkerPool();
    private static final LambdaInvoker invoker = new LambdaInvoker(pool);
    private static final ObjectMapper JSON = new ObjectMapper();

    /** One class, {@code h.Fn}, whose methods each misbehave in one way; the handler names the method. */
    private static final String SOURCE = """
            package h;
            import com.amazonaws.services.lambda.runtime.Context;
            import java.io.*;
            import java.util.*;
            public class Fn {
                static final long BORN = System.nanoTime();
                public Map<String, Object> echo(Map<String, Object> event, Context context) {
                    System.out.println("echo " + event.get("name"));
                    context.getLogger().log("remaining " + context.getRemainingTimeInMillis());
                    Map<String, Object> r = new LinkedHashMap<>(event);
                    r.put("greeting", System.getenv("GREETING"));
                    r.put("pid", ProcessHandle.current().pid());
                    r.put("born", BORN);
                    r.put("maxHeapMb", Runtime.getRuntime().maxMemory() / (1024 * 1024));
                    r.put("sees", canSee("com.fasterxml.jackson.databind.ObjectMapper") + "," + canSee("dev.tierlab.cli.Main"));
                    return r;
                }
                private static boolean canSee(String name) {
                    try { Class.forName(name, false, Fn.class.getClassLoader()); return true; } catch (ClassNotFoundException e) { return false; }
                }
                public String exit(Map<String, Object> event) { System.exit(3); return "never"; }
                public String hang(Map<String, Object> event) { long n = 0; while (n >= 0) { n = (n + 1) % 1000; } return "never"; }
                public String hoard(Map<String, Object> event) {
                    List<byte[]> all = new ArrayList<>();
                    while (true) { all.add(new byte[1024 * 1024]); }
                }
                public String chatty(Map<String, Object> event) {
                    char[] line = new char[1023]; Arrays.fill(line, 'x'); String s = new String(line);
                    for (int i = 0; i < 5 * 1024; i++) { System.out.println(s); }
                    return "done";
                }
                public String fail(Map<String, Object> event) { throw new IllegalArgumentException("no \\"name\\" given"); }
            }
            """;

    @BeforeAll
    static void buildPackage() throws IOException {
        pkg = DeploymentPackage.open(CompiledFunction.zip(dir, "h.Fn", SOURCE));
    }

    @AfterAll
    static void endWorkers() {
        List<Long> pids = pool.pids();
        pool.close();
        for (long pid : pids) {
            ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        }
    }

    private static FunctionDefinition fn(String method, int timeout, int memory) {
        return new FunctionDefinition("Fn" + method, "h.Fn::" + method, timeout, memory, Map.of("GREETING", "hello"), List.of(), null);
    }

    private static final class Logs {
        final ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        final PrintStream stream = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        String text() {
            return bytes.toString(StandardCharsets.UTF_8);
        }
    }

    @Test
    void aWarmWorkerIsReusedAndTheFunctionSeesItsEnvironmentMemoryAndOnlyItsOwnClasses() throws Exception {
        Logs logs = new Logs();
        LambdaInvoker.Result first = invoker.invoke(fn("echo", 10, 192), pkg, "{\"name\":\"ada\"}", logs.stream);
        assertTrue(first.success(), first.toString());
        JsonNode a = JSON.readTree(first.payload());
        assertEquals("ada", a.get("name").asText());
        assertEquals("hello", a.get("greeting").asText(), "the template's environment, set for real in the worker's process");
        assertNotEquals(ProcessHandle.current().pid(), a.get("pid").asLong(), "not in tierlab's JVM");
        long heap = a.get("maxHeapMb").asLong();
        assertTrue(heap > 150 && heap <= 192, "-Xmx from MemorySize 192: " + heap);
        assertEquals("false,false", a.get("sees").asText(), "neither tierlab's libraries nor tierlab itself");
        assertTrue(logs.text().contains("echo ada"), logs.text());
        assertTrue(logs.text().matches("(?s).*remaining \\d{4}.*"), logs.text());

        LambdaInvoker.Result second = invoker.invoke(fn("echo", 10, 192), pkg, "{\"name\":\"grace\"}", new Logs().stream);
        JsonNode b = JSON.readTree(second.payload());
        assertEquals(a.get("pid").asLong(), b.get("pid").asLong(), "the same execution environment");
        assertEquals(a.get("born").asLong(), b.get("born").asLong(), "the handler class was not loaded again");

        LambdaInvoker.Result other = invoker.invoke(fn("echo", 10, 256), pkg, "{}", new Logs().stream);
        assertNotEquals(a.get("pid").asLong(), JSON.readTree(other.payload()).get("pid").asLong(), "another memory size, another worker");
    }

    @Test
    void systemExitEndsOnlyTheWorker() throws Exception {
        LambdaInvoker.Result r = invoker.invoke(fn("exit", 10, 128), pkg, "{}", new Logs().stream);
        assertFalse(r.success());
        assertEquals("Runtime.ExitError", r.errorType());
        JsonNode e = JSON.readTree(r.payload());
        assertEquals("Runtime.ExitError", e.get("errorType").asText());
        assertTrue(e.get("errorMessage").asText().endsWith("Error: Runtime exited with error: exit status 3"), r.payload());
        assertTrue(invoker.invoke(fn("echo", 10, 128), pkg, "{}", new Logs().stream).success(), "the next invocation gets a new worker");
    }

    @Test
    void aFunctionThatNeverReturnsIsKilledAtItsTimeout() throws Exception {
        java.util.Set<Long> earlier = workers();
        long before = System.nanoTime();
        LambdaInvoker.Result r = invoker.invoke(fn("hang", 1, 128), pkg, "{}", new Logs().stream);
        assertEquals("Sandbox.Timedout", r.errorType());
        assertTrue(JSON.readTree(r.payload()).get("errorMessage").asText().endsWith("Task timed out after 1.00 seconds"), r.payload());
        assertTrue(System.nanoTime() - before < 8_000_000_000L, "returned soon after the timeout");
        java.util.Set<Long> left = workers();
        left.removeAll(earlier);
        left.removeAll(pool.pids());
        assertTrue(left.isEmpty(), "the timed-out worker's process was ended: " + left);
    }

    @Test
    void runningOutOfMemoryIsRuntimeOutOfMemory() throws Exception {
        LambdaInvoker.Result r = invoker.invoke(fn("hoard", 20, 128), pkg, "{}", new Logs().stream);
        assertEquals("Runtime.OutOfMemory", r.errorType(), r.payload());
        assertEquals("Runtime.OutOfMemory", JSON.readTree(r.payload()).get("errorType").asText());
        assertTrue(invoker.invoke(fn("echo", 10, 128), pkg, "{}", new Logs().stream).success());
    }

    @Test
    void megabytesOfOutputAreCappedAndCounted() throws Exception {
        Logs logs = new Logs();
        LambdaInvoker.Result r = invoker.invoke(fn("chatty", 20, 128), pkg, "{}", logs.stream);
        assertTrue(r.success(), r.toString());
        assertEquals("\"done\"", r.payload());
        assertEquals(Worker.MAX_LOG, logs.bytes.size(), "the first MiB is kept");
        assertEquals(5L * 1024 * 1024 - Worker.MAX_LOG, r.logBytesDropped());
    }

    @Test
    void anExceptionIsLambdasErrorDocument() throws Exception {
        LambdaInvoker.Result r = invoker.invoke(fn("fail", 10, 128), pkg, "{}", new Logs().stream);
        JsonNode e = JSON.readTree(r.payload());
        assertEquals("java.lang.IllegalArgumentException", e.get("errorType").asText());
        assertEquals("no \"name\" given", e.get("errorMessage").asText());
        assertTrue(e.get("stackTrace").get(0).asText().startsWith("h.Fn.fail("), r.payload());

        LambdaInvoker.Result missing = invoker.invoke(new FunctionDefinition("Missing", "h.Nope::run", 10, 128, Map.of(), List.of(), null),
                pkg, "{}", new Logs().stream);
        assertEquals("java.lang.ClassNotFoundException", missing.errorType());
        assertTrue(JSON.readTree(missing.payload()).get("errorMessage").asText().contains("h.Nope"));
    }

    @Test
    void aRebuiltPackageGetsTheWorkerStartedAheadAndTheOldOneEnds() throws Exception {
        Path zip = CompiledFunction.zip(dir.resolve("v2"), "h.Fn", SOURCE);
        try (WorkerPool own = new WorkerPool()) {
            LambdaInvoker invoker = new LambdaInvoker(own);
            FunctionDefinition f = fn("echo", 10, 128);
            DeploymentPackage v1 = DeploymentPackage.open(zip);
            long old = JSON.readTree(invoker.invoke(f, v1, "{}", new Logs().stream).payload()).get("pid").asLong();
            dev.tierlab.files.FileTrees.delete(v1.classpath().get(0)); // what a new build does to the old unpacked package
            invoker.prepare(f);
            List<Long> ahead = own.pids();
            assertEquals(1, ahead.size(), "one worker started ahead, the stale one ended: " + ahead);
            assertNotEquals(old, ahead.get(0));
            ProcessHandle.of(old).ifPresent(p -> p.onExit().join());
            long used = JSON.readTree(invoker.invoke(f, DeploymentPackage.open(zip), "{}", new Logs().stream).payload()).get("pid").asLong();
            assertEquals(ahead.get(0), used, "the invocation took the worker started ahead");
        }
    }

    @Test
    void workersEndWhenTheirPoolIsClosed() throws Exception {
        WorkerPool own = new WorkerPool();
        LambdaInvoker.Result r = new LambdaInvoker(own).invoke(fn("echo", 10, 128), pkg, "{}", new Logs().stream);
        long pid = JSON.readTree(r.payload()).get("pid").asLong();
        assertTrue(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        own.close();
        ProcessHandle.of(pid).ifPresent(p -> p.onExit().join());
        assertFalse(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** Live worker processes started by this JVM. */
    private static java.util.Set<Long> workers() throws InterruptedException {
        Thread.sleep(200); // a killed process may take a moment to go
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("WorkerMain")).orElse(false))
                .map(ProcessHandle::pid).collect(java.util.stream.Collectors.toCollection(java.util.HashSet::new));
    }

}
