package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ShortFormTest {

    private static JsonNode value(String yaml) {
        return CloudFormationTemplate.parse("Resources:\n  R:\n    Type: T\n    Properties:\n      P: " + yaml + "\n", "t.yaml")
                .resource("R").orElseThrow().properties().get("P");
    }

    /** Values are shown as the learner writes them, and what is shown reads back as the same value. */
    @ParameterizedTest(name = "[{index}] {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
            "!Ref Bucket                          | !Ref Bucket",
            "{Ref: Bucket}                        | !Ref Bucket",
            "!GetAtt [Logs, Arn]                  | !GetAtt Logs.Arn",
            "!Sub 'arn:${AWS::Partition}:s3:::x'  | !Sub \"arn:${AWS::Partition}:s3:::x\"",
            "!If [C, !Ref A, !Ref AWS::NoValue]   | !If [C, !Ref A, !Ref AWS::NoValue]",
            "[REGIONAL]                           | [REGIONAL]",
            "{AttributeName: expiresAt, Enabled: true} | {AttributeName: expiresAt, Enabled: true}",
            "'true'                               | \"true\"",
            "'14'                                 | \"14\"",
            "14                                   | 14",
            "''                                   | \"\"",
            "'a: b'                               | \"a: b\"",
            "'*alias'                             | \"*alias\"",
            "'x #y'                               | \"x #y\"",
            "dev.tierlab.Handler::handleRequest   | dev.tierlab.Handler::handleRequest",
            "10.0.1.0/24                          | 10.0.1.0/24",
            "~                                    | null",
    })
    void valuesInTheLearnersShortForm(String yaml, String shown) {
        JsonNode v = value(yaml.strip());
        assertEquals(shown, ShortForm.of(v));
        if (!shown.startsWith("!")) {
            assertEquals(v, value(shown), "reads back as the same value");
        }
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {"200", "1000"})
    void longValuesAreCut(int length) {
        String shown = ShortForm.of(value("'" + "x".repeat(length) + "'"));
        assertEquals(ShortForm.LIMIT, shown.length());
        assertTrue(shown.endsWith("…"));
    }
}
