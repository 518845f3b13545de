package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReferencesTest {

    private static JsonNode value(String yaml) {
        return CloudFormationTemplate.parse("Resources:\n  R:\n    Type: T\n    Properties:\n      P: " + yaml + "\n", "t.yaml")
                .resource("R").orElseThrow().properties().get("P");
    }

    private static List<String> refs(String yaml) {
        return References.in(value(yaml), "").stream().map(Reference::toString).toList();
    }

    @Test
    void refAndGetAttInBothForms() {
        assertEquals(List.of("!Ref Bucket"), refs("!Ref Bucket"));
        assertEquals(List.of("!GetAtt Bucket.Arn"), refs("!GetAtt Bucket.Arn"));
        assertEquals(List.of("!GetAtt Bucket.Arn"), refs("!GetAtt [Bucket, Arn]"));
        assertEquals(List.of("!GetAtt Bucket.Arn"), refs("{Fn::GetAtt: [Bucket, Arn]}"));
        assertEquals(List.of("!GetAtt Bucket.Arn"), refs("{Fn::GetAtt: Bucket.Arn}"));
        assertEquals(List.of("!GetAtt Db.Endpoint.Address"), refs("!GetAtt Db.Endpoint.Address"));
        assertEquals(List.of("!GetAtt Bucket.?", "!Ref AttrName"), refs("!GetAtt [Bucket, !Ref AttrName]"));
    }

    @Test
    void subStringsInBothForms() {
        assertEquals(List.of("${AWS::Partition}", "${Bucket}", "${Fn.Arn}"),
                refs("!Sub 'arn:${AWS::Partition}:s3:::${Bucket}/${Fn.Arn}'"));
        assertEquals(List.of(), refs("!Sub 'literal ${!NotARef} and $${}'"), "${!X} is text; ${} names nothing");
        // the list form's variables are local; what their values refer to counts
        assertEquals(List.of("${Api}", "!Ref AWS::URLSuffix"), refs("!Sub ['${Api}.${Suffix}', {Suffix: !Ref AWS::URLSuffix}]"));
    }

    @Test
    void referencesDeepInsideOtherFunctionsAndLists() {
        assertEquals(List.of("!Ref A", "!GetAtt B.Arn", "!Ref AWS::NoValue"),
                refs("!If [IsProd, !Join ['', [!Ref A, '/', !GetAtt B.Arn]], !Ref AWS::NoValue]"));
        assertEquals(List.of("!Ref SubnetA", "!Ref SubnetB"), refs("[!Ref SubnetA, !Ref SubnetB]"));
        assertEquals(List.of("!GetAtt Vpc.CidrBlock"), refs("!Cidr [!GetAtt Vpc.CidrBlock, 6, 8]"));
        assertEquals(List.of(), refs("plain text with Bucket in it"));
    }

    @Test
    void pointsAtAnIdOrOneAttribute() {
        JsonNode v = value("!GetAtt AccessLogs.Arn");
        assertTrue(References.pointAt(v, "AccessLogs"));
        assertTrue(References.pointAt(v, "AccessLogs.Arn"));
        assertFalse(References.pointAt(v, "AccessLogs.Name"));
        assertFalse(References.pointAt(v, "Access"));
        assertFalse(References.pointAt(value("!Ref AccessLogs"), "AccessLogs.Arn"), "a Ref is no attribute");
        assertTrue(References.pointAt(value("!Sub '${Fn.Arn}'"), "Fn.Arn"));
        assertTrue(References.pointAt(value("!Sub '${AWS::Region}'"), "AWS::Region"));
    }

    @Test
    void referencesKnowWhereTheyAre() {
        CloudFormationTemplate t = TestTemplates.parse("lab-cases.yaml");
        Resource fn = t.resource("TicketsFunction").orElseThrow();
        Reference subnetB = fn.references().stream().filter(r -> r.target().equals("PrivateSubnetB")).findFirst().orElseThrow();
        assertEquals("/Resources/TicketsFunction/Properties/VpcConfig/SubnetIds/1", subnetB.pointer());
        assertEquals(56, t.location(subnetB.pointer()).line());
    }
}
