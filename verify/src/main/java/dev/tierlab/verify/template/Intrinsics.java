package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;

/** Recognises intrinsic functions in their long form: a mapping with one key, {@code Ref}, {@code Condition} or {@code Fn::*}. */
final class Intrinsics {
    private Intrinsics() {
    }

    static boolean isIntrinsic(JsonNode node) {
        return name(node) != null;
    }

    /** The function's key ({@code Ref}, {@code Fn::GetAtt}, ...), or null when the value is not a function. */
    static String name(JsonNode node) {
        if (node == null || !node.isObject() || node.size() != 1) {
            return null;
        }
        String key = node.fieldNames().next();
        return key.equals("Ref") || key.equals("Condition") || key.startsWith("Fn::") ? key : null;
    }
}
