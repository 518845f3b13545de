package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.StringReader;
import java.lang.reflect.RecordComponent;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * docs/template-check.md is what the lead pastes into lab.schema.json, authoring.md and the message
 * bundles: its schema block works inside labs/lab.schema.json, its examples are valid and pass on the
 * test template, its messages are the ones the code formats.
 */
class TemplateDocTest {
    private static final Path DOC = Path.of("..", "docs", "template-check.md");
    private static final Path LAB_SCHEMA = Path.of("..", "labs", "lab.schema.json");
    private static String doc;
    private static JsonNode fragment;
    private static JsonSchema schema;

    @BeforeAll
    static void load() throws IOException {
        doc = Files.readString(DOC);
        Matcher m = Pattern.compile("<!-- schema:begin -->\\s*```json\\n(.*?)```\\s*<!-- schema:end -->", Pattern.DOTALL).matcher(doc);
        assertTrue(m.find(), "the schema block between the markers");
        fragment = Params.YAML.readTree(m.group(1));
        // labs/lab.schema.json has "template" in the enum and this block in allOf
        ObjectNode labSchema = (ObjectNode) Params.YAML.readTree(LAB_SCHEMA.toFile());
        ObjectNode check = (ObjectNode) labSchema.get("$defs").get("check");
        ArrayNode types = (ArrayNode) check.get("properties").get("type").get("enum");
        assertTrue(types.toString().contains("\"template\""), "template is a type of labs/lab.schema.json");
        // the block in labs/lab.schema.json is the one documented here
        boolean pasted = false;
        for (com.fasterxml.jackson.databind.JsonNode rule : check.get("allOf")) {
            if ("template".equals(rule.at("/if/properties/type/const").asText())) {
                org.junit.jupiter.api.Assertions.assertEquals(fragment, rule, "labs/lab.schema.json's template block = docs/template-check.md's");
                pasted = true;
            }
        }
        assertTrue(pasted, "labs/lab.schema.json has the template block");
        schema = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012).getSchema(labSchema);
    }

    private static String block(String after, String language) {
        int at = doc.indexOf(after);
        assertTrue(at >= 0, after);
        int start = doc.indexOf("```" + language + "\n", at) + language.length() + 4;
        return doc.substring(start, doc.indexOf("```", start));
    }

    /** The problems of a lab whose one step has these checks. */
    private static Set<ValidationMessage> validate(JsonNode checks) {
        ObjectNode lab = Params.YAML.createObjectNode();
        lab.put("id", "doc-lab").put("chapter", "api-gateway");
        lab.putObject("title").put("en", "Doc");
        ObjectNode step = lab.putArray("steps").addObject();
        step.put("id", "only").putObject("title").put("en", "Only");
        step.putObject("instructions").put("en", "steps/only.en.md");
        step.set("checks", checks);
        return schema.validate(lab);
    }

    private static JsonNode checks(String yaml) throws IOException {
        return Params.YAML.readTree(yaml);
    }

    @Test
    void theExamplesAreValidBindAndPassOnTheLabTemplate() throws IOException {
        JsonNode examples = checks(block("### `template` checks", "yaml").stripIndent());
        assertEquals(10, examples.size());
        assertEquals(Set.of(), validate(examples));
        CloudFormationTemplate template = TestTemplates.parse("lab-cases.yaml");
        for (JsonNode check : examples) {
            TemplateParams params = Params.YAML.treeToValue(check.get("params"), TemplateParams.class);
            Outcome o = TemplateMatch.evaluate(template, params);
            assertTrue(o.ok(), check.get("id").asText() + ": " + o.english());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {
            "[{id: c, type: template}]",
            "[{id: c, type: template, params: {}}]",
            "[{id: c, type: template, params: {count: 2}}]",
            "[{id: c, type: template, params: {resource: A, every: true}}]",
            "[{id: c, type: template, params: {resource: A, equal: 1}}]",
            "[{id: c, type: template, params: {resource: 'Tickets-Api'}}]",
            "[{id: c, type: template, params: {resourceType: Subnet}}]",
            "[{id: c, type: template, params: {resourceType: AWS::EC2::Subnet, count: -1}}]",
            "[{id: c, type: template, params: {path: '', resource: A}}]",
            "[{id: c, type: template, params: {resource: A, path: p, equals: null}}]",
            "[{id: c, type: template, params: {resource: A, refersTo: 'A B'}}]",
            "[{id: c, type: template, params: {resource: A, file: /etc/passwd}}]",
            "[{id: c, type: template, params: {resource: A, file: ../x.yml}}]",
    })
    void paramsTheSchemaRefuses(String checks) throws IOException {
        assertFalse(validate(checks(checks)).isEmpty(), checks);
    }

    @Test
    void theSchemaNamesExactlyTheParamsTheRecordBinds() {
        Set<String> record = new TreeSet<>();
        for (RecordComponent c : TemplateParams.class.getRecordComponents()) {
            JsonProperty renamed = c.getAccessor().getAnnotation(JsonProperty.class);
            record.add(renamed != null ? renamed.value() : c.getName());
        }
        Set<String> documented = new TreeSet<>();
        fragment.at("/then/properties/params/properties").fieldNames().forEachRemaining(documented::add);
        assertEquals(record, documented);
    }

    @Test
    void theEnglishMessagesAreTheOnesTheCodeFormatsAndKoreanHasEachOfThem() throws IOException {
        Properties en = new Properties();
        en.load(new StringReader(block("messages.properties:", "properties")));
        Properties ko = new Properties();
        ko.load(new StringReader(block("messages_ko.properties:", "properties")));
        assertEquals(Outcome.ENGLISH, en);
        assertEquals(en.keySet(), ko.keySet());
        Set<String> keys = new TreeSet<>();
        for (Outcome.Reason r : Outcome.Reason.values()) {
            keys.add(new Outcome(false, r, "s", null, "", "", null).messageKey());
        }
        keys.add(new Outcome(false, Outcome.Reason.NO_RESOURCE, "s", null, "AWS::S3::Bucket", "", null).messageKey());
        assertEquals(keys, new TreeSet<>(en.stringPropertyNames()));
        for (String key : en.stringPropertyNames()) {
            assertEquals(arguments(en.getProperty(key)), arguments(ko.getProperty(key)), key);
        }
    }

    /** The argument numbers a pattern uses, after MessageFormat has read it (so quoting mistakes show). */
    private static Set<Integer> arguments(String pattern) {
        Object[] marked = {"\u00010", "\u00011", "\u00012", "\u00013", "\u00014"};
        String formatted = new MessageFormat(pattern).format(marked);
        Set<Integer> used = new TreeSet<>();
        for (int i = 0; i < marked.length; i++) {
            if (formatted.contains((String) marked[i])) {
                used.add(i);
            }
        }
        assertFalse(Pattern.compile("\\{[0-9]").matcher(formatted).find(), "an argument left unformatted (quoting?) in " + pattern);
        return used;
    }
}
