package [=package];

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayCustomAuthorizerEvent;
import com.amazonaws.services.lambda.runtime.events.IamPolicyResponse;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TokenAuthorizerTest {
    private static final String ARN = "arn:aws:execute-api:ap-northeast-2:123456789012:abc123/dev/GET/tickets";
    private final TokenAuthorizer authorizer = new TokenAuthorizer("alice=tok-alice,bob=tok-bob");

    private static String effect(IamPolicyResponse response) {
        // the events library renders the policy as API Gateway expects it: Statement is an array of maps
        Map<?, ?>[] statements = (Map<?, ?>[]) response.getPolicyDocument().get("Statement");
        return (String) statements[0].get("Effect");
    }

    private static String resource(IamPolicyResponse response) {
        Map<?, ?>[] statements = (Map<?, ?>[]) response.getPolicyDocument().get("Statement");
        Object resource = statements[0].get("Resource");
        return resource instanceof String[] list ? list[0] : String.valueOf(resource);
    }

    private static APIGatewayCustomAuthorizerEvent tokenEvent(String token) {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("TOKEN");
        event.setAuthorizationToken(token);
        event.setMethodArn(ARN);
        return event;
    }

    @Test
    void aKnownCallerIsAllowedForTheWholeStageAndNamedInTheContext() {
        IamPolicyResponse response = authorizer.handleRequest(tokenEvent("Bearer tok-bob"), null);
        assertEquals("Allow", effect(response));
        assertEquals("bob", response.getPrincipalId());
        assertEquals("bob", response.getContext().get("callerId"));
        assertEquals("arn:aws:execute-api:ap-northeast-2:123456789012:abc123/dev/*", resource(response));
    }

    @Test
    void aWrongOrMissingTokenIsDenied() {
        assertEquals("Deny", effect(authorizer.handleRequest(tokenEvent("Bearer guess"), null)));
        assertEquals("Deny", effect(authorizer.handleRequest(tokenEvent("tok-alice"), null)), "without Bearer");
        assertEquals("Deny", effect(authorizer.handleRequest(tokenEvent(null), null)));
    }

    @Test
    void withoutConfiguredCallersEverythingIsDenied() {
        assertEquals("Deny", effect(new TokenAuthorizer((String) null).handleRequest(tokenEvent("Bearer null"), null)));
    }

    @Test
    void requestAuthorizersReadTheHeader() {
        APIGatewayCustomAuthorizerEvent event = new APIGatewayCustomAuthorizerEvent();
        event.setType("REQUEST");
        event.setHeaders(Map.of("authorization", "Bearer tok-alice"));
        event.setMethodArn(ARN);
        assertEquals("Allow", effect(authorizer.handleRequest(event, null)));
    }
}
