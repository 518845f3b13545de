package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The SigV4 headers an {@code http} check with {@code sign} sends: for the service, region and key of the target. */
class AwsClientsSigningTest {
    private final Target target = Target.emulator(TargetKind.SANDBOX, URI.create("http://127.0.0.1:4566"), Set.of());

    @Test
    void theRequestIsSignedForTheServiceWithTheTargetsKey() {
        try (AwsClients aws = new AwsClients(target)) {
            URI url = URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/dev/admin");
            Map<String, String> headers = aws.sign("GET", url, Map.of("Accept", "application/json"), null, "execute-api");
            String authorization = headers.get("Authorization");
            assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=test/"), authorization);
            assertTrue(authorization.contains("/us-east-1/execute-api/aws4_request"), authorization);
            assertTrue(authorization.contains("SignedHeaders=accept;host;") && authorization.contains("x-amz-date, Signature="), authorization);
            assertTrue(headers.containsKey("X-Amz-Date"), headers.toString());
            assertFalse(headers.containsKey("Host"), "the HTTP client sets Host from the same URL");
            assertFalse(headers.containsKey("Accept"), "only what the signature adds comes back");

            Map<String, String> post = aws.sign("POST", url, Map.of(), "{\"a\":1}".getBytes(StandardCharsets.UTF_8), "execute-api");
            assertNotEquals(signature(authorization), signature(post.get("Authorization")), "method and body are signed");
            Map<String, String> other = aws.sign("GET", URI.create("https://abc123.execute-api.us-east-1.amazonaws.com/dev/tickets"),
                    Map.of("Accept", "application/json"), null, "execute-api");
            assertNotEquals(signature(authorization), signature(other.get("Authorization")), "the path is signed");
        }
    }

    private static String signature(String authorization) {
        String s = authorization.substring(authorization.indexOf("Signature=") + "Signature=".length());
        assertEquals(64, s.length(), authorization);
        return s;
    }
}
