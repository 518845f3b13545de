[#if withCors]
package [=package];

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Every answer of the function may be read by the site, which runs on another origin (CORS). */
class CorsHeaderTest {
    private final TicketsHandler handler = new TicketsHandler(InMemoryTicketRepository.withSamples());

    @Test
    void listAnswersCarryAccessControlAllowOrigin() throws IOException {
        APIGatewayProxyResponseEvent response = handler.handleRequest(TicketsHandlerTest.event("get-tickets"), null);
        assertEquals("*", response.getHeaders().get("Access-Control-Allow-Origin"));
    }

    @Test
    void createdAndMissingTicketsToo() throws IOException {
        assertEquals("*", handler.handleRequest(TicketsHandlerTest.event("post-ticket"), null).getHeaders().get("Access-Control-Allow-Origin"));
        var missing = TicketsHandlerTest.event("get-ticket");
        missing.setPathParameters(java.util.Map.of("id", "T-404"));
        APIGatewayProxyResponseEvent notFound = handler.handleRequest(missing, null);
        assertEquals(404, notFound.getStatusCode());
        assertEquals("*", notFound.getHeaders().get("Access-Control-Allow-Origin"), "a browser must be able to read errors as well");
    }
}
[/#if]
