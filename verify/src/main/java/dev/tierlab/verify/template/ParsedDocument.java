package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
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

    static String child(String pointer, int index) {
        return pointer + "/" + index;
    }
}
