package [=package];

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import org.junit.jupiter.api.Test;

/** The handler driven by sample API Gateway proxy events (src/test/resources/events). */
class TicketsHandlerTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TicketsHandler handler = new TicketsHandler(InMemoryTicketRepository.withSamples());

    static APIGatewayProxyRequestEvent event(String name) throws IOException {
        try (InputStream in = TicketsHandlerTest.class.getResourceAsStream("/events/" + name + ".json")) {
            return JSON.readValue(in, APIGatewayProxyRequestEvent.class);
        }
    }

    @Test
    void getTicketsReturnsAllTicketsAsAJsonArray() throws IOException {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("get-tickets"), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode body = JSON.readTree(response.getBody());
        assertTrue(body.isArray());
        assertEquals(2, body.size());
        assertEquals("T-1", body.get(0).get("id").asText());
    }

    @Test
    void getOneTicketByItsId() throws IOException {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("get-ticket"), null);
        assertEquals(200, response.getStatusCode());
        assertEquals("VPN drops every hour", JSON.readTree(response.getBody()).get("title").asText());
    }

    @Test
    void anUnknownTicketIs404() throws IOException {
        APIGatewayProxyRequestEvent event = event("get-ticket");
        event.getPathParameters().put("id", "T-404");
        assertEquals(404, handler.handleRequest(event, null).getStatusCode());
    }
}
