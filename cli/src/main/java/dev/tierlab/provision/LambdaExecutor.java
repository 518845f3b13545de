package dev.tierlab.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.tierlab.runtime.DeploymentPackage;
import dev.tierlab.runtime.FunctionDefinition;
import dev.tierlab.runtime.LambdaInvoker;
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
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.lambda.model.GetFunctionResponse;

/**
 * tierlab's Java executor for the sandbox. MiniStack runs no Java without Docker; in proxy mode it
 * POSTs each invocation's event to this loopback server with the function's name in the
 * {@code X-Amzn-Lambda-Function-Name} header. The executor reads the deployed function with
 * {@code GetFunction} (handler, timeout, memory, environment, code), downloads the code once per
 * {@code CodeSha256}, and runs the handler like {@code tierlab invoke}. A function error is answered
 * with HTTP 500, the only signal MiniStack reads as one (see docs/research/ministack.md).
 */
public final class LambdaExecutor implements AutoCloseable {
    private final HttpServer server;
    private final LambdaClient lambda;
    private final Path cache;
    private final PrintStream logs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    /**
     * @param sandbox the sandbox endpoint, e.g. http://127.0.0.1:4566
     * @param cache   where downloaded deployment packages are kept, by CodeSha256
     * @param logs    where the functions' log lines go
     */
    public LambdaExecutor(URI sandbox, int port, Path cache, PrintStream logs) throws IOException {
        this.cache = cache;
        this.logs = logs;
        this.lambda = LambdaClient.builder()
                .endpointOverride(sandbox)
                .region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("tierlab", "tierlab")))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getByName("127.0.0.1"), port), 16);
        server.createContext("/", this::handle);
        server.createContext("/health", exchange -> {
            try (exchange) {
                exchange.sendResponseHeaders(200, -1);
            }
        });
        // one invocation at a time: a function's standard output is redirected to the log while it runs
        server.setExecutor(Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "tierlab-executor");
            t.setDaemon(true);
            return t;
        }));
        server.start();
    }

    /** The URL to give functions as {@code MINISTACK_LAMBDA_PROXY_URL}. */
    public URI url() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/invoke");
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
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
        Path zip = download(fn.code().location(), c.codeSha256());
        Map<String, String> env = c.environment() == null || c.environment().variables() == null ? Map.of()
                : c.environment().variables();
        FunctionDefinition def = new FunctionDefinition(name, c.handler(),
                c.timeout() == null ? FunctionDefinition.DEFAULT_TIMEOUT : c.timeout(),
                c.memorySize() == null ? FunctionDefinition.DEFAULT_MEMORY : c.memorySize(), env, List.of(), null);
        return new LambdaInvoker().invoke(def, DeploymentPackage.open(zip), event, logs);
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
        try (LambdaExecutor executor = new LambdaExecutor(URI.create(args[0]), Integer.parseInt(args[1]), Path.of(args[2]), logs)) {
            logs.println("tierlab executor for " + args[0] + " listening at " + executor.url());
            Thread.currentThread().join();
        }
    }

    private static String quote(String s) {
        return "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"").replace("\n", "\\n") + "\"";
    }

    @Override
    public void close() {
        server.stop(0);
        lambda.close();
    }
}
