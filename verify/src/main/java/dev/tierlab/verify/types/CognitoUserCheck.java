package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.Signature;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthenticationResultType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.CognitoIdentityProviderException;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.UsernameExistsException;

/**
 * {@code cognito-user}: a test user of the stack's user pool signs in through its app client and gets
 * tokens, which later checks send ({@code ${vars.X}} in an {@code http} header). The check creates the
 * user (AdminCreateUser, no invitation sent), gives it a fresh random password (AdminSetUserPassword,
 * permanent) and signs in with USER_PASSWORD_AUTH (InitiateAuth), so the app client must allow that
 * flow. It lives in the pool, so {@code destroy} removes it with the stack.
 *
 * <p>Besides the real tokens it can capture two that must be refused: the ID token with a claim changed
 * and the signature kept ({@code tampered-id-token}), and the same claims signed with a key the pool never
 * had ({@code forged-id-token}). Tokens and the password are secrets: they are never in a result.
 */
public final class CognitoUserCheck extends BaseCheckType<CognitoUserCheck.Params> {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern USERNAME = Pattern.compile("[A-Za-z0-9._-]{1,64}");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What a capture may hold. */
    public enum Token {
        ID_TOKEN("id-token"), ACCESS_TOKEN("access-token"), TAMPERED_ID_TOKEN("tampered-id-token"),
        FORGED_ID_TOKEN("forged-id-token"), USERNAME("username");

        final String id;

        Token(String id) {
            this.id = id;
        }

        static Token of(String id) {
            for (Token t : values()) {
                if (t.id.equals(id)) {
                    return t;
                }
            }
            throw new IllegalArgumentException("capture values are id-token, access-token, tampered-id-token, forged-id-token or username, not "
                    + id);
        }
    }

    /**
     * @param pool     the logical id of the AWS::Cognito::UserPool
     * @param client   the logical id of its AWS::Cognito::UserPoolClient (USER_PASSWORD_AUTH, no secret)
     * @param username the test user (default tierlab-learner)
     * @param capture  variable name → what to keep: id-token, access-token, tampered-id-token, forged-id-token, username
     */
    public record Params(@JsonProperty(required = true) String pool, @JsonProperty(required = true) String client,
                         String username, Map<String, String> capture) {
        public Params {
            username = username == null ? "tierlab-learner" : username;
            if (!USERNAME.matcher(username).matches()) {
                throw new IllegalArgumentException("username must be 1 to 64 letters, digits, '.', '_' or '-', not " + username);
            }
            capture = capture == null ? Map.of() : new LinkedHashMap<>(capture);
            capture.values().forEach(Token::of);
        }
    }

    public CognitoUserCheck() {
        super("cognito-user", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Set<String> captures(Params params) {
        return params.capture().keySet();
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        Texts t = context.texts();
        String poolId = context.physical(p.pool());
        String clientId = context.physical(p.client());
        String expected = t.get("check.cognito.expected", p.username(), p.pool());
        CognitoIdentityProviderClient cognito = context.aws().cognito();
        String password = password();
        AuthenticationResultType tokens;
        try {
            try {
                cognito.adminCreateUser(b -> b.userPoolId(poolId).username(p.username()).temporaryPassword(password)
                        .messageAction(MessageActionType.SUPPRESS));
            } catch (UsernameExistsException e) {
                // made by an earlier run of check: its password is set again below
            }
            cognito.adminSetUserPassword(b -> b.userPoolId(poolId).username(p.username()).password(password).permanent(true));
            tokens = cognito.initiateAuth(b -> b.clientId(clientId).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                    .authParameters(Map.of("USERNAME", p.username(), "PASSWORD", password))).authenticationResult();
        } catch (CognitoIdentityProviderException e) {
            String reason = e.awsErrorDetails() == null ? e.getMessage() : e.awsErrorDetails().errorCode() + ": "
                    + e.awsErrorDetails().errorMessage();
            return Verdict.fail(expected, t.get("check.cognito.refused", reason));
        }
        return judge(p, tokens, context.vars(), t);
    }

    /** Whether sign-in gave the tokens to capture; they go into {@code vars} when it did. */
    static Verdict judge(Params p, AuthenticationResultType tokens, Map<String, String> vars, Texts t) {
        String expected = t.get("check.cognito.expected", p.username(), p.pool());
        if (tokens == null || tokens.idToken() == null || tokens.idToken().split("\\.").length != 3) {
            return Verdict.fail(expected, t.get("check.cognito.noToken"));
        }
        Map<String, String> captured = new LinkedHashMap<>();
        for (Map.Entry<String, String> c : p.capture().entrySet()) {
            captured.put(c.getKey(), switch (Token.of(c.getValue())) {
                case ID_TOKEN -> tokens.idToken();
                case ACCESS_TOKEN -> tokens.accessToken();
                case TAMPERED_ID_TOKEN -> tampered(tokens.idToken());
                case FORGED_ID_TOKEN -> forged(tokens.idToken());
                case USERNAME -> p.username();
            });
        }
        vars.putAll(captured);
        return Verdict.pass(expected, t.get("check.cognito.signedIn", p.username(), String.join(", ", captured.keySet())));
    }

    /** The token with {@code cognito:username} changed to "admin" and the signature kept: no longer valid. */
    static String tampered(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
            claims.put("cognito:username", "admin");
            claims.put("sub", "00000000-0000-0000-0000-000000000000");
            return parts[0] + "." + b64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        } catch (IOException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("the ID token's claims are not JSON", e);
        }
    }

    /** The same header (the pool's key id) and claims, signed RS256 with a key the pool never had. */
    static String forged(String jwt) {
        String[] parts = jwt.split("\\.");
        try {
            KeyPairGenerator keys = KeyPairGenerator.getInstance("RSA");
            keys.initialize(2048);
            Signature rs256 = Signature.getInstance("SHA256withRSA");
            rs256.initSign(keys.generateKeyPair().getPrivate());
            rs256.update((parts[0] + "." + parts[1]).getBytes(StandardCharsets.US_ASCII));
            return parts[0] + "." + parts[1] + "." + b64(rs256.sign());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA signing is not available", e);
        }
    }

    /** A fresh password for each run, within Cognito's strictest default policy; never shown. */
    static String password() {
        byte[] bytes = new byte[12];
        RANDOM.nextBytes(bytes);
        return "Tl-" + HexFormat.of().formatHex(bytes) + "-Q7x";
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
