package dev.tierlab.provision;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.files.Bundled;
import dev.tierlab.files.FileTrees;
import dev.tierlab.net.Ports;
import dev.tierlab.process.Processes;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The default target: MiniStack, an MIT-licensed AWS emulator from PyPI, installed by tierlab into
 * its own virtualenv under {@code $TIERLAB_HOME/sandbox/} and run as a background process bound to
 * 127.0.0.1. The process id and port are recorded in {@code sandbox.json}; only that process is ever
 * stopped. State persists across restarts until {@code reset}.
 */
public final class Sandbox {
    public static final String ENGINE = "MiniStack";
    /** Pinned: MiniStack releases very often (see docs/research/ministack.md). */
    public static final String VERSION = "1.5.33";
    public static final int DEFAULT_PORT = 4566;
    /**
     * What goes into the virtualenv: MiniStack and the optional modules it needs for what tierlab
     * claims of it, {@code cryptography} (Cognito tokens) and {@code cbor2} (the AWS SDK's CloudWatch
     * protocol). A change here gets a new virtualenv.
     */
    static final List<String> PACKAGES = List.of("ministack==" + VERSION, "cryptography", "cbor2");
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    private final Path dir;
    private final Consumer<String> progress;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    /** What {@code sandbox.json} records about the running processes: the engine and tierlab's Java executor. */
    public record Record(long pid, int port, String version, String started, Long executorPid, Integer executorPort,
                         String executorStart) {
    }

    /** @param version the version the running engine reports, null when not running */
    public record Status(boolean running, Record record, String version) {
        public String endpoint() {
            return record == null ? null : "http://127.0.0.1:" + record.port();
        }

        /** The URL a Java function names in {@code MINISTACK_LAMBDA_PROXY_URL}, null when the executor is not up. */
        public String executorUrl() {
            return record == null || record.executorPort() == null ? null : "http://127.0.0.1:" + record.executorPort() + "/invoke";
        }
    }

    /** @param progress told about slow steps (installing from PyPI) */
    public Sandbox(Path home, Consumer<String> progress) {
        this.dir = home.resolve("sandbox");
        this.progress = progress;
    }

    public Path log() {
        return dir.resolve("ministack.log");
    }

    public Status status() {
        Optional<Record> record = readRecord();
        if (record.isEmpty() || !isOurs(record.get().pid())) {
            return new Status(false, null, null);
        }
        return new Status(true, record.get(), health(record.get().port()).map(h -> h.path("version").asText(null)).orElse(null));
    }

    /** Starts the sandbox on {@code port}, installing MiniStack first if needed; a running sandbox is left as it is. */
    public Status start(int port) {
        return start(port, false);
    }

    /**
     * @param anyFunction let the Java executor run functions that are in no stack tierlab deployed (for
     *                    experiments with functions created by other tools)
     */
    public Status start(int port, boolean anyFunction) {
        Status now = status();
        if (now.running()) {
            return now;
        }
        stop(); // what is left of an earlier start (an executor whose engine was killed, say) ends first
        Path python = install();
        ensurePortFree(port);
        try {
            for (String sub : List.of("state", "s3", "tmp")) {
                Files.createDirectories(dir.resolve(sub));
            }
            Path launcher = dir.resolve("ministack-launcher.py");
            AtomicFiles.write(launcher, Bundled.bytes(Sandbox.class, "ministack-launcher.py"));
            int executorPort = Ports.free();
            String secret = newSecret();
            ProcessBuilder pb = new ProcessBuilder(python.toString(), launcher.toString())
                    .redirectInput(ProcessBuilder.Redirect.from(Processes.nullFile()))
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log().toFile()));
            Map<String, String> env = pb.environment();
            env.put("GATEWAY_PORT", String.valueOf(port));
            env.put("BIND_HOST", "127.0.0.1");
            env.put("MINISTACK_HOST", "127.0.0.1");       // code download URLs point here
            env.put("IOT_MTLS_ENABLED", "0");           // else it listens on 0.0.0.0:8883
            env.put("STATE_DIR", dir.resolve("state").toString());
            env.put("S3_DATA_DIR", dir.resolve("s3").toString());
            env.put("TMPDIR", dir.resolve("tmp").toString());
            env.put("PERSIST_STATE", "1");
            env.put("S3_PERSIST", "1");
            // see the launcher; the secret path keeps other local callers from running code in the executor
            env.put("TIERLAB_EXECUTOR_URL", LambdaExecutor.invokeUrl(executorPort, secret).toString());
            Process process = pb.start();
            Record record = new Record(process.pid(), port, VERSION, Instant.now().toString(), null, null, null);
            AtomicFiles.write(dir.resolve("sandbox.json"), JSON.writeValueAsBytes(record));
            long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
            while (health(port).isEmpty()) {
                if (!process.isAlive()) {
                    Files.deleteIfExists(dir.resolve("sandbox.json"));
                    throw new TierlabException(ExitCode.FAILED, "error.sandbox.startFailed", log(), tail(5));
                }
                if (System.nanoTime() > deadline) {
                    stop();
                    throw new TierlabException(ExitCode.FAILED, "error.sandbox.startFailed", log(), tail(5));
                }
                Thread.sleep(100);
            }
            record = startExecutor(record, executorPort, secret, anyFunction);
            AtomicFiles.write(dir.resolve("sandbox.json"), JSON.writeValueAsBytes(record));
            return status();
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
        }
    }

    /**
     * Starts tierlab's Java executor beside the engine, as its own background process running this
     * same tierlab (MiniStack forwards Java invocations to it), and waits until it answers.
     */
    private Record startExecutor(Record record, int port, String secret, boolean anyFunction) throws IOException, InterruptedException {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> command = new java.util.ArrayList<>(List.of(java, "-XX:+UseSerialGC"));
        dev.tierlab.runtime.LambdaInvoker.workerArchiveOption().ifPresent(command::add); // its workers start as fast as tierlab's
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), LambdaExecutor.class.getName(),
                "http://127.0.0.1:" + record.port(), String.valueOf(port), dir.resolve("code").toString()));
        if (anyFunction) {
            command.add("--any-function");
        }
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(dir.resolve("executor.log").toFile()))
                .start();
        try (var stdin = p.getOutputStream()) { // the secret is on no command line
            stdin.write((secret + "\n").getBytes(StandardCharsets.US_ASCII));
        }
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!answers("http://127.0.0.1:" + port + "/health")) {
            if (!p.isAlive() || System.nanoTime() > deadline) {
                p.destroyForcibly();
                throw new TierlabException(ExitCode.FAILED, "error.sandbox.startFailed", dir.resolve("executor.log"),
                        "the Java executor did not start");
            }
            Thread.sleep(100);
        }
        return new Record(record.pid(), record.port(), record.version(), record.started(), p.pid(), port, startOf(p.pid()));
    }

    /**
     * A new secret for the executor's invoke path, known only to MiniStack's proxy (through the launcher's
     * environment) and the executor (on its standard input); kept mode 0600 in {@code executor.secret} so
     * that tierlab's own tests and tools of the same user can reach the executor too.
     */
    private String newSecret() throws IOException {
        byte[] bytes = new byte[24];
        new java.security.SecureRandom().nextBytes(bytes);
        String secret = java.util.HexFormat.of().formatHex(bytes);
        Path file = dir.resolve("executor.secret");
        AtomicFiles.write(file, secret.getBytes(java.nio.charset.StandardCharsets.US_ASCII));
        try {
            Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Windows: the file is in the user's own profile
        }
        return secret;
    }

    /** The executor's invoke URL, with its secret, for a function that names its proxy itself; empty when the sandbox has none. */
    public Optional<URI> executorInvokeUrl() {
        Optional<Record> r = readRecord();
        Path file = dir.resolve("executor.secret");
        if (r.isEmpty() || r.get().executorPort() == null || !Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(LambdaExecutor.invokeUrl(r.get().executorPort(), Files.readString(file).strip()));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    /** True when tierlab's Java executor of the running sandbox answers: only then do Java functions really run. */
    public boolean executorUp(Status status) {
        return status.running() && status.record().executorPort() != null
                && answers("http://127.0.0.1:" + status.record().executorPort() + "/health");
    }

    private boolean answers(String url) {
        try {
            return http.send(HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(2)).build(),
                    HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** Stops the recorded processes (and only them). Returns false when the sandbox was not running. */
    public boolean stop() {
        Optional<Record> record = readRecord();
        boolean stopped = false;
        if (record.isPresent() && record.get().executorPid() != null && record.get().executorStart() != null
                && Objects.equals(startOf(record.get().executorPid()), record.get().executorStart())) {
            end(ProcessHandle.of(record.get().executorPid()).orElseThrow());
        }
        if (record.isPresent() && isOurs(record.get().pid())) {
            end(ProcessHandle.of(record.get().pid()).orElseThrow());
            stopped = true;
        }
        try {
            Files.deleteIfExists(dir.resolve("sandbox.json"));
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
        return stopped;
    }

    private static void end(ProcessHandle p) {
        p.destroy();
        try {
            p.onExit().get(10, java.util.concurrent.TimeUnit.SECONDS);
        } catch (Exception e) {
            p.destroyForcibly();
        }
    }

    /** Forgets everything deployed: the running engine is emptied, the saved state deleted. */
    public void reset() {
        Status s = status();
        if (s.running()) {
            try {
                http.send(HttpRequest.newBuilder(URI.create(s.endpoint() + "/_ministack/reset"))
                        .POST(HttpRequest.BodyPublishers.noBody()).timeout(Duration.ofSeconds(10)).build(),
                        HttpResponse.BodyHandlers.discarding());
            } catch (IOException e) {
                throw new TierlabException(ExitCode.UNREACHABLE, e, "error.sandbox.unreachable", s.endpoint());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
            }
        }
        for (String sub : List.of("state", "s3")) {
            deleteTree(dir.resolve(sub));
        }
    }

    /** The last {@code lines} lines of the engine's log. */
    public List<String> tail(int lines) {
        try {
            if (!Files.exists(log())) {
                return List.of();
            }
            List<String> all = Files.readAllLines(log());
            return new ArrayList<>(all.subList(Math.max(0, all.size() - lines), all.size()));
        } catch (IOException e) {
            throw TierlabException.io(log(), e);
        }
    }

    /** The virtualenv's Python with MiniStack installed from PyPI (pinned) on first use. */
    private Path install() {
        Path venv = dir.resolve("venv-ministack-" + VERSION + "-" + Integer.toHexString(PACKAGES.hashCode()));
        Path ministack = venv.resolve("bin/ministack");
        if (Files.isExecutable(ministack)) {
            return venv.resolve("bin/python");
        }
        checkPython();
        progress.accept(ENGINE + " " + VERSION);
        deleteTree(venv);
        try {
            Files.createDirectories(dir);
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
        Processes.Result create = Processes.run(dir, List.of("python3", "-m", "venv", venv.toString()));
        Processes.Result pip = !create.succeeded() ? create : Processes.run(dir,
                java.util.stream.Stream.concat(java.util.stream.Stream.of(venv.resolve("bin/pip").toString(), "install", "--quiet",
                        "--disable-pip-version-check"), PACKAGES.stream()).toList());
        if (!pip.succeeded() || !Files.isExecutable(ministack)) {
            deleteTree(venv);
            throw new TierlabException(ExitCode.FAILED, "error.sandbox.installFailed", ENGINE + " " + VERSION,
                    String.join(" | ", pip.tail(3)));
        }
        removeOtherVirtualenvs(venv);
        return venv.resolve("bin/python");
    }

    /** Virtualenvs of earlier MiniStack versions or package lists (about 100 MB each): only the new one is used. */
    private void removeOtherVirtualenvs(Path keep) {
        try (java.util.stream.Stream<Path> list = Files.list(dir)) {
            for (Path old : list.filter(p -> p.getFileName().toString().startsWith("venv-ministack-") && !p.equals(keep)).toList()) {
                deleteTree(old);
            }
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
    }

    private static void checkPython() {
        Processes.Result run;
        try {
            run = Processes.run(Path.of("."), List.of("python3", "-c",
                    "import sys; print('%d.%d' % sys.version_info[:2])"), java.time.Duration.ofSeconds(30));
        } catch (Processes.NotStarted e) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.sandbox.python", "none");
        }
        String version = run.output().isEmpty() ? "?" : run.output().get(0).trim();
        String[] parts = version.split("\\.");
        boolean ok = run.exitCode() == 0 && parts.length == 2
                && (Integer.parseInt(parts[0]) > 3 || Integer.parseInt(parts[0]) == 3 && Integer.parseInt(parts[1]) >= 10);
        if (!ok) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.sandbox.python", version);
        }
    }

    private static void ensurePortFree(int port) {
        if (!Ports.isFree(port)) {
            throw new TierlabException(ExitCode.BUSY, "error.sandbox.portBusy", port);
        }
    }

    private Optional<JsonNode> health(int port) {
        try {
            HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/_ministack/health"))
                    .timeout(Duration.ofSeconds(2)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 ? Optional.of(JSON.readTree(r.body())) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        }
    }

    /** A live process that is a MiniStack (a recycled pid of another program is never touched). */
    private static boolean isOurs(long pid) {
        return isOurs(pid, "ministack");
    }

    /**
     * When process {@code pid} started, as recorded by the system: with the pid, it identifies one
     * process even after pids are reused (its long command line may not be readable).
     */
    private static String startOf(long pid) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive).flatMap(h -> h.info().startInstant())
                .map(Instant::toString).orElse(null);
    }

    private static boolean isOurs(long pid, String marker) {
        return ProcessHandle.of(pid).filter(ProcessHandle::isAlive)
                .map(p -> p.info().commandLine().orElse("") + " " + p.info().command().orElse(""))
                .map(cmd -> cmd.contains(marker))
                .orElse(false);
    }

    private Optional<Record> readRecord() {
        Path file = dir.resolve("sandbox.json");
        try {
            return Files.isRegularFile(file) ? Optional.of(JSON.readValue(file.toFile(), Record.class)) : Optional.empty();
        } catch (IOException e) {
            return Optional.empty(); // an unreadable record is treated as "not running"
        }
    }

    private static void deleteTree(Path root) {
        try {
            FileTrees.delete(root);
        } catch (IOException e) {
            throw TierlabException.io(root, e);
        }
    }
}
