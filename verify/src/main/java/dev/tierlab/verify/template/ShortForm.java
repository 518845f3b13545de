package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.util.Map;

/**
 * A value written back the way a learner writes it in a YAML template, on one line, for "expected" and
 * "found": {@code [REGIONAL]}, {@code !GetAtt AccessLogs.Arn}, {@code {AttributeName: expiresAt, Enabled: true}}.
 * Long values are cut at {@link #LIMIT} characters.
 */
public final class ShortForm {
    static final int LIMIT = 160;

    private ShortForm() {
    }

    public static String of(JsonNode value) {
        StringBuilder out = new StringBuilder();
        write(value, out);
        return out.length() <= LIMIT ? out.toString() : out.substring(0, LIMIT - 1) + "…";
    }

    private static void write(JsonNode node, StringBuilder out) {
        if (out.length() > LIMIT) {
            return;
        }
        String function = Intrinsics.name(node);
        if (function != null) {
            JsonNode arg = node.get(function);
            String tag = "!" + (function.startsWith("Fn::") ? function.substring(4) : function);
            if (function.equals("Fn::GetAtt") && arg.isArray() && arg.size() == 2 && arg.get(0).isTextual() && arg.get(1).isTextual()) {
                out.append(tag).append(' ').append(arg.get(0).asText()).append('.').append(arg.get(1).asText());
            } else {
                out.append(tag).append(' ');
                write(arg, out);
            }
            return;
        }
        if (node.isObject()) {
            out.append('{');
            String sep = "";
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                out.append(sep);
                text(e.getKey(), out);
                out.append(": ");
                write(e.getValue(), out);
                sep = ", ";
            }
            out.append('}');
        } else if (node.isArray()) {
            out.append('[');
            for (int i = 0; i < node.size(); i++) {
                out.append(i == 0 ? "" : ", ");
                write(node.get(i), out);
            }
            out.append(']');
        } else if (node.isTextual()) {
            text(node.asText(), out);
        } else {
            out.append(node.isNull() ? "null" : node.asText());
        }
    }

    /** Plain when YAML would read it back as the same text, else double-quoted (JSON escapes). */
    private static void text(String s, StringBuilder out) {
        // no leading * (an alias), @ or ` (reserved); no ": " or " #", which YAML reads as a key or a comment
        boolean plain = !s.isEmpty() && s.matches("[A-Za-z0-9_./$-][A-Za-z0-9_./@$*:+ -]*")
                && !s.endsWith(" ") && !s.endsWith(":") && !s.contains(": ") && !s.contains(" #") && !s.startsWith("- ")
                && !s.matches("(?i)true|false|yes|no|on|off|y|n|null|~|[-+]?[0-9][0-9_.eE+-]*");
        out.append(plain ? s : TextNode.valueOf(s).toString());
    }
}
