package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** URLs a stack outputs, made reachable on an emulator: API stages, bucket objects, distributions (through an {@link EdgeForwarder}). */
class ReachableTest {
    private final Target sandbox = Target.emulator(TargetKind.SANDBOX, URI.create("http://127.0.0.1:4566"), Set.of());

    @Test
    void apiStagesAndBucketObjectsAreServedOnTheEmulatorsPort() {
        assertEquals("http://127.0.0.1:4566/_aws/execute-api/abc123/prod/tickets",
                sandbox.reachable("https://abc123.execute-api.us-east-1.amazonaws.com/prod/tickets"));
        assertEquals("http://127.0.0.1:4566/my-site-1a2b/index.html", sandbox.reachable("https://my-site-1a2b.s3.us-east-1.amazonaws.com/index.html"));
        assertEquals("http://127.0.0.1:4566/my-site-1a2b/a.js", sandbox.reachable("https://my-site-1a2b.s3.amazonaws.com/a.js"));
        assertEquals("https://example.com/x", sandbox.reachable("https://example.com/x"), "other URLs are left alone");
        Target aws = new Target(TargetKind.AWS, null, Target.EMULATOR_REGION, null, Set.of());
        assertEquals("https://d111.cloudfront.net/", aws.reachable("https://d111.cloudfront.net/"), "AWS is reached as it is");
    }

    @Test
    void theEndpointPortIsWhatAnEmulatorsCloudFrontDialsAnd443OnAws() {
        assertEquals(4566, sandbox.endpointPort());
        assertEquals(80, Target.emulator(TargetKind.ENDPOINT, URI.create("http://localhost"), Set.of()).endpointPort());
        assertEquals(443, Target.emulator(TargetKind.ENDPOINT, URI.create("https://emulator.example"), Set.of()).endpointPort());
        assertEquals(443, new Target(TargetKind.AWS, null, Target.EMULATOR_REGION, null, Set.of()).endpointPort());
    }

    @Test
    void aDistributionIsForwardedWithItsHostAndTheViewersScheme() throws Exception {
        HttpServer gateway = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        gateway.createContext("/", x -> {
            String seen = x.getRequestMethod() + " " + x.getRequestURI() + " host=" + x.getRequestHeaders().getFirst("Host")
                    + " proto=" + x.getRequestHeaders().getFirst("X-Forwarded-Proto") + " body=" + new String(x.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            byte[] body = seen.getBytes(StandardCharsets.UTF_8);
            x.getResponseHeaders().add("X-Cache", "Miss from cloudfront");
            x.sendResponseHeaders(200, 0); // chunked
            x.getResponseBody().write(body);
            x.close();
        });
        gateway.start();
        try {
            Target t = Target.emulator(TargetKind.SANDBOX, URI.create("http://127.0.0.1:" + gateway.getAddress().getPort()), Set.of());
            String https = t.reachable("https://d1abc.cloudfront.net/app.js?v=2");
            String http = t.reachable("http://d1abc.cloudfront.net/");
            assertTrue(https.startsWith("http://127.0.0.1:") && https.endsWith("/app.js?v=2"), https);
            assertNotEquals(URI.create(https).getPort(), URI.create(http).getPort(), "one forwarder per scheme");
            assertEquals(URI.create(https).getPort(), URI.create(t.reachable("https://d1abc.cloudfront.net")).getPort(), "reused");
            HttpClient client = HttpClient.newHttpClient();
            HttpResponse<String> got = client.send(HttpRequest.newBuilder(URI.create(https)).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals(200, got.statusCode());
            assertEquals("GET /app.js?v=2 host=d1abc.cloudfront.net proto=https body=", got.body());
            assertEquals("Miss from cloudfront", got.headers().firstValue("X-Cache").orElse(null));
            HttpResponse<String> posted = client.send(HttpRequest.newBuilder(URI.create(http + "tickets"))
                    .POST(HttpRequest.BodyPublishers.ofString("{\"title\":\"x\"}")).build(), HttpResponse.BodyHandlers.ofString());
            assertEquals("POST /tickets host=d1abc.cloudfront.net proto=http body={\"title\":\"x\"}", posted.body());
        } finally {
            gateway.stop(0);
        }
    }
}
