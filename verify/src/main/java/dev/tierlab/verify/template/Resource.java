package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import java.util.ArrayList;
import java.util.List;

/**
 * One entry of the template's {@code Resources}: its logical id, {@code Type} (null when it has none) and the
 * whole definition ({@code Type}, {@code Properties}, {@code DependsOn}, {@code Condition}, ...), in long form.
 */
public record Resource(String logicalId, String type, JsonNode definition, String pointer) {

    /** {@code Properties}, or a missing node when the resource has none. */
    public JsonNode properties() {
        JsonNode p = definition.get("Properties");
        return p == null ? MissingNode.getInstance() : p;
    }

    /** The logical ids in {@code DependsOn}, which may be written as one id or a list. */
    public List<String> dependsOn() {
        JsonNode d = definition.get("DependsOn");
        List<String> ids = new ArrayList<>();
        if (d != null && d.isTextual()) {
            ids.add(d.asText());
        } else if (d != null && d.isArray()) {
            d.forEach(e -> {
                if (e.isTextual()) {
                    ids.add(e.asText());
                }
            });
        }
        return ids;
    }

    /** What the path selects, starting at the resource's definition ({@code Properties.X}, {@code DependsOn}, ...). */
    public PropertyPath.Selection select(PropertyPath path) {
        return path.select(definition, pointer);
    }

    /** Every {@code !Ref}, {@code !GetAtt} and {@code !Sub} reference in the definition. */
    public List<Reference> references() {
        return References.in(definition, pointer);
    }

    /** Whether the definition refers to {@code spec}: a logical id, or {@code Id.Attribute} for one GetAtt attribute. */
    public boolean refersTo(String spec) {
        return references().stream().anyMatch(r -> r.pointsAt(spec));
    }
}
