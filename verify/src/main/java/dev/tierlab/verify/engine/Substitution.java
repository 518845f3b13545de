package dev.tierlab.verify.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills the references a check's parameters may hold: {@code ${outputs.X}} (an output of the deployed
 * stack, made reachable from this machine), {@code ${vars.X}} (a value an earlier check captured in
 * this run) and {@code ${stack}} (the stack's name). Strings anywhere in the tree are filled, keys
 * are not. A reference that cannot be filled stays as written and is listed in
 * {@link Result#unresolvedOutputs()} or {@link Result#unresolvedVars()}.
 */
public final class Substitution {
    private static final Pattern REFERENCE = Pattern.compile("\\$\\{(?:(outputs|vars)\\.([A-Za-z0-9_.-]+)|(stack))}");

    private final String stack;
    private final Map<String, String> outputs;
    private final Map<String, String> vars;
    private final UnaryOperator<String> reachable;

    /**
     * @param stack     the stack's name, or null when nothing is deployed
     * @param outputs   the stack's outputs (empty when nothing is deployed)
     * @param vars      values captured so far
     * @param reachable makes an output URL reachable from this machine
     */
    public Substitution(String stack, Map<String, String> outputs, Map<String, String> vars, UnaryOperator<String> reachable) {
        this.stack = stack;
        this.outputs = outputs;
        this.vars = vars;
        this.reachable = reachable;
    }

    /** The filled tree and what could not be filled. */
    public record Result(JsonNode params, Set<String> unresolvedOutputs, Set<String> unresolvedVars) {
        public boolean complete() {
            return unresolvedOutputs.isEmpty() && unresolvedVars.isEmpty();
        }
    }

    /** The names of the {@code ${vars.X}} a tree refers to. */
    public static Set<String> varsIn(JsonNode node) {
        Set<String> names = new LinkedHashSet<>();
        walk(node, text -> {
            Matcher m = REFERENCE.matcher(text);
            while (m.find()) {
                if ("vars".equals(m.group(1))) {
                    names.add(m.group(2));
                }
            }
            return text;
        });
        return names;
    }

    public Result apply(JsonNode params) {
        Set<String> missingOutputs = new LinkedHashSet<>();
        Set<String> missingVars = new LinkedHashSet<>();
        JsonNode filled = walk(params, text -> fill(text, missingOutputs, missingVars));
        return new Result(filled, Set.copyOf(missingOutputs), Set.copyOf(missingVars));
    }

    /** {@code text} with its references filled in. */
    public String fill(String text, Set<String> missingOutputs, Set<String> missingVars) {
        Matcher m = REFERENCE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String value;
            if (m.group(3) != null) {
                value = stack;
            } else if ("outputs".equals(m.group(1))) {
                String raw = outputs.get(m.group(2));
                value = raw == null ? null : reachable.apply(raw);
                if (value == null) {
                    missingOutputs.add(m.group(2));
                }
            } else {
                value = vars.get(m.group(2));
                if (value == null) {
                    missingVars.add(m.group(2));
                }
            }
            m.appendReplacement(out, Matcher.quoteReplacement(value == null ? m.group() : value));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static JsonNode walk(JsonNode node, UnaryOperator<String> onText) {
        if (node == null) {
            return null;
        }
        if (node.isTextual()) {
            return TextNode.valueOf(onText.apply(node.textValue()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            for (Iterator<Map.Entry<String, JsonNode>> it = node.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                copy.set(e.getKey(), walk(e.getValue(), onText));
            }
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(walk(item, onText)));
            return copy;
        }
        return node;
    }
}
