package dev.tierlab.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import javax.xml.XMLConstants;
import javax.xml.transform.stream.StreamSource;
import javax.xml.validation.Schema;
import javax.xml.validation.SchemaFactory;
import org.xml.sax.SAXException;

/**
 * The schemas of the reports' consumers, as test resources: the Jenkins junit-4 XSD, exercism's
 * results.json v3 and GitHub Classroom's grader output (the last two written from their docs and
 * source; each file says where from). Every report a test writes goes through one of these, in
 * verify's tests and, through verify's test jar, in cli's.
 */
public final class ConsumerSchemas {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema JUNIT = xsd("junit-4.xsd");
    private static final JsonSchema EXERCISM = jsonSchema("exercism-results-v3.schema.json");
    private static final JsonSchema CLASSROOM = jsonSchema("classroom-results.schema.json");

    private ConsumerSchemas() {
    }

    /** Fails the test with the validator's message when {@code xml} is not valid junit-4. */
    public static void assertJunit(String xml) {
        try {
            JUNIT.newValidator().validate(new StreamSource(new StringReader(xml)));
        } catch (SAXException e) {
            throw new AssertionError("not valid against the Jenkins junit-4 XSD: " + e.getMessage() + "\n" + xml, e);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Fails the test with every violation when {@code json} is not a valid exercism results.json v3. */
    public static void assertExercism(String json) {
        assertValid(EXERCISM, json, "exercism results.json v3");
    }

    /** Fails the test unless {@code base64} decodes to valid Classroom grader output; returns the JSON. */
    public static String assertClassroom(String base64) {
        String json = new String(Base64.getDecoder().decode(base64.strip()), StandardCharsets.UTF_8);
        assertValid(CLASSROOM, json, "GitHub Classroom grader output");
        return json;
    }

    private static void assertValid(JsonSchema schema, String json, String what) {
        JsonNode doc;
        try {
            doc = JSON.readTree(json);
        } catch (IOException e) {
            throw new AssertionError("not JSON: " + e.getMessage() + "\n" + json, e);
        }
        List<String> problems = schema.validate(doc).stream().map(ValidationMessage::getMessage).sorted().toList();
        assertEquals(List.of(), problems, "not valid " + what + ":\n" + json);
    }

    private static Schema xsd(String name) {
        try (InputStream in = resource(name)) {
            SchemaFactory factory = SchemaFactory.newInstance(XMLConstants.W3C_XML_SCHEMA_NS_URI);
            return factory.newSchema(new StreamSource(in));
        } catch (IOException | SAXException e) {
            throw new IllegalStateException("cannot read the test resource " + name, e);
        }
    }

    private static JsonSchema jsonSchema(String name) {
        try (InputStream in = resource(name)) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012)
                    .getSchema(in, SchemaValidatorsConfig.builder().locale(Locale.ENGLISH).build());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = ConsumerSchemas.class.getResourceAsStream(name);
        if (in == null) {
            throw new IllegalStateException("test resource missing: dev/tierlab/verify/report/" + name);
        }
        return in;
    }
}
