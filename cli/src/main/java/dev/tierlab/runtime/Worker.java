package dev.tierlab.runtime;

import dev.tierlab.runtime.worker.ErrorJson;
import dev.tierlab.runtime.worker.Frames;
import dev.tierlab.runtime.worker.WorkerMain;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

/**
 * tierlab's side of one function worker: a child JVM ({@link WorkerMain}) started with the function's
 * environment and {@code -Xmx} from its memory size, that loads one handler and runs one invocation at a
 * time, as a Lambda execution environment does. A function that times out, exits, or runs out of memory
 * ends only its worker, and the caller gets the error Lambda gives ({@code Sandbox.Timedout},
 * {@code Runtime.ExitError}, {@code Runtime.OutOfMemory}).
 */
final class Worker implements AutoCloseable {
    /** How the JVM is started: its environment and the function's memory size. */
    record Launch(Map<String, String> environment, int memoryMb) {
        Launch {
            environment = Map.copyOf(environment);
        }
    }

    /** What it runs: the function's name, handler and class path. */
    record Code(String function, String handler, List<Path> classpath) {
        Code {
            classpath = List.copyOf(classpath);
        }

        /** False once the unpacked package is gone (a new build replaced it): the worker runs old code. */
        boolean current() {
            return classpath.isEmpty() || java.nio.file.Files.isDirectory(classpath.get(0));
        }
    }

    /** Lambda's limit on the init phase (loading the handler class). */
    static final long INIT_MILLIS = 10_000;
    static final String ARCHIVE_PROPERTY = "tierlab.workerArchive";
    /** Log output kept per invocation; the rest is counted, not stored. */
    static final int MAX_LOG = 1024 * 1024;

    private final Launch launch;
    private final Process process;
    private final ServerSocket server;
    private final byte[] token;
    private final RawOutput raw;
    private Code code;
    private Socket socket;
    private DataInputStream in;
    private DataOutputStream out;
    private boolean ready;
    private volatile boolean broken;
    private long lastUsed = System.nanoTime();

    private Worker(Launch launch, Process process, ServerSocket server, byte[] token) {
        this.launch = launch;
        this.process = process;
        this.server = server;
        this.token = token;
        this.raw = new RawOutput(process.getInputStream());
    }

    /** Starts the JVM; it connects back while the caller goes on (building the package, say). */
    static Worker start(Launch launch) throws IOException {
        ServerSocket server = new ServerSocket(0, 1, InetAddress.getLoopbackAddress());
        try {
            byte[] token = new byte[24];
            new SecureRandom().nextBytes(token);
            String hex = HexFormat.of().formatHex(token);
            List<String> command = new ArrayList<>(List.of(javaCommand(), "-Xmx" + launch.memoryMb() + "m", "-XX:+UseSerialGC",
                    "-XX:TieredStopAtLevel=1", "-XX:-UsePerfData", "-Xshare:auto", "-Xlog:disable", "-Xlog:all=off",
                    "-Dfile.encoding=UTF-8"));
            archive().ifPresent(a -> command.add("-XX:SharedArchiveFile=" + a));
            command.addAll(List.of("-cp", System.getProperty("java.class.path"), WorkerMain.class.getName()));
            ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
            pb.environment().putAll(launch.environment());
            Process process = pb.start();
            try (OutputStream stdin = process.getOutputStream()) { // the token never shows in a process listing
                stdin.write((server.getLocalPort() + " " + hex + "\n").getBytes(StandardCharsets.US_ASCII));
            }
            return new Worker(launch, process, server, hex.getBytes(StandardCharsets.US_ASCII));
        } catch (IOException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    /**
     * The class-data archive workers start from, when ./tierlab made one for this build (system property
     * {@value #ARCHIVE_PROPERTY}); a JVM that finds it does not match ignores it.
     */
    private static java.util.Optional<Path> archive() {
        String a = System.getProperty(ARCHIVE_PROPERTY);
        return a == null || a.isBlank() || !java.nio.file.Files.isRegularFile(Path.of(a)) ? java.util.Optional.empty()
                : java.util.Optional.of(Path.of(a));
    }

    private static String javaCommand() {
        boolean windows = System.getProperty("os.name", "").toLowerCase(java.util.Locale.ROOT).startsWith("windows");
        return Path.of(System.getProperty("java.home"), "bin", windows ? "java.exe" : "java").toString();
    }

    Launch launch() {
        return launch;
    }

    /** The code it runs; null for a worker started ahead that has not been given code yet. */
    Code code() {
        return code;
    }

    /** Gives a worker started ahead the code it runs, once. */
    void assign(Code code) {
        if (this.code != null) {
            throw new IllegalStateException("a worker runs one function");
        }
        this.code = code;
    }

    /** Still able to take an invocation. */
    boolean usable() {
        return !broken && process.isAlive();
    }

    long idleNanos() {
        return System.nanoTime() - lastUsed;
    }

    long pid() {
        return process.pid();
    }

    /**
     * Runs one invocation. The function's log goes to {@code logs} (at most {@link #MAX_LOG} bytes); the
     * timeout counts from when the handler is loaded, as Lambda's does from the end of the init phase.
     */
    LambdaInvoker.Result invoke(String event, int timeoutSeconds, PrintStream logs) {
        long start = System.nanoTime();
        String requestId = UUID.randomUUID().toString();
        LogBudget budget = new LogBudget(logs);
        raw.sink(budget);
        try {
            if (!ready) {
                connect(budget);
            }
            long deadline = System.currentTimeMillis() + timeoutSeconds * 1000L;
            Frames.write(out, Frames.INVOKE, new Frames.Writer().text(requestId).number(deadline).text(event).body());
            while (true) {
                long left = deadline - System.currentTimeMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException();
                }
                socket.setSoTimeout((int) left);
                Frames.Frame f = Frames.read(in);
                if (f.kind() == Frames.LOG) {
                    budget.write(f.body());
                } else if (f.kind() == Frames.RESULT) {
                    Frames.Reader r = f.reader();
                    boolean success = r.number() == 1;
                    String type = r.text();
                    String payload = r.text();
                    if (type.startsWith("Runtime.")) {
                        broken = true; // out of memory: this environment is not used again
                    }
                    return result(success, payload, success ? null : type, start, budget);
                }
            }
        } catch (SocketTimeoutException e) {
            broken = true;
            process.destroyForcibly();
            String message = Instant.now() + " " + requestId + " Task timed out after " + timeoutSeconds + ".00 seconds";
            return result(false, ErrorJson.of(message, "Sandbox.Timedout", null), "Sandbox.Timedout", start, budget);
        } catch (IOException e) {
            broken = true;
            return exited(requestId, start, budget);
        } finally {
            lastUsed = System.nanoTime();
            raw.sink(null);
        }
    }

    /** Accepts the worker's connection (checking its token), sends the code and waits until the handler is loaded. */
    private void connect(LogBudget budget) throws IOException {
        long deadline = System.currentTimeMillis() + INIT_MILLIS;
        while (socket == null) {
            long left = deadline - System.currentTimeMillis();
            if (!process.isAlive() || left <= 0) {
                raw.drain();
                broken = true;
                throw new WorkerUnavailable(process.isAlive() ? "it did not connect within " + INIT_MILLIS / 1000 + " s"
                        : "it exited with status " + process.exitValue() + ": " + raw.tail());
            }
            server.setSoTimeout((int) Math.min(200, left));
            Socket s;
            try {
                s = server.accept();
            } catch (SocketTimeoutException e) {
                continue;
            }
            s.setTcpNoDelay(true);
            s.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            DataInputStream sin = new DataInputStream(new BufferedInputStream(s.getInputStream(), 64 * 1024));
            try {
                Frames.Frame hello = Frames.read(sin);
                if (hello.kind() == Frames.HELLO && MessageDigest.isEqual(hello.body(), token)) {
                    socket = s;
                    in = sin;
                    out = new DataOutputStream(new BufferedOutputStream(s.getOutputStream(), 64 * 1024));
                    continue;
                }
            } catch (IOException e) {
                // not our worker: some other local process connected
            }
            s.close();
        }
        server.close();
        Frames.Writer setup = new Frames.Writer().text(code.handler()).text(code.function()).number(launch.memoryMb());
        code.classpath().forEach(p -> setup.text(p.toString()));
        Frames.write(out, Frames.SETUP, setup.body());
        while (!ready) {
            socket.setSoTimeout((int) Math.max(1, deadline - System.currentTimeMillis()));
            Frames.Frame f = Frames.read(in);
            if (f.kind() == Frames.LOG) {
                budget.write(f.body());
            } else if (f.kind() == Frames.READY) {
                ready = true;
            }
        }
    }

    /** The worker's JVM ended during an invocation: the function exited, or the JVM could not go on. */
    private LambdaInvoker.Result exited(String requestId, long start, LogBudget budget) {
        try {
            process.waitFor(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        process.destroyForcibly();
        raw.drain();
        String tail = raw.tail();
        String type = tail.contains("OutOfMemoryError") ? "Runtime.OutOfMemory" : "Runtime.ExitError";
        String reason;
        if (process.isAlive()) {
            reason = "Runtime exited with error: connection lost";
        } else if (process.exitValue() == 0) {
            reason = "Runtime exited without providing a reason";
        } else if (process.exitValue() > 128 && !System.getProperty("os.name", "").startsWith("Windows")) {
            reason = "Runtime exited with error: signal: " + (process.exitValue() - 128);
        } else {
            reason = "Runtime exited with error: exit status " + process.exitValue();
        }
        return result(false, ErrorJson.of("RequestId: " + requestId + " Error: " + reason, type, null), type, start, budget);
    }

    private static LambdaInvoker.Result result(boolean success, String payload, String errorType, long start, LogBudget budget) {
        budget.flush();
        return new LambdaInvoker.Result(success, payload, errorType, TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start),
                budget.dropped());
    }

    @Override
    public void close() {
        broken = true;
        process.destroyForcibly();
        try {
            server.close();
            if (socket != null) {
                socket.close();
            }
        } catch (IOException e) {
            // closing anyway
        }
    }

    /** A worker JVM that cannot be started or does not connect: a problem of this machine, not of the function. */
    static final class WorkerUnavailable extends RuntimeException {
        WorkerUnavailable(String message) {
            super(message);
        }
    }

    /** At most {@link #MAX_LOG} bytes of one invocation's log reach its stream; the rest is counted. */
    private static final class LogBudget extends OutputStream {
        private final PrintStream logs;
        private long written;
        private long dropped;

        LogBudget(PrintStream logs) {
            this.logs = logs;
        }

        @Override
        public synchronized void write(int b) {
            write(new byte[]{(byte) b}, 0, 1);
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) {
            int keep = (int) Math.max(0, Math.min(len, MAX_LOG - written));
            logs.write(b, off, keep);
            written += keep;
            dropped += len - keep;
        }

        @Override
        public synchronized void flush() {
            logs.flush();
        }

        synchronized long dropped() {
            return dropped;
        }
    }

    /**
     * What the worker's JVM itself writes to its standard output and error (not the function's log,
     * which comes over the socket): drained all the time so the JVM never blocks, passed to the current
     * invocation's log, and its last lines kept to explain an exit.
     */
    private static final class RawOutput {
        private final Thread pump;
        private final StringBuilder tail = new StringBuilder();
        private volatile OutputStream sink;

        RawOutput(InputStream stream) {
            pump = new Thread(() -> {
                byte[] buf = new byte[8192];
                try (stream) {
                    for (int n; (n = stream.read(buf)) > 0; ) {
                        OutputStream s = sink;
                        if (s != null) {
                            s.write(buf, 0, n);
                        }
                        synchronized (tail) {
                            tail.append(new String(buf, 0, n, StandardCharsets.UTF_8));
                            if (tail.length() > 4096) {
                                tail.delete(0, tail.length() - 4096);
                            }
                        }
                    }
                } catch (IOException e) {
                    // the process has gone
                }
            }, "tierlab-worker-output");
            pump.setDaemon(true);
            pump.start();
        }

        void sink(OutputStream s) {
            sink = s;
        }

        /** Waits briefly for the last of the output of a process that has ended. */
        void drain() {
            try {
                pump.join(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        String tail() {
            synchronized (tail) {
                return tail.toString().strip();
            }
        }
    }
}
