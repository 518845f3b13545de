package dev.tierlab.verify.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The registry is the one list of check types: the lab schema and the authors' guide are held equal to it. */
class CheckTypesTest {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();

    @Test
    void theSchemaTypeEnumIsTheRegistry() throws IOException {
        JsonNode schema = new ObjectMapper().readTree(REPO.resolve("labs/lab.schema.json").toFile());
        List<String> enumerated = new ArrayList<>();
        schema.at("/$defs/check/properties/type/enum").forEach(n -> enumerated.add(n.asText()));
        assertEquals(CheckTypes.standard().names(), enumerated,
                "labs/lab.schema.json $defs.check.properties.type.enum must list CheckTypes.standard() in order");
    }

    @Test
    void theGuideHasARowPerTypeNamingEachParameter() throws IOException {
        String doc = Files.readString(REPO.resolve("docs/authoring.md"));
        List<String> rows = doc.lines().filter(l -> l.matches("\\| `[a-z0-9-]+` \\| .*")).toList();
        List<String> problems = new ArrayList<>();
        List<String> documented = new ArrayList<>();
        for (String name : CheckTypes.standard().names()) {
            String row = rows.stream().filter(r -> r.startsWith("| `" + name + "` |") && r.split("\\|").length >= 4
                    && (r.contains("–") || r.contains("`"))).reduce((a, b) -> b).orElse(null);
            if (row == null) {
                problems.add("no row for " + name);
                continue;
            }
            documented.add(name);
            Class<?> params = CheckTypes.standard().find(name).orElseThrow().parameters();
            for (RecordComponent c : params.getRecordComponents()) {
                com.fasterxml.jackson.annotation.JsonProperty renamed = c.getAccessor().getAnnotation(com.fasterxml.jackson.annotation.JsonProperty.class);
                String written = renamed != null && !renamed.value().isEmpty() ? renamed.value() : c.getName();
                if (!row.contains("`" + written + "`")) {
                    problems.add(name + "." + written);
                }
            }
        }
        assertEquals(List.of(), problems, "check types and parameters missing from docs/authoring.md's check-type tables");
        assertEquals(CheckTypes.standard().names(), documented);
    }

    @Test
    void bindingReportsTheParameterAndWhatIsWrong() {
        ObjectMapper json = new ObjectMapper();
        Parameters.Invalid missing = assertThrows(Parameters.Invalid.class,
                () -> CheckTypes.standard().bind("invoke", json.valueToTree(Map.of("function", "F"))));
        assertEquals(Parameters.Kind.MISSING, missing.problem().kind());
        assertEquals("event", missing.problem().name());

        Parameters.Invalid unknown = assertThrows(Parameters.Invalid.class,
                () -> CheckTypes.standard().bind("file-contains", json.valueToTree(Map.of("file", "a", "contains", "b", "contain", "c"))));
        assertEquals(Parameters.Kind.UNKNOWN, unknown.problem().kind());
        assertEquals("contain", unknown.problem().name());
        assertTrue(unknown.problem().detail().contains("contains"), unknown.problem().detail());

        Parameters.Invalid type = assertThrows(Parameters.Invalid.class,
                () -> CheckTypes.standard().bind("invoke", json.valueToTree(Map.of("function", "F", "event", "e", "expectStatus", "many"))));
        assertEquals(Parameters.Kind.WRONG_TYPE, type.problem().kind());
        assertEquals(List.of("expectStatus"), type.problem().path());
        assertEquals("an integer", type.problem().detail());

        Parameters.Invalid nested = assertThrows(Parameters.Invalid.class,
                () -> CheckTypes.standard().bind("lambda", json.valueToTree(Map.of("function", "F", "environment", Map.of("A", List.of(1))))));
        assertEquals(List.of("environment", "A"), nested.problem().path(), "the path leads to the value");

        Parameters.Invalid none = assertThrows(Parameters.Invalid.class,
                () -> CheckTypes.standard().bind("build", json.valueToTree(Map.of("project", "x"))));
        assertEquals(Parameters.Kind.UNKNOWN, none.problem().kind(), "a type without parameters takes none");
    }

    @Test
    void namesAreUnique() {
        assertThrows(IllegalArgumentException.class, () -> new CheckTypes(List.of(new dev.tierlab.verify.types.BuildCheck(),
                new dev.tierlab.verify.types.BuildCheck())));
    }
}
