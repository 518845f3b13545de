package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.generate.Generator;
import dev.tierlab.generate.TemplateRepository;
import dev.tierlab.workspace.Workspace;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/**
 * A Java function deployed to the real sandbox really runs: MiniStack forwards the invocation to
 * tierlab's executor, which fetches the code with GetFunction and runs the handler.
 */
class SandboxExecutorIT {
    /** A function that ends its JVM, never returns, or fills its memory, as its event says. */
    private static final String ROGUE = """
            package r;
            public class Rogue {
                public String handleRequest(String how) {
                    if (how.equals("exit")) { System.exit(1); }
                    if (how.equals("hang")) { long n = 0; while (n >= 0) { n = (n + 1) % 1000; } }
                    java.util.List<byte[]> all = new java.util.ArrayList<>();
                    while (true) { all.add(new byte[1 << 20]); }
                }
            }
            """;
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    private static int freePort() {
        return dev.tierlab.net.Ports.free();
    }

    @Test
    void aJavaFunctionInvokedThroughMiniStackRunsTheLearnersCode() throws Exception {
        Path ws = home.resolve("ws");
        Workspace workspace = new Workspace(ws, Clock.systemUTC());
        TemplateRepository templates = TemplateRepository.directory(REPO.resolve("templates"));
        workspace.apply(workspace.plan(new Generator().render(templates.load("lambda-java-api"), Map.of())), false, "test",
                Map.of("lambda-java-api", 1));
        MavenProject project = MavenProject.read(ws);
        JavaBuilder.Result built = new ProjectBuilder(Path.of(System.getProperty("user.home"), ".m2/repository"), x -> { })
                .build(project, false);
        assertTrue(built.compiled(), String.join("\n", built.errors()));

        Sandbox sandbox = new Sandbox(home.resolve("state"), x -> { });
        ByteArrayOutputStream logBytes = new ByteArrayOutputStream();
        try (PrintStream logs = new PrintStream(logBytes, true, StandardCharsets.UTF_8)) {
            Sandbox.Status s = sandbox.start(freePort());
            try (LambdaExecutor executor = new LambdaExecutor(URI.create(s.endpoint()), freePort(), home.resolve("code"), logs);
                 LambdaClient lambda = LambdaClient.builder().endpointOverride(URI.create(s.endpoint())).region(Region.US_EAST_1)
                         .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                         .httpClient(UrlConnectionHttpClient.create()).build()) {
                byte[] zipBytes = Files.readAllBytes(built.zip());
                lambda.createFunction(b -> b.functionName("tickets").runtime(Runtime.JAVA21)
                        .handler("dev.tierlab.tickets.TicketsHandler::handleRequest")
                        .role("arn:aws:iam::000000000000:role/tickets").timeout(20).memorySize(512)
                        .environment(e -> e.variables(Map.of("MINISTACK_LAMBDA_PROXY_URL", executor.url().toString())))
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(zipBytes))));
                String event = Files.readString(ws.resolve("src/test/resources/events/get-tickets.json"));
                InvokeResponse r = lambda.invoke(b -> b.functionName("tickets").payload(SdkBytes.fromUtf8String(event)));
                assertNull(r.functionError(), r.payload().asUtf8String());
                JsonNode response = new ObjectMapper().readTree(r.payload().asUtf8String());
                assertEquals(200, response.get("statusCode").asInt(), response.toString());
                JsonNode tickets = new ObjectMapper().readTree(response.get("body").asText());
                assertEquals("T-1", tickets.get(0).get("id").asText(), "the learner's handler produced this, not a mock");
                assertTrue(logBytes.toString(StandardCharsets.UTF_8).contains("GET /tickets"), "the handler's log line");

                InvokeResponse broken = lambda.invoke(b -> b.functionName("tickets").payload(SdkBytes.fromUtf8String("[1, 2]")));
                assertEquals("Unhandled", broken.functionError(), "an invalid event is a function error, not a success");

                byte[] rogue = Files.readAllBytes(dev.tierlab.runtime.CompiledFunction.zip(home.resolve("rogue"), "r.Rogue", ROGUE));
                lambda.createFunction(b -> b.functionName("rogue").runtime(Runtime.JAVA21).handler("r.Rogue::handleRequest")
                        .role("arn:aws:iam::000000000000:role/rogue").timeout(5).memorySize(128)
                        .environment(e -> e.variables(Map.of("MINISTACK_LAMBDA_PROXY_URL", executor.url().toString())))
                        .code(c -> c.zipFile(SdkBytes.fromByteArray(rogue))));
                for (String how : new String[]{"exit", "hang", "hoard"}) {
                    InvokeResponse bad = lambda.invoke(b -> b.functionName("rogue").payload(SdkBytes.fromUtf8String("\"" + how + "\"")));
                    assertEquals("Unhandled", bad.functionError(), how + ": " + bad.payload().asUtf8String());
                    // MiniStack 1.5.33 wraps the executor's error (Runtime.HandlerError, "Proxy target returned HTTP 500: <our
                    // error>"), and times the proxy call out itself at the function's Timeout, with Lambda's own error
                    JsonNode error = new ObjectMapper().readTree(bad.payload().asUtf8String());
                    String type = Map.of("exit", "Runtime.ExitError", "hang", "Sandbox.Timedout", "hoard", "Runtime.OutOfMemory").get(how);
                    assertTrue(error.path("errorType").asText().equals(type)
                            || error.path("errorMessage").asText().contains("\"errorType\":\"" + type + "\""), how + ": " + error);
                    InvokeResponse after = lambda.invoke(b -> b.functionName("tickets").payload(SdkBytes.fromUtf8String(event)));
                    assertNull(after.functionError(), "the executor and the sandbox go on after " + how + ": " + after.payload().asUtf8String());
                }
            } finally {
                sandbox.stop();
            }
        }
    }
}
