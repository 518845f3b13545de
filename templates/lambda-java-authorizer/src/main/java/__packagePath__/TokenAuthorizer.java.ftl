package [=package];

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A Lambda authorizer for a REST API. For a TOKEN authorizer API Gateway passes the Authorization
 * header as {@code authorizationToken}; for a REQUEST authorizer it passes all headers. The answer is
 * an IAM policy that allows or denies {@code execute-api:Invoke}, the caller as {@code principalId}, and a
 * {@code context} that API Gateway hands on to the function behind the method
 * ({@code requestContext.authorizer.callerId}). API Gateway caches the answer per token for the
 * authorizer's TTL.
 *
 * <p>Who may call is configured in [=tokenEnvVar]: {@code caller=token} pairs separated by commas, e.g.
 * {@code alice=tok-alice-1,bob=tok-bob-2}. A request must send {@code Authorization: Bearer <token>}.
 */
public class TokenAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
    private final Map<String, String> tokens;

    /** Reads the callers from [=tokenEnvVar]; without it every request is denied (fail closed). */
    public TokenAuthorizer() {
        this(System.getenv("[=tokenEnvVar]"));
    }

    /** @param callerTokens {@code caller=token} pairs separated by commas; null or blank: nobody */
    public TokenAuthorizer(String callerTokens) {
        this.tokens = parse(callerTokens);
    }

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String header = "REQUEST".equals(event.getType()) ? header(event.getHeaders(), "Authorization")
                : event.getAuthorizationToken();
        String token = header != null && header.startsWith("Bearer ") ? header.substring("Bearer ".length()) : null;
        String resource = wholeApi(event.getMethodArn());
[#if asTask]
        // TODO(tierlab:authorizer): find the caller this token belongs to with callerFor(token). For a
        // known caller answer policy(caller, "Allow", resource, ...) with the context {"callerId": caller},
        // so the function behind the method learns who called. Anyone else gets "Deny" (API Gateway then
        // answers 403 without calling the function).
        return policy("anonymous", "Deny", resource, Map.of());
[#else]
        Optional<String> caller = callerFor(token);
        if (caller.isPresent()) {
            return policy(caller.get(), "Allow", resource, Map.of("callerId", caller.get()));
        }
        return policy("anonymous", "Deny", resource, Map.of());
[/#if]
    }

    /** The caller whose token this is; every token is compared in constant time, so timing tells nothing. */
    Optional<String> callerFor(String token) {
        if (token == null || token.isEmpty()) {
            return Optional.empty();
        }
        String found = null;
        for (Map.Entry<String, String> e : tokens.entrySet()) {
            if (MessageDigest.isEqual(e.getKey().getBytes(StandardCharsets.UTF_8), token.getBytes(StandardCharsets.UTF_8))) {
                found = e.getValue();
            }
        }
        return Optional.ofNullable(found);
    }

    /** The answer API Gateway expects: principal, a policy with one statement, and the context for the function. */
    static IamPolicyResponse policy(String principalId, String effect, String resource, Map<String, Object> context) {
        IamPolicyResponse.Statement statement = "Allow".equals(effect)
                ? IamPolicyResponse.allowStatement(resource)
                : IamPolicyResponse.denyStatement(resource);
        return IamPolicyResponse.builder()
                .withPrincipalId(principalId)
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(context)
                .build();
    }

    /**
     * arn:aws:execute-api:region:account:api/stage/METHOD/path becomes arn:...:api/stage/*: the
     * cached policy then covers every method of the stage, not only the first one called.
     */
    static String wholeApi(String methodArn) {
        if (methodArn == null) {
            return "*";
        }
        String[] parts = methodArn.split("/");
        return parts.length < 2 ? methodArn : parts[0] + "/" + parts[1] + "/*";
    }

    /** token → caller, from {@code caller=token,caller=token}; malformed pairs are skipped. */
    static Map<String, String> parse(String callerTokens) {
        Map<String, String> byToken = new LinkedHashMap<>();
        if (callerTokens == null) {
            return byToken;
        }
        for (String pair : callerTokens.split(",")) {
            int eq = pair.indexOf('=');
            if (eq > 0 && eq < pair.length() - 1) {
                byToken.put(pair.substring(eq + 1).trim(), pair.substring(0, eq).trim());
            }
        }
        return byToken;
    }

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
