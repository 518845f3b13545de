package dev.tierlab.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tierlab.runtime.DeploymentPackage;
import dev.tierlab.runtime.FunctionDefinition;
import dev.tierlab.runtime.LambdaInvoker;
import dev.tierlab.runtime.WorkerPool;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;

/**
 * tierlab's Java executor for the sandbox. MiniStack runs no Java without Docker; in proxy mode it
 * POSTs each invocation's event to this loopback server with the function's name in the
 * {@code X-Amzn-Lambda-Function-Name} header. The executor reads the deployed function with
 * {@code GetFunction} (handler, timeout, memory, environment, code), downloads the code once per
 * {@code CodeSha256}, and runs the handler like {@code tierlab invoke}, in a worker JVM kept warm per
 * function and code. A function error is answered
 * with HTTP 500, the only signal MiniStack reads as one (see docs/research/ministack.md).
 */
public final class LambdaExecutor implements AutoCloseable {
    private final HttpServer server;
    private final byte[] secretPath;
    private final boolean anyFunction;
    private final software.amazon.awssdk.services.cloudformation.CloudFormationClient cloudFormation;
    /** Functions (name and code) found in a stack tierlab deployed. */
    private final Set<String> tierlabFunctions = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final LambdaClient lambda;
    private final Path cache;
    private final PrintStream logs;
    private final URI sandbox;
    private final FunctionLogs functionLogs;
    private static final Region REGION = Target.EMULATOR_REGION;
    /** Invocations served at once; more wait for one of them to end. */
    private static final int CONCURRENCY = 8;
    private final WorkerPool workers = new WorkerPool();
    private final LambdaInvoker invoker = new LambdaInvoker(workers);
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * An executor with a secret of its own that runs every function (for tests and tools that start one
     * themselves; see {@link #url()}).
     *
     * @param sandbox the sandbox endpoint, e.g. http://127.0.0.1:4566
     * @param cache   where downloaded deployment packages are kept, by CodeSha256
     * @param logs    where the functions' log lines go
     */
    public LambdaExecutor(URI sandbox, int port, Path cache, PrintStream logs) throws IOException {
        this(sandbox, port, cache, logs, java.util.HexFormat.of().formatHex(randomBytes()), true);
    }

    private static byte[] randomBytes() {
        byte[] b = new byte[24];
        new java.security.SecureRandom().nextBytes(b);
        return b;
    }

    /**
     * @param secret the last segment of the invoke path; a request to any other path is refused (403), so
     *               only who was given the URL (MiniStack's proxy) can have the executor run code
     * @param anyFunction run every function; when false, only functions of stacks tierlab deployed (tagged
     *                    {@value Deployer#TAG_MANAGED}), so a function someone else created on the sandbox does
     *                    not get to run its code in tierlab's executor
     */
    public LambdaExecutor(URI sandbox, int port, Path cache, PrintStream logs, String secret, boolean anyFunction) throws IOException {
        this.anyFunction = anyFunction;
        this.cloudFormation = Target.emulator(TargetKind.SANDBOX, sandbox, Set.of()).configure(
                software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()).build();
        this.secretPath = ("/invoke/" + secret).getBytes(StandardCharsets.US_ASCII);
        this.cache = cache;
        this.logs = logs;
        this.sandbox = sandbox;
        this.lambda = Target.emulator(TargetKind.SANDBOX, sandbox, Set.of()).configure(LambdaClient.builder()).build();
        this.functionLogs = new FunctionLogs(Target.emulator(TargetKind.SANDBOX, sandbox, Set.of()).configure(CloudWatchLogsClient.builder()).build(), logs);
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        server.createContext("/", this::handle);
        server.createContext("/health", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        // several invocations at once (a function may call another through the sandbox), each in its own worker
        server.setExecutor(Executors.newFixedThreadPool(CONCURRENCY, r -> {
            Thread t = new Thread(r, "tierlab-executor");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The URL to give functions as {@code MINISTACK_LAMBDA_PROXY_URL}, with the secret. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + new String(secretPath, StandardCharsets.US_ASCII));
    }

    /** The invoke URL of an executor on {@code port} with {@code secret}. */
    public static URI invokeUrl(int port, String secret) {
        return URI.create("http://127.0.0.1:" + port + "/invoke/" + secret);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!java.security.MessageDigest.isEqual(exchange.getRequestURI().getRawPath().getBytes(StandardCharsets.UTF_8), secretPath)) {
                byte[] refused = "{\"errorMessage\":\"not the executor's invoke path\",\"errorType\":\"tierlab.Forbidden\"}"
                        .getBytes(StandardCharsets.UTF_8);
                exchange.sendResponseHeaders(403, refused.length);
                try (OutputStream out = exchange.getResponseBody()) {
                    out.write(refused);
                }
                return;
            }
            String name = exchange.getRequestHeaders().getFirst("X-Amzn-Lambda-Function-Name");
            String event;
            try (InputStream in = exchange.getRequestBody()) {
                event = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            int status;
            String body;
            if (name == null) {
                status = 400;
                body = "{\"errorMessage\":\"no X-Amzn-Lambda-Function-Name header\",\"errorType\":\"tierlab.BadRequest\"}";
            } else {
                LambdaInvoker.Result result;
                try {
                    result = invoke(name, event);
                    status = result.success() ? 200 : 500;
                    body = result.payload();
                } catch (RuntimeException e) {
                    status = 500;
                    body = "{\"errorMessage\":" + quote(String.valueOf(e.getMessage())) + ",\"errorType\":\"tierlab.ExecutorError\"}";
                }
            }
            byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", "application/json");
            exchange.sendResponseHeaders(status, bytes.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(bytes);
            }
        } catch (RuntimeException e) {
            logs.println("tierlab executor: " + e);
        }
    }

    private LambdaInvoker.Result invoke(String name, String event) {
        GetFunctionResponse fn = lambda.getFunction(b -> b.functionName(name));
        FunctionConfiguration c = fn.configuration();
        if (c.codeSha256() == null || !c.codeSha256().matches("[A-Za-z0-9+/=]{40,}")) {
            // MiniStack creates a function even when CloudFormation could not read its code
            throw new IllegalStateException("the function " + name + " has no code (the deployment package was not found)");
        }
        if (!anyFunction && !deployedByTierlab(name, c.codeSha256())) {
            throw new IllegalStateException("the function " + name + " was not deployed by tierlab (it is in no stack tagged "
                    + Deployer.TAG_MANAGED + "); the sandbox's executor runs only those (tierlab sandbox start --any-function runs every one)");
        }
        Path zip = download(fn.code().location(), c.codeSha256());
        Map<String, String> env = new LinkedHashMap<>();
        if (c.environment() != null && c.environment().variables() != null) {
            env.putAll(c.environment().variables());
        }
        int timeout = c.timeout() == null ? FunctionDefinition.DEFAULT_TIMEOUT : c.timeout();
        int memory = c.memorySize() == null ? FunctionDefinition.DEFAULT_MEMORY : c.memorySize();
        String group = c.loggingConfig() != null && c.loggingConfig().logGroup() != null
                ? c.loggingConfig().logGroup() : "/aws/lambda/" + name;
        env.putAll(runtimeEnvironment(name, memory, group));
        FunctionDefinition def = new FunctionDefinition(name, c.handler(), timeout, memory, env, List.of(), null);
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        LambdaInvoker.Result result;
        try (PrintStream both = new PrintStream(new TeeOutputStream(captured, logs), true, StandardCharsets.UTF_8)) {
            result = invoker.invoke(def, DeploymentPackage.open(zip), event, both);
            if (result.logBytesDropped() > 0) {
                both.println("tierlab: the function printed more than 1 MiB; " + result.logBytesDropped() + " more bytes of its log were left out");
            }
        }
        functionLogs.write(group, captured.toString(StandardCharsets.UTF_8));
        return result;
    }

    /** True when a stack tagged as tierlab's holds the function {@code name}; looked up again for a new name or code. */
    private boolean deployedByTierlab(String name, String codeSha) {
        String key = name + "@" + codeSha;
        if (tierlabFunctions.contains(key)) {
            return true;
        }
        for (var stack : cloudFormation.describeStacksPaginator(b -> { }).stacks()) {
            if (stack.tags().stream().noneMatch(t -> t.key().equals(Deployer.TAG_MANAGED))) {
                continue;
            }
            boolean holds = cloudFormation.listStackResourcesPaginator(b -> b.stackName(stack.stackName())).stackResourceSummaries()
                    .stream().anyMatch(r -> "AWS::Lambda::Function".equals(r.resourceType()) && name.equals(r.physicalResourceId()));
            if (holds) {
                tierlabFunctions.add(key);
                return true;
            }
        }
        return false;
    }

    /**
     * The variables the Lambda runtime sets for every function, plus what makes the function's own AWS
     * SDK calls reach the sandbox (endpoint, region, the sandbox's placeholder credentials).
     */
    private Map<String, String> runtimeEnvironment(String name, int memory, String group) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("AWS_REGION", REGION.id());
        env.put("AWS_DEFAULT_REGION", REGION.id());
        env.put("AWS_LAMBDA_FUNCTION_NAME", name);
        env.put("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST");
        env.put("AWS_LAMBDA_FUNCTION_MEMORY_SIZE", String.valueOf(memory));
        env.put("AWS_LAMBDA_LOG_GROUP_NAME", group);
        env.put("AWS_EXECUTION_ENV", "AWS_Lambda_java21");
        env.put("AWS_ENDPOINT_URL", sandbox.toString());
        env.put("AWS_ACCESS_KEY_ID", Target.EMULATOR_KEY);
        env.put("AWS_SECRET_ACCESS_KEY", Target.EMULATOR_KEY);
        return env;
    }

    /** Copies what a function writes to two streams: the executor's log and the invocation's capture. */
    private static final class TeeOutputStream extends OutputStream {
        private final OutputStream a;
        private final OutputStream b;

        TeeOutputStream(OutputStream a, OutputStream b) {
            this.a = a;
            this.b = b;
        }

        @Override
        public void write(int c) throws IOException {
            a.write(c);
            b.write(c);
        }

        @Override
        public void write(byte[] buf, int off, int len) throws IOException {
            a.write(buf, off, len);
            b.write(buf, off, len);
        }

        @Override
        public void flush() throws IOException {
            b.flush();
        }
    }

    /** The deployment package for {@code sha}, downloaded from the sandbox once. */
    private Path download(String location, String sha) {
        String file = sha.replaceAll("[^A-Za-z0-9]", "_") + ".zip";
        Path zip = cache.resolve(file);
        if (Files.isRegularFile(zip)) {
            return zip;
        }
        try {
            Files.createDirectories(cache);
            Path tmp = Files.createTempFile(cache, ".download-", ".zip");
            HttpResponse<Path> r = http.send(HttpRequest.newBuilder(URI.create(location)).timeout(Duration.ofSeconds(60)).build(),
                    HttpResponse.BodyHandlers.ofFile(tmp));
            if (r.statusCode() != 200) {
                Files.deleteIfExists(tmp);
                throw new IOException("GET " + location + " answered " + r.statusCode());
            }
            Files.move(tmp, zip, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            return zip;
        } catch (IOException e) {
            throw new IllegalStateException("cannot download the code of the function: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /**
     * Runs the executor as the sandbox's companion process: {@code <sandbox-url> <port> <cache-dir>}.
     * It serves until it is stopped; function logs go to standard output (the sandbox's executor.log).
     */
    public static void main(String[] args) throws IOException, InterruptedException {
        PrintStream logs = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), true, StandardCharsets.UTF_8);
        String secret = new java.io.BufferedReader(new java.io.InputStreamReader(System.in, StandardCharsets.US_ASCII)).readLine();
        if (secret == null || !secret.strip().matches("[0-9a-f]{32,}")) {
            logs.println("tierlab executor: no secret on standard input");
            System.exit(2);
        }
        boolean anyFunction = args.length > 3 && args[3].equals("--any-function");
        try (LambdaExecutor executor = new LambdaExecutor(URI.create(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), logs,
                secret.strip(), anyFunction)) {
            logs.println("tierlab executor for " + args[0] + " listening on port " + args[1]);
            Thread.currentThread().join();
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        workers.close();
        lambda.close();
        cloudFormation.close();
        functionLogs.close();
    }
}
