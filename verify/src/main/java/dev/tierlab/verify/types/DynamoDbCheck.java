package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;

/** {@code dynamodb}: a table's key schema and billing mode, and whether an item with a key exists. */
public final class DynamoDbCheck extends BaseCheckType<DynamoDbCheck.Params> {
    /**
     * @param table       the table's logical id
     * @param keySchema   attribute → HASH or RANGE
     * @param billingMode PAY_PER_REQUEST or PROVISIONED
     * @param item        the key (string attributes) of an item that must exist
     */
    public record Params(@JsonProperty(required = true) String table, Map<String, KeyType> keySchema, String billingMode,
                         Map<String, String> item) {
        public Params {
            keySchema = keySchema == null ? null : new LinkedHashMap<>(keySchema);
            if (keySchema != null && keySchema.containsValue(KeyType.UNKNOWN_TO_SDK_VERSION)) {
                throw new IllegalArgumentException("keySchema values are HASH or RANGE");
            }
            item = item == null ? null : new LinkedHashMap<>(item);
        }
    }

    public DynamoDbCheck() {
        super("dynamodb", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String table = context.physical(p.table());
        TableDescription t = context.aws().dynamoDb().describeTable(b -> b.tableName(table)).table();
        Boolean hasItem = null;
        if (p.item() != null) {
            Map<String, AttributeValue> key = new LinkedHashMap<>();
            p.item().forEach((name, value) -> key.put(name, AttributeValue.fromS(value)));
            hasItem = context.aws().dynamoDb().getItem(b -> b.tableName(table).key(key)).hasItem();
        }
        return judge(p, t, hasItem, context.texts());
    }

    /** @param hasItem whether the item exists; null when the check names none */
    static Verdict judge(Params p, TableDescription table, Boolean hasItem, Texts t) {
        String subject = p.table();
        Expectations e = new Expectations(t);
        String billing = table.billingModeSummary() == null ? "PROVISIONED" : table.billingModeSummary().billingModeAsString();
        e.expect(subject, "billingMode", p.billingMode(), billing);
        if (p.keySchema() != null) {
            Map<String, KeyType> actual = new LinkedHashMap<>();
            table.keySchema().forEach(k -> actual.put(k.attributeName(), k.keyType()));
            e.expected(t.get("check.r.is", subject, "keySchema", p.keySchema()));
            if (!p.keySchema().equals(actual)) {
                e.mismatch(subject, "keySchema", actual.toString());
            }
        }
        if (p.item() != null) {
            e.expected(t.get("check.r.item", subject, p.item()));
            if (!Boolean.TRUE.equals(hasItem)) {
                e.mismatch(subject, "item " + p.item(), t.get("check.r.none"));
            }
        }
        return e.verdict(subject);
    }
}
