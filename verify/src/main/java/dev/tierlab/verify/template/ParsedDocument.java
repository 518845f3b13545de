package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.math.BigInteger;
import java.util.Map;

/**
 * A template file as a neutral tree and where each of its values is written: JSON Pointer → the position
 * of the mapping key (for a member) or of the element (for a sequence entry).
 */
record ParsedDocument(JsonNode root, Map<String, Location> locations) {

    /** One JSON Pointer step, escaped as RFC 6901 says ({@code ~} → {@code ~0}, {@code /} → {@code ~1}). */
    static String child(String pointer, String key) {
        return pointer + "/" + key.replace("~", "~0").replace("/", "~1");
    }

    /** A whole number in the smallest node that holds it, as Jackson's own readTree does (so trees compare equal). */
    static JsonNode integer(BigInteger value) {
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return value.bitLength() < 32 ? nodes.numberNode(value.intValue())
                : value.bitLength() < 64 ? nodes.numberNode(value.longValue()) : nodes.numberNode(value);
    }

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
