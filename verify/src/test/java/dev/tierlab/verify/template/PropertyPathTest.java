package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PropertyPathTest {
    private static final CloudFormationTemplate T = CloudFormationTemplate.parse("""
            Resources:
              Api:
                Type: AWS::ApiGateway::RestApi
                Properties:
                  EndpointConfiguration:
                    Types: [REGIONAL]
                  Tags:
                    - {Key: team, Value: tickets}
                    - {Key: env, Value: dev}
                  Policy: !If [IsProd, {Statement: []}, !Ref AWS::NoValue]
                  Empty:
              Method:
                Type: AWS::ApiGateway::Method
                Properties:
                  RequestParameters:
                    method.request.path.id: true
                  Integration:
                    RequestTemplates:
                      application/json: '{"id": "$input.params(''id'')"}'
            Outputs:
              Url:
                Value: !Sub "https://${Api}.execute-api"
            """, "t.yaml");

    private static PropertyPath.Selection select(String resource, String path) {
        return T.resource(resource).orElseThrow().select(PropertyPath.parse(path));
    }

    private static List<String> values(PropertyPath.Selection s) {
        return s.matches().stream().map(m -> m.value().asText()).toList();
    }

    @Test
    void namesAndIndexes() {
        PropertyPath.Selection s = select("Api", "Properties.EndpointConfiguration.Types[0]");
        assertEquals(List.of("REGIONAL"), values(s));
        assertEquals("Properties.EndpointConfiguration.Types[0]", s.matches().get(0).path());
        assertEquals("/Resources/Api/Properties/EndpointConfiguration/Types/0", s.matches().get(0).pointer());
        assertEquals("AWS::ApiGateway::RestApi", select("Api", "Type").matches().get(0).value().asText());
    }

    @Test
    void wildcardsSelectEveryElementOrMember() {
        assertEquals(List.of("team", "env"), values(select("Api", "Properties.Tags[*].Key")));
        assertEquals(List.of("Properties.Tags[0].Key", "Properties.Tags[1].Key"),
                select("Api", "Properties.Tags.*.Key").matches().stream().map(PropertyPath.Match::path).toList());
        assertEquals(List.of("tickets", "dev"), values(select("Api", "Properties.Tags[*].Value")));
        assertEquals(3, select("Api", "Properties.*").matches().size(), "EndpointConfiguration, Tags, Policy; Empty has no value");
        assertTrue(PropertyPath.parse("a[*]").hasWildcard());
        assertFalse(PropertyPath.parse("a[0]").hasWildcard());
    }

    @Test
    void quotedKeysHoldDotsAndSlashes() {
        assertEquals(List.of("true"), values(select("Method", "Properties.RequestParameters[\"method.request.path.id\"]")));
        PropertyPath.Selection s = select("Method", "Properties.Integration.RequestTemplates['application/json']");
        assertTrue(values(s).get(0).startsWith("{\"id\""));
        assertEquals("Properties.Integration.RequestTemplates[\"application/json\"]", s.matches().get(0).path());
        assertEquals("/Resources/Method/Properties/Integration/RequestTemplates/application~1json", s.matches().get(0).pointer());
    }

    @Test
    void aMissingStepIsNamedWithTheLastValueThatIsThere() {
        PropertyPath.Selection s = select("Api", "Properties.MinimumCompressionSize.Value");
        assertFalse(s.found());
        assertEquals("Properties.MinimumCompressionSize", s.missing());
        assertEquals("Properties", s.reached());
        assertEquals("/Resources/Api/Properties", s.reachedPointer());
        assertNull(s.computed());

        assertEquals("Properties.EndpointConfiguration.Types[3]", select("Api", "Properties.EndpointConfiguration.Types[3]").missing());
        assertEquals("Properties.Tags.Key", select("Api", "Properties.Tags.Key").missing(), "a name on a list is not there");
        assertEquals("Properties.Empty", select("Api", "Properties.Empty").missing(), "a key without a value has none");
    }

    @Test
    void aStepIntoAComputedValueSaysWhichFunctionComputesIt() {
        PropertyPath.Selection s = select("Api", "Properties.Policy.Statement");
        assertFalse(s.found());
        assertEquals("Properties.Policy", s.reached());
        assertEquals("Fn::If", Intrinsics.name(s.computed()));
        // the function itself is a value a path may ask for
        assertEquals("IsProd", select("Api", "Properties.Policy[\"Fn::If\"][0]").matches().get(0).value().asText());
    }

    @Test
    void pathsFromTheRoot() {
        assertEquals("https://${Api}.execute-api", T.select(PropertyPath.parse("Outputs.Url.Value[\"Fn::Sub\"]")).matches().get(0).value().asText());
    }

    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', value = {
            "''                       | the path is empty",
            "Properties.              | position 12: expected a name after '.'",
            ".Properties              | position 1: expected a name before '.'",
            "Properties..Name         | position 12: expected a name after '.'",
            "Types[0                  | position 6: '[' is not closed by ']'",
            "Types[x]                 | position 7: expected a number, * or a quoted key",
            "Types[-1]                | position 7: expected a number, * or a quoted key",
            "Types[0]Name             | position 9: expected '.' or '[' between steps",
            "Properties.a b           | position 13: unexpected ' '",
            "RequestTemplates['a/b    | position 17: the quoted key is not closed by ']",
    })
    void syntaxErrorsNameThePosition(String path, String message) {
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class, () -> PropertyPath.parse(path));
        assertTrue(e.getMessage().contains(message), e.getMessage());
    }

    @Test
    void pathsCompareByTheirSteps() {
        assertEquals(PropertyPath.parse("a.b[0]"), PropertyPath.parse("a['b'][0]"));
        assertEquals("a['b'][0]", PropertyPath.parse("a['b'][0]").toString());
    }
}
