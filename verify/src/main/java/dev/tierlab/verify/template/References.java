package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Every reference inside a value, however deep: through {@code !If}, {@code !Join}, {@code !Select},
 * lists and mappings, and inside {@code !Sub} strings in both forms. In the list form
 * ({@code !Sub [text, {Var: value}]}) the names the list defines are local variables, not references;
 * the references in their values count. {@code ${!Literal}} is literal text.
 */
public final class References {
    /** {@code ${...}} that does not start with {@code !}; the name itself may hold {@code ::} and dots. */
    private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(?!!)([^}]*)}");

    private References() {
    }

    public static List<Reference> in(JsonNode value, String pointer) {
        List<Reference> found = new ArrayList<>();
        collect(value, pointer, found);
        return found;
    }

    /** Whether some reference inside {@code value} satisfies {@code spec} ({@code X} or {@code X.Attr}). */
    public static boolean pointAt(JsonNode value, String spec) {
        return in(value, "").stream().anyMatch(r -> r.pointsAt(spec));
    }

    private static void collect(JsonNode node, String pointer, List<Reference> found) {
        String function = Intrinsics.name(node);
        if (function != null) {
            JsonNode arg = node.get(function);
            String argPointer = ParsedDocument.child(pointer, function);
            switch (function) {
                case "Ref" -> {
                    if (arg.isTextual()) {
                        found.add(new Reference(Reference.Kind.REF, arg.asText(), null, pointer));
                        return;
                    }
                }
                case "Fn::GetAtt" -> {
                    if (arg.isArray() && arg.size() >= 1 && arg.get(0).isTextual()) {
                        JsonNode attribute = arg.get(1);
                        found.add(new Reference(Reference.Kind.GET_ATT, arg.get(0).asText(),
                                attribute != null && attribute.isTextual() ? attribute.asText() : null, pointer));
                        if (attribute != null && !attribute.isTextual()) {
                            collect(attribute, ParsedDocument.child(argPointer, 1), found); // !GetAtt [A, !Ref AttrParam]
                        }
                        return;
                    }
                    if (arg.isTextual() && arg.asText().indexOf('.') > 0) { // long form written as "A.B"
                        String text = arg.asText();
                        found.add(new Reference(Reference.Kind.GET_ATT, text.substring(0, text.indexOf('.')),
                                text.substring(text.indexOf('.') + 1), pointer));
                        return;
                    }
                }
                case "Fn::Sub" -> {
                    if (arg.isTextual()) {
                        sub(arg.asText(), Set.of(), pointer, found);
                        return;
                    }
                    if (arg.isArray() && arg.size() >= 1 && arg.get(0).isTextual()) {
                        Set<String> local = new HashSet<>();
                        if (arg.size() > 1 && arg.get(1).isObject()) {
                            arg.get(1).fieldNames().forEachRemaining(local::add);
                        }
                        sub(arg.get(0).asText(), local, pointer, found);
                        for (int i = 1; i < arg.size(); i++) {
                            collect(arg.get(i), ParsedDocument.child(argPointer, i), found);
                        }
                        return;
                    }
                }
                default -> {
                    // other functions: look inside their arguments
                }
            }
        }
        if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                collect(node.get(i), ParsedDocument.child(pointer, i), found);
            }
        } else if (node.isObject()) {
            for (Map.Entry<String, JsonNode> e : node.properties()) {
                collect(e.getValue(), ParsedDocument.child(pointer, e.getKey()), found);
            }
        }
    }

    private static void sub(String text, Set<String> local, String pointer, List<Reference> found) {
        Matcher m = SUB_VARIABLE.matcher(text);
        while (m.find()) {
            String name = m.group(1).trim();
            if (name.isEmpty() || local.contains(name)) {
                continue;
            }
            int dot = name.indexOf('.');
            if (dot > 0) {
                found.add(new Reference(Reference.Kind.SUB, name.substring(0, dot), name.substring(dot + 1), pointer));
            } else {
                found.add(new Reference(Reference.Kind.SUB, name, null, pointer));
            }
        }
    }
}
