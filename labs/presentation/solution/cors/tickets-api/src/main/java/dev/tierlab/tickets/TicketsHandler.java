package dev.tierlab.tickets;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyRequestEvent;
import com.amazonaws.services.lambda.runtime.events.APIGatewayProxyResponseEvent;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.UUID;

/**
 * The Tickets API behind an API Gateway proxy integration: API Gateway passes the whole HTTP request
 * as an event and turns the returned status, headers and body into the HTTP response.
 *
 * <pre>
 * GET  /tickets        all tickets
 * GET  /tickets/{id}   one ticket, or 404
 * POST /tickets        create a ticket
 * </pre>
 */
public class TicketsHandler implements RequestHandler<APIGatewayProxyRequestEvent, APIGatewayProxyResponseEvent> {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final TicketRepository repository;

    /** Used by Lambda: DynamoDB when TABLE_NAME is set, sample data in memory otherwise (local runs). */
    public TicketsHandler() {
        this(repositoryFromEnvironment());
    }

    public TicketsHandler(TicketRepository repository) {
        this.repository = repository;
    }

    private static TicketRepository repositoryFromEnvironment() {
        String table = System.getenv("TABLE_NAME");
        return table == null || table.isBlank()
                ? InMemoryTicketRepository.withSamples()
                : DynamoDbTicketRepository.fromEnvironment(table);
    }

    @Override
    public APIGatewayProxyResponseEvent handleRequest(APIGatewayProxyRequestEvent event, Context context) {
        String method = event.getHttpMethod();
        String resource = event.getResource();
        if (context != null) {
            context.getLogger().log(method + " " + event.getPath());
        }
        if ("GET".equals(method) && "/tickets".equals(resource)) {
            return json(200, repository.findAll());
        }
        if ("GET".equals(method) && "/tickets/{id}".equals(resource)) {
            String id = event.getPathParameters() == null ? null : event.getPathParameters().get("id");
            return repository.findById(id)
                    .map(ticket -> json(200, ticket))
                    .orElseGet(() -> json(404, Map.of("message", "no ticket " + id)));
        }
        if ("POST".equals(method) && "/tickets".equals(resource)) {
            return createTicket(event.getBody());
        }
        return json(404, Map.of("message", "no route for " + method + " " + resource));
    }

    /** POST /tickets: stores a new OPEN ticket built from the JSON body and answers 201 with it. */
    private APIGatewayProxyResponseEvent createTicket(String body) {
        if (body == null || body.isBlank()) {
            return json(400, Map.of("message", "the request body must be a JSON object with a title"));
        }
        Ticket input;
        try {
            input = read(body, Ticket.class);
        } catch (JsonProcessingException e) {
            return json(400, Map.of("message", "the request body is not valid JSON for a ticket"));
        }
        if (input == null || input.title() == null || input.title().isBlank()) {
            return json(400, Map.of("message", "a ticket needs a title"));
        }
        Ticket created = new Ticket("T-" + UUID.randomUUID(), input.title(), "OPEN");
        repository.save(created);
        return json(201, created);
    }

    /** A response with a JSON body. */
    static APIGatewayProxyResponseEvent json(int status, Object body) {
        try {
            return new APIGatewayProxyResponseEvent()
                    .withStatusCode(status)
                    // a page from another origin (the site) may read this answer: CORS
                    .withHeaders(Map.of("Content-Type", "application/json", "Access-Control-Allow-Origin", "*"))
                    .withBody(JSON.writeValueAsString(body));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write the response as JSON", e);
        }
    }

    /** Reads a JSON request body. */
    static <T> T read(String body, Class<T> type) throws JsonProcessingException {
        return JSON.readValue(body, type);
    }
}
