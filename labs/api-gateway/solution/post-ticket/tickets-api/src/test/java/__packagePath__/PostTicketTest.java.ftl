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

/** POST /tickets driven by the sample proxy event src/test/resources/events/post-ticket.json. */
class PostTicketTest {
    private static final ObjectMapper JSON = new ObjectMapper().disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);

    private final TicketsHandler handler = new TicketsHandler(InMemoryTicketRepository.withSamples());

    static APIGatewayProxyRequestEvent event(String name) throws IOException {
        try (InputStream in = PostTicketTest.class.getResourceAsStream("/events/" + name + ".json")) {
            return JSON.readValue(in, APIGatewayProxyRequestEvent.class);
        }
    }

    @Test
    void postCreatesAnOpenTicketAndAnswers201() throws IOException {
        APIGatewayProxyResponseEvent response = handler.handleRequest(event("post-ticket"), null);
        assertEquals(201, response.getStatusCode());
        assertEquals("application/json", response.getHeaders().get("Content-Type"));
        JsonNode created = JSON.readTree(response.getBody());
        assertTrue(created.get("id").asText().startsWith("T-"), "id should start with T-: " + created.get("id"));
        assertEquals("Coffee machine is leaking", created.get("title").asText());
        assertEquals("OPEN", created.get("status").asText());

        APIGatewayProxyResponseEvent list = handler.handleRequest(event("get-tickets"), null);
        assertEquals(200, list.getStatusCode());
        assertEquals(3, JSON.readTree(list.getBody()).size());
    }

    @Test
    void aBodyWithoutATitleIs400() throws IOException {
        APIGatewayProxyRequestEvent event = event("post-ticket");
        event.setBody("{}");
        APIGatewayProxyResponseEvent response = handler.handleRequest(event, null);
        assertEquals(400, response.getStatusCode());
        assertTrue(JSON.readTree(response.getBody()).has("message"));
    }

    @Test
    void aBodyThatIsNotJsonIs400() throws IOException {
        APIGatewayProxyRequestEvent event = event("post-ticket");
        event.setBody("title=Coffee");
        assertEquals(400, handler.handleRequest(event, null).getStatusCode());
    }
}
