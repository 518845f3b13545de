package dev.tierlab.verify.engine;

import com.fasterxml.jackson.databind.JsonNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;

/**
 * JSONPath over Jackson trees, with Jayway JsonPath (the whole syntax: {@code $.a.b},
 * {@code $[0].id}, {@code $..id}, filters). A path that finds nothing gives null.
 */
public final class JsonPaths {
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider()).mappingProvider(new JacksonMappingProvider()).build();

    private static final com.fasterxml.jackson.databind.ObjectMapper MAPPER = new com.fasterxml.jackson.databind.ObjectMapper();

    private JsonPaths() {
    }

    /** Fails with {@link IllegalArgumentException} naming the path when it is not JSONPath. */
    public static void requireValid(String path) {
        try {
            JsonPath.compile(path);
        } catch (InvalidPathException e) {
            throw new IllegalArgumentException("not a JSONPath: " + path + " (" + e.getMessage() + ")");
        }
    }

    /** The value at {@code path} in {@code root}, or null when there is none. */
    public static JsonNode read(JsonNode root, String path) {
        if (root == null) {
            return null;
        }
        try {
            Object found = JsonPath.using(JACKSON).parse(root).read(path);
            if (found instanceof JsonNode node) {
                return node.isMissingNode() ? null : node;
            }
            // functions such as length() answer plain Java values
            return found == null ? null : MAPPER.valueToTree(found);
        } catch (PathNotFoundException e) {
            return null;
        } catch (InvalidPathException e) {
            throw new LabProblem("not a JSONPath: " + path);
        }
    }

    /** A found value as text: scalars as they are, objects and arrays as JSON. */
    public static String text(JsonNode node) {
        return node == null ? null : node.isValueNode() ? node.asText() : node.toString();
    }
}
