package [=package];

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Map;

/**
 * A Lambda authorizer for a REST API. For a TOKEN authorizer API Gateway passes the Authorization
 * header as {@code authorizationToken}; for a REQUEST authorizer it passes all headers. The answer is
 * an IAM policy that allows or denies {@code execute-api:Invoke}; API Gateway caches it per token.
 */
public class TokenAuthorizer implements RequestHandler<APIGatewayCustomAuthorizerEvent, IamPolicyResponse> {
    private final String expectedToken;

    /** Reads the accepted token from [=tokenEnvVar]; without it every request is denied (fail closed). */
    public TokenAuthorizer() {
        this(System.getenv("[=tokenEnvVar]"));
    }

    public TokenAuthorizer(String expectedToken) {
        this.expectedToken = expectedToken;
    }

    @Override
    public IamPolicyResponse handleRequest(APIGatewayCustomAuthorizerEvent event, Context context) {
        String header = "REQUEST".equals(event.getType()) ? header(event.getHeaders(), "Authorization")
                : event.getAuthorizationToken();
        boolean allowed = expectedToken != null && !expectedToken.isBlank() && header != null
                && MessageDigest.isEqual(header.getBytes(StandardCharsets.UTF_8),
                        ("Bearer " + expectedToken).getBytes(StandardCharsets.UTF_8)); // constant-time compare
        String resource = wholeApi(event.getMethodArn());
        IamPolicyResponse.Statement statement = allowed
                ? IamPolicyResponse.allowStatement(resource)
                : IamPolicyResponse.denyStatement(resource);
        return IamPolicyResponse.builder()
                .withPrincipalId(allowed ? "tierlab-user" : "anonymous")
                .withPolicyDocument(IamPolicyResponse.PolicyDocument.builder()
                        .withVersion(IamPolicyResponse.VERSION_2012_10_17)
                        .withStatement(List.of(statement))
                        .build())
                .withContext(Map.of("authorizedBy", "tierlab"))
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

    private static String header(Map<String, String> headers, String name) {
        if (headers == null) {
            return null;
        }
        return headers.entrySet().stream().filter(e -> e.getKey().equalsIgnoreCase(name))
                .map(Map.Entry::getValue).findFirst().orElse(null);
    }
}
