package dev.tierlab.verify.template;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Reads a JSON template with Jackson's streaming parser, keeping the position of every key and element.
 * JSON is read as JSON, not as YAML: SnakeYAML (YAML 1.1) refuses tab indentation, which JSON allows.
 */
final class JsonTemplateReader {
    private static final JsonFactory FACTORY = new JsonFactory();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final String file;
    private final Map<String, Location> locations = new HashMap<>();

    private JsonTemplateReader(String file) {
        this.file = file;
    }

    static ParsedDocument read(String text, String file) {
        JsonTemplateReader reader = new JsonTemplateReader(file);
        try (JsonParser parser = FACTORY.createParser(text)) {
            if (parser.nextToken() == null) {
                throw new TemplateParseException(TemplateParseException.Kind.NOT_A_TEMPLATE, new Location(file, 1, 1),
                        "the file is empty", null);
            }
            reader.locations.put("", reader.at(parser.currentTokenLocation()));
            JsonNode root = reader.value(parser, "");
            if (parser.nextToken() != null) {
                throw new TemplateParseException(TemplateParseException.Kind.SYNTAX, reader.at(parser.currentTokenLocation()),
                        "unexpected content after the end of the JSON document", null);
            }
            return new ParsedDocument(root, reader.locations);
        } catch (JsonProcessingException e) {
            throw new TemplateParseException(TemplateParseException.Kind.SYNTAX, reader.at(e.getLocation()), e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new TemplateParseException(TemplateParseException.Kind.UNREADABLE, Location.of(file), String.valueOf(e.getMessage()), e);
        }
    }

    private JsonNode value(JsonParser p, String pointer) throws IOException {
        JsonToken token = p.currentToken();
        switch (token) {
            case START_OBJECT -> {
                ObjectNode object = NODES.objectNode();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String key = p.currentName();
                    String child = ParsedDocument.child(pointer, key);
                    if (object.has(key)) {
                        throw new TemplateParseException(TemplateParseException.Kind.DUPLICATE_KEY, at(p.currentTokenLocation()),
                                "duplicate key '" + key + "' (first at line " + locations.get(child).line() + ")", null);
                    }
                    locations.put(child, at(p.currentTokenLocation()));
                    p.nextToken();
                    object.set(key, value(p, child));
                }
                return object;
            }
            case START_ARRAY -> {
                ArrayNode array = NODES.arrayNode();
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    String child = ParsedDocument.child(pointer, array.size());
                    locations.put(child, at(p.currentTokenLocation()));
                    array.add(value(p, child));
                }
                return array;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return ParsedDocument.integer(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(token == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new TemplateParseException(TemplateParseException.Kind.SYNTAX, at(p.currentTokenLocation()),
                    "unexpected " + token, null);
        }
    }

    private Location at(JsonLocation location) {
        return location == null || location.getLineNr() <= 0 ? Location.of(file)
                : new Location(file, location.getLineNr(), location.getColumnNr());
    }
}
