package [=package];

import java.util.List;
import java.util.Map;
import java.util.Optional;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * Tickets in a DynamoDB table with the string partition key {@code id}. The table name comes from
 * the environment variable [=tableEnvVar], set by the CloudFormation template.
 */
public final class DynamoDbTicketRepository implements TicketRepository {
    private final DynamoDbClient dynamo;
    private final String table;

    public DynamoDbTicketRepository(DynamoDbClient dynamo, String table) {
        this.dynamo = dynamo;
        this.table = table;
    }

    /** A repository for the table named in [=tableEnvVar], using the Lambda's region and role. */
    public static DynamoDbTicketRepository fromEnvironment(String table) {
        return new DynamoDbTicketRepository(
                DynamoDbClient.builder().httpClient(UrlConnectionHttpClient.create()).build(), table);
    }

    @Override
    public List<Ticket> findAll() {
        return dynamo.scan(b -> b.tableName(table)).items().stream()
                .map(DynamoDbTicketRepository::toTicket)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    @Override
    public Optional<Ticket> findById(String id) {
        Map<String, AttributeValue> item = dynamo.getItem(b -> b.tableName(table)
                .key(Map.of("id", AttributeValue.fromS(id)))).item();
        return item == null || item.isEmpty() ? Optional.empty() : Optional.of(toTicket(item));
    }

    @Override
    public void save(Ticket ticket) {
        dynamo.putItem(b -> b.tableName(table).item(Map.of(
                "id", AttributeValue.fromS(ticket.id()),
                "title", AttributeValue.fromS(ticket.title()),
                "status", AttributeValue.fromS(ticket.status()))));
    }

    private static Ticket toTicket(Map<String, AttributeValue> item) {
        return new Ticket(item.get("id").s(), item.get("title").s(), item.get("status").s());
    }
}
