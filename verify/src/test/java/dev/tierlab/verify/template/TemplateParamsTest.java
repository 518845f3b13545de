package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import java.io.UncheckedIOException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TemplateParamsTest {

    @Test
    void everyParamBinds() {
        TemplateParams p = Params.of("""
                file: infra/template.yml
                resourceType: AWS::EC2::Subnet
                count: 2
                path: Properties.MapPublicIpOnLaunch
                equals: false
                matches: "^f"
                refersTo: Vpc.CidrBlock
                dependsOn: Vpc
                """);
        assertEquals("infra/template.yml", p.file());
        assertEquals("AWS::EC2::Subnet", p.resourceType());
        assertEquals(2, p.count());
        assertEquals(PropertyPath.parse("Properties.MapPublicIpOnLaunch"), p.path());
        assertTrue(p.equalTo().isBoolean());
        assertEquals("^f", p.matches());
        assertEquals("Vpc.CidrBlock", p.refersTo());
        assertEquals("Vpc", p.dependsOn());
        assertNull(p.resource());
        assertNull(p.exists());
        assertNull(p.every());

        TemplateParams q = Params.of("{resource: TicketsApi, path: 'Properties.EndpointConfiguration.Types', equals: [REGIONAL], exists: true}");
        assertEquals("[\"REGIONAL\"]", q.equalTo().toString());
        assertEquals(Boolean.TRUE, q.exists());
        assertEquals(Boolean.TRUE, Params.of("{resourceType: T, every: true, path: a}").every());
        assertEquals("{\"AttributeName\":\"expiresAt\",\"Enabled\":true}",
                Params.of("{resource: T, path: a, equals: {AttributeName: expiresAt, Enabled: true}}").equalTo().toString());
    }

    @Test
    void unknownParamsAreRefused() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Params.of("{resource: A, equal: 1}"));
        assertInstanceOf(UnrecognizedPropertyException.class, e.getCause());
    }

    @Test
    void aBadPathIsABindingErrorWithItsPositionInTheFile() {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Params.of("resource: A\npath: Properties..X\n"));
        JsonMappingException m = assertInstanceOf(JsonMappingException.class, e.getCause());
        assertTrue(m.getOriginalMessage().contains("position 12: expected a name after '.'"), m.getOriginalMessage());
        assertEquals(2, m.getLocation().getLineNr());
    }

    @ParameterizedTest(name = "{1}")
    @CsvSource(delimiter = '|', value = {
            "{count: 1}                                           | NOTHING_TO_CHECK",
            "{resource: A, count: 1}                              | COUNT_NEEDS_TYPE",
            "{resource: A, resourceType: T, every: true}          | COUNT_NEEDS_TYPE",
            "{resourceType: T, count: 1, every: true}             | COUNT_AND_EVERY",
            "{resourceType: T, count: -1}                         | NEGATIVE_COUNT",
            "{resource: A, path: p, exists: false, equals: 1}     | ABSENT_WITH_VALUE",
            "{resource: A, exists: false, refersTo: B}            | ABSENT_WITH_VALUE",
            "{resource: A, path: p, matches: '[a-'}               | BAD_PATTERN",
            "{resource: A, path: p, equals: null}                 | EQUALS_NULL",
            "{path: Outputs, dependsOn: B}                        | DEPENDS_ON_NEEDS_RESOURCE",
            "{resource: ' '}                                      | EMPTY",
    })
    void paramsThatMeanNothingAreRefusedWhenTheLabLoads(String yaml, InvalidTemplateParams.Problem problem) {
        UncheckedIOException e = assertThrows(UncheckedIOException.class, () -> Params.of(yaml));
        JsonMappingException m = assertInstanceOf(JsonMappingException.class, e.getCause());
        InvalidTemplateParams invalid = assertInstanceOf(InvalidTemplateParams.class, m.getCause());
        assertEquals(problem, invalid.problem());
        assertEquals(1, m.getLocation().getLineNr());
    }
}
