package dev.tierlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** The format reference in docs/authoring.md names every property and every check type of labs/lab.schema.json. */
class AuthoringDocTest {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();

    private static JsonNode schema() throws IOException {
        return new ObjectMapper().readTree(REPO.resolve("labs/lab.schema.json").toFile());
    }

    /** The reference part of the guide: from "## Format reference" to the next second-level heading. */
    private static String reference() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/authoring.md"));
        int start = doc.indexOf("\n## Format reference");
        assertTrue(start >= 0, "docs/authoring.md has a '## Format reference' section");
        int end = doc.indexOf("\n## ", start + 1);
        return end < 0 ? doc.substring(start) : doc.substring(start, end);
    }

    private static void propertyNames(JsonNode node, Set<String> names) {
        if (node.isObject()) {
            JsonNode properties = node.get("properties");
            if (properties != null && properties.isObject()) {
                properties.fieldNames().forEachRemaining(names::add);
            }
            node.elements().forEachRemaining(child -> propertyNames(child, names));
        } else if (node.isArray()) {
            node.elements().forEachRemaining(child -> propertyNames(child, names));
        }
    }

    @Test
    void everyPropertyOfTheSchemaIsInTheReference() throws IOException {
        Set<String> names = new TreeSet<>();
        propertyNames(schema(), names);
        assertTrue(names.size() > 50, "the schema's properties were found: " + names);
        String reference = reference();
        List<String> missing = names.stream().filter(n -> !reference.contains("`" + n + "`")).toList();
        assertEquals(List.of(), missing, "properties of labs/lab.schema.json missing from the reference in docs/authoring.md");
    }

    @Test
    void everyCheckTypeHasARowNamingEachOfItsParams() throws IOException {
        JsonNode check = schema().at("/$defs/check");
        String reference = reference();
        List<String> missing = new ArrayList<>();
        for (JsonNode type : check.at("/properties/type/enum")) {
            // the last row of that name: `template` is also a property of deploy, whose table comes first
            String row = reference.lines().filter(l -> l.startsWith("| `" + type.asText() + "` |")).reduce((a, b) -> b).orElse(null);
            if (row == null) {
                missing.add("check type " + type.asText());
                continue;
            }
            for (JsonNode rule : check.get("allOf")) {
                if (rule.at("/if/properties/type/const").asText().equals(type.asText())) {
                    rule.at("/then/properties/params/properties").fieldNames().forEachRemaining(param -> {
                        if (!row.contains("`" + param + "`")) {
                            missing.add(type.asText() + "." + param);
                        }
                    });
                }
            }
        }
        assertEquals(List.of(), missing, "check types and params missing from the check-type tables of docs/authoring.md");
    }
}
