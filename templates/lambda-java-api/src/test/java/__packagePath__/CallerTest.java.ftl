[#if withCaller]
package [=package];

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What reaches the function from each kind of authorizer, as the proxy event carries it. */
class CallerTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TicketsHandler handler = new TicketsHandler(InMemoryTicketRepository.withSamples());

    private static APIGatewayProxyRequestEvent get(String path, Map<String, Object> authorizer) {
        APIGatewayProxyRequestEvent.ProxyRequestContext context = new APIGatewayProxyRequestEvent.ProxyRequestContext();
        context.setAuthorizer(authorizer);
        context.setIdentity(new APIGatewayProxyRequestEvent.RequestIdentity());
        return new APIGatewayProxyRequestEvent().withHttpMethod("GET").withResource(path).withPath(path).withRequestContext(context);
    }

    @Test
    void cognitoClaimsNameTheUser() throws IOException {
        Map<String, Object> authorizer = new HashMap<>(Map.of("claims", Map.of("cognito:username", "mina", "sub", "1234")));
        var response = handler.handleRequest(get("/me", authorizer), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("mina", JSON.readTree(response.getBody()).get("caller").asText());
        assertEquals("cognito", JSON.readTree(response.getBody()).get("via").asText());
    }

    @Test
    void aLambdaAuthorizersContextNamesTheCaller() {
        Caller caller = Caller.of(get("/partner", new HashMap<>(Map.of("principalId", "alice", "callerId", "alice"))));
        assertEquals(new Caller("alice", "lambda"), caller);
    }

    @Test
    void anIamCallerIsItsArn() {
        APIGatewayProxyRequestEvent event = get("/admin", null);
        event.getRequestContext().getIdentity().setUserArn("arn:aws:iam::123456789012:user/ops");
        assertEquals(new Caller("arn:aws:iam::123456789012:user/ops", "iam"), Caller.of(event));
    }

    @Test
    void withoutAnAuthorizerNobodyIsKnown() {
        assertEquals(new Caller(null, "none"), Caller.of(get("/me", null)));
    }
}
[/#if]
