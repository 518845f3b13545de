package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Parameters;
import dev.tierlab.verify.engine.Verdict;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.util.Base64;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;

/** The cognito-user type: its parameters, what it captures, and the two tokens that must be refused. */
class CognitoUserCheckTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Base64.Decoder B64 = Base64.getUrlDecoder();

    /** A real RS256 JWT, signed with {@code keys}. */
    private static String jwt(KeyPair keys) throws Exception {
        String header = b64("{\"kid\":\"pool-key-1\",\"alg\":\"RS256\"}");
        String claims = b64("{\"sub\":\"1234\",\"cognito:username\":\"mina\",\"token_use\":\"id\"}");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.getPrivate());
        rs256.update((header + "." + claims).getBytes(StandardCharsets.US_ASCII));
        return header + "." + claims + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(rs256.sign());
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static boolean verifies(String token, KeyPair keys) throws Exception {
        String[] parts = token.split("\\.");
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initVerify(keys.getPublic());
        rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
        return rs256.verify(B64.decode(parts[2]));
    }

    @Test
    void tamperedAndForgedTokensNoLongerVerifyWithThePoolsKey() throws Exception {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair pool = generator.generateKeyPair();
        String real = jwt(pool);
        assertTrue(verifies(real, pool), "the control: the real token verifies");

        String tampered = CognitoUserCheck.tampered(real);
        JsonNode claims = JSON.readTree(B64.decode(tampered.split("\\.")[1]));
        assertEquals("admin", claims.get("cognito:username").asText(), "a claim is changed");
        assertEquals(real.split("\\.")[2], tampered.split("\\.")[2], "the signature is kept");
        assertFalse(verifies(tampered, pool));

        String forged = CognitoUserCheck.forged(real);
        assertEquals(real.substring(0, real.lastIndexOf('.')), forged.substring(0, forged.lastIndexOf('.')), "same header and claims");
        assertNotEquals(real, forged);
        assertFalse(verifies(forged, pool), "signed with another key");
    }

    @Test
    void capturesWhatIsAskedAndShowsNoToken() throws Exception {
        CognitoUserCheck.Params p = Bind.as("cognito-user", Map.of("pool", "UserPool", "client", "UserPoolClient",
                "capture", Map.of("token", "id-token", "bad", "tampered-id-token", "who", "username")));
        assertEquals("tierlab-learner", p.username());
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String id = jwt(generator.generateKeyPair());
        Map<String, String> vars = new HashMap<>();
        Verdict v = CognitoUserCheck.judge(p, AuthenticationResultType.builder().idToken(id).accessToken("a.b.c").build(), vars, T);
        assertTrue(v.passed(), v.found());
        assertEquals(id, vars.get("token"));
        assertEquals("tierlab-learner", vars.get("who"));
        assertNotEquals(id, vars.get("bad"));
        assertFalse(v.found().contains(id) || v.expected().contains(id), "no token in the result: " + v.found());

        Map<String, String> none = new HashMap<>();
        assertFalse(CognitoUserCheck.judge(p, AuthenticationResultType.builder().build(), none, T).passed());
        assertTrue(none.isEmpty(), "nothing captured without a token");
    }

    @Test
    void badParametersAreRefusedWhenTheLabLoads() {
        assertThrows(Parameters.Invalid.class, () -> Bind.as("cognito-user", Map.of("pool", "UserPool")));
        assertThrows(Parameters.Invalid.class, () -> Bind.as("cognito-user", Map.of("pool", "P", "client", "C", "capture", Map.of("t", "password"))));
        assertThrows(Parameters.Invalid.class, () -> Bind.as("cognito-user", Map.of("pool", "P", "client", "C", "username", "a b")));
    }

    @Test
    void passwordsAreFreshAndMeetTheStrictestDefaultPolicy() {
        String a = CognitoUserCheck.password();
        assertNotEquals(a, CognitoUserCheck.password());
        assertTrue(a.length() >= 12 && a.matches(".*[a-z].*") && a.matches(".*[A-Z].*") && a.matches(".*[0-9].*")
                && a.matches(".*[^A-Za-z0-9].*"), a);
    }
}
