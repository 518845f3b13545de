[#if withCaller]
package [=package];

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Who is calling, as API Gateway tells the function after an authorizer let the request through. The
 * function never checks a token itself: by the time it runs, API Gateway has done that, and it passes on
 * what the authorizer found in {@code requestContext}:
 *
 * <ul>
 *   <li>a Cognito user-pool authorizer: the token's claims under {@code authorizer.claims}
 *       (e.g. {@code cognito:username});</li>
 *   <li>a Lambda authorizer: its {@code principalId} and every key of the {@code context} it returned,
 *       directly under {@code authorizer};</li>
 *   <li>{@code AWS_IAM}: the signing identity under {@code identity} ({@code userArn}, {@code caller}).</li>
 * </ul>
 *
 * @param name who (a user name, a caller id, an ARN), or null for nobody known
 * @param via  cognito, lambda, iam or none
 */
public record Caller(String name, String via) {

    /** The caller of {@code event}. */
    public static Caller of(APIGatewayProxyRequestEvent event) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = event.getRequestContext();
        Map<String, Object> authorizer = context == null ? null : context.getAuthorizer();
        if (authorizer != null && authorizer.get("claims") instanceof Map<?, ?> claims && claims.get("cognito:username") != null) {
            return new Caller(String.valueOf(claims.get("cognito:username")), "cognito");
        }
        if (authorizer != null && authorizer.get("callerId") != null) {
            return new Caller(String.valueOf(authorizer.get("callerId")), "lambda");
        }
        APIGatewayProxyRequestEvent.RequestIdentity identity = context == null ? null : context.getIdentity();
        if (identity != null && identity.getUserArn() != null) {
            return new Caller(identity.getUserArn(), "iam");
        }
        return new Caller(null, "none");
    }

    /** As the JSON body of GET /me: {@code {"caller": ..., "via": ...}}. */
    public Map<String, Object> asMap() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("caller", name);
        body.put("via", via);
        return body;
    }
}
[/#if]
