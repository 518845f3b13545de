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
            } finally {
                sandbox.stop();
            }
        }
    }
}
