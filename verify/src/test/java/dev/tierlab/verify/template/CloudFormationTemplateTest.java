package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CloudFormationTemplateTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static JsonNode json(String text) throws IOException {
        return JSON.readTree(text);
    }

    /** The value of property {@code name} of resource R in a one-resource template. */
    private static JsonNode property(String yamlValue) {
        CloudFormationTemplate t = CloudFormationTemplate.parse(
                "Resources:\n  R:\n    Type: AWS::Test::Thing\n    Properties:\n      P: " + yamlValue + "\n", "t.yaml");
        return t.resource("R").orElseThrow().properties().get("P");
    }

    @Test
    void shortFormsReadAsTheSameTreeAsLongFormsInYamlAndJson() {
        JsonNode shortForms = TestTemplates.parse("short-forms.yaml").root();
        JsonNode longYaml = TestTemplates.parse("long-forms.yaml").root();
        JsonNode longJson = TestTemplates.parse("long-forms.json").root();
        assertEquals(longYaml, shortForms);
        assertEquals(longJson, shortForms);
        // and the tree is not trivially empty: 22 properties
        assertEquals(22, shortForms.at("/Resources/Thing/Properties").size());
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "!Ref Bucket                          | {\"Ref\":\"Bucket\"}",
            "!Ref AWS::Region                     | {\"Ref\":\"AWS::Region\"}",
            "!Ref 2                               | {\"Ref\":\"2\"}",
            "!Condition IsProd                    | {\"Condition\":\"IsProd\"}",
            "!GetAtt Bucket.Arn                   | {\"Fn::GetAtt\":[\"Bucket\",\"Arn\"]}",
            "!GetAtt Db.Endpoint.Address          | {\"Fn::GetAtt\":[\"Db\",\"Endpoint.Address\"]}",
            "!GetAtt [Bucket, Arn]                | {\"Fn::GetAtt\":[\"Bucket\",\"Arn\"]}",
            "!Sub 'x-${AWS::StackName}'           | {\"Fn::Sub\":\"x-${AWS::StackName}\"}",
            "!Sub ['${A}', {A: !Ref B}]           | {\"Fn::Sub\":[\"${A}\",{\"A\":{\"Ref\":\"B\"}}]}",
            "!Join [',', [a, !Ref B]]             | {\"Fn::Join\":[\",\",[\"a\",{\"Ref\":\"B\"}]]}",
            "!If [C, yes, !Ref AWS::NoValue]      | {\"Fn::If\":[\"C\",true,{\"Ref\":\"AWS::NoValue\"}]}",
            "!Equals [!Ref E, prod]               | {\"Fn::Equals\":[{\"Ref\":\"E\"},\"prod\"]}",
            "!Not [!Condition C]                  | {\"Fn::Not\":[{\"Condition\":\"C\"}]}",
            "!And [!Condition A, !Condition B]    | {\"Fn::And\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}",
            "!Or [!Condition A, !Condition B]     | {\"Fn::Or\":[{\"Condition\":\"A\"},{\"Condition\":\"B\"}]}",
            "!Select [0, !GetAZs '']              | {\"Fn::Select\":[0,{\"Fn::GetAZs\":\"\"}]}",
            "!Split [',', !ImportValue Ids]       | {\"Fn::Split\":[\",\",{\"Fn::ImportValue\":\"Ids\"}]}",
            "!FindInMap [M, !Ref AWS::Region, K]  | {\"Fn::FindInMap\":[\"M\",{\"Ref\":\"AWS::Region\"},\"K\"]}",
            "!Base64 '#!/bin/sh'                  | {\"Fn::Base64\":\"#!/bin/sh\"}",
            "!Base64 {Fn::Sub: '${A}'}            | {\"Fn::Base64\":{\"Fn::Sub\":\"${A}\"}}",
            "!Cidr [!GetAtt V.CidrBlock, 6, 8]    | {\"Fn::Cidr\":[{\"Fn::GetAtt\":[\"V\",\"CidrBlock\"]},6,8]}",
            "!GetAZs ''                           | {\"Fn::GetAZs\":\"\"}",
            "!GetAZs {Ref: AWS::Region}           | {\"Fn::GetAZs\":{\"Ref\":\"AWS::Region\"}}",
            "!ImportValue {Fn::Sub: '${N}-Vpc'}   | {\"Fn::ImportValue\":{\"Fn::Sub\":\"${N}-Vpc\"}}",
            "!Transform {Name: AWS::Include, Parameters: {Location: s3://b/k}} | {\"Fn::Transform\":{\"Name\":\"AWS::Include\",\"Parameters\":{\"Location\":\"s3://b/k\"}}}",
            "!Length [a, b]                       | {\"Fn::Length\":[\"a\",\"b\"]}",
    })
    void everyShortFormTagBecomesItsLongForm(String yaml, String longForm) throws IOException {
        assertEquals(json(longForm), property(yaml.strip()));
    }

    @Test
    void tagsOnBlockSequencesAndMappings() throws IOException {
        CloudFormationTemplate t = CloudFormationTemplate.parse("""
                Resources:
                  R:
                    Type: AWS::Test::Thing
                    Properties:
                      Seq: !Join
                        - ""
                        - - a
                          - !Ref B
                      Map: !Transform
                        Name: AWS::Include
                        Parameters:
                          Location: !Sub "s3://${Bucket}/x.yaml"
                """, "t.yaml");
        JsonNode p = t.resource("R").orElseThrow().properties();
        assertEquals(json("{\"Fn::Join\":[\"\",[\"a\",{\"Ref\":\"B\"}]]}"), p.get("Seq"));
        assertEquals(json("{\"Fn::Transform\":{\"Name\":\"AWS::Include\",\"Parameters\":{\"Location\":{\"Fn::Sub\":\"s3://${Bucket}/x.yaml\"}}}}"),
                p.get("Map"));
    }

    @Test
    void scalarsAreTypedAsYaml11ButDatesAndOctalLookingNumbersStayText() {
        assertEquals("2010-09-09", property("2010-09-09").asText());
        assertTrue(property("2010-09-09").isTextual());
        assertTrue(property("0755").isTextual());
        assertTrue(property("14").isNumber());
        assertTrue(property("1.5").isNumber());
        assertTrue(property("true").isBoolean());
        assertTrue(property("'true'").isTextual());
        assertTrue(property("~").isNull());
        assertTrue(property("!!str 14").isTextual());
    }

    @Test
    void getAttWithoutAttributeIsAnErrorAtItsPosition() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "Resources:\n  R:\n    Type: T\n    Properties:\n      Role: !GetAtt RoleArn\n", "infra/template.yml"));
        assertEquals(TemplateParseException.Kind.INVALID_VALUE, e.kind());
        assertEquals(new Location("infra/template.yml", 5, 13), e.location());
        assertTrue(e.problem().contains("!GetAtt needs LogicalId.AttributeName"), e.problem());
    }

    @Test
    void yamlSyntaxErrorsNameFileLineAndColumn() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse("""
                Resources:
                  R:
                    Type: AWS::S3::Bucket
                     Properties: {}
                """, "infra/template.yml"));
        assertEquals(TemplateParseException.Kind.SYNTAX, e.kind());
        assertEquals(4, e.location().line());
        assertEquals("infra/template.yml:4:" + e.location().column(), e.location().toString());
        assertTrue(e.getMessage().startsWith("infra/template.yml:4:"), e.getMessage());
        assertTrue(e.problem().contains("mapping values are not allowed here"), e.problem());
    }

    @Test
    void unclosedFlowSequenceIsASyntaxError() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "Resources:\n  R:\n    Type: T\n    Properties:\n      Ids: [!Ref A, !Ref B\n", "t.yaml"));
        assertEquals(TemplateParseException.Kind.SYNTAX, e.kind());
        assertTrue(e.location().line() >= 5, e.location().toString());
    }

    @Test
    void duplicateKeysAreRefusedAtTheSecondOne() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse("""
                Resources:
                  Bucket:
                    Type: AWS::S3::Bucket
                  Bucket:
                    Type: AWS::S3::Bucket
                """, "t.yaml"));
        assertEquals(TemplateParseException.Kind.DUPLICATE_KEY, e.kind());
        assertEquals(new Location("t.yaml", 4, 3), e.location());
        assertEquals("duplicate key 'Bucket' (first at line 2)", e.problem());
    }

    @Test
    void jsonErrorsNameLineAndColumn() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "{\n  \"Resources\": {\n    \"R\": {\"Type\": \"T\",}\n  }\n}\n", "template.json"));
        assertEquals(TemplateParseException.Kind.SYNTAX, e.kind());
        assertEquals(3, e.location().line());
        assertEquals(23, e.location().column()); // the "}" after the comma

        TemplateParseException dup = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "{\"Resources\": {\"R\": {\"Type\": \"T\"},\n \"R\": {\"Type\": \"T\"}}}", "template.json"));
        assertEquals(TemplateParseException.Kind.DUPLICATE_KEY, dup.kind());
        assertEquals(new Location("template.json", 2, 2), dup.location());

        TemplateParseException trailing = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "{\"Resources\": {}} {}", "template.json"));
        assertEquals(TemplateParseException.Kind.SYNTAX, trailing.kind());
    }

    @Test
    void jsonIsRecognisedByItsContentUnderAnyName() {
        CloudFormationTemplate t = CloudFormationTemplate.parse(
                "\uFEFF{\n\t\"Resources\": {\n\t\t\"B\": {\"Type\": \"AWS::S3::Bucket\"}\n\t}\n}\n", "template.template");
        assertEquals("AWS::S3::Bucket", t.resource("B").orElseThrow().type());
        assertEquals(new Location("template.template", 3, 3), t.location(t.resource("B").orElseThrow()));
        // a YAML flow mapping that is not JSON is still YAML
        assertEquals("T", CloudFormationTemplate.parse("{Resources: {B: {Type: T}}}", "t.yaml").resource("B").orElseThrow().type());
    }

    @Test
    void whatIsNotATemplateIsSaidSo() {
        assertEquals(TemplateParseException.Kind.NOT_A_TEMPLATE, assertThrows(TemplateParseException.class,
                () -> CloudFormationTemplate.parse("", "t.yaml")).kind());
        assertEquals(TemplateParseException.Kind.NOT_A_TEMPLATE, assertThrows(TemplateParseException.class,
                () -> CloudFormationTemplate.parse("- a\n- b\n", "t.yaml")).kind());
        TemplateParseException noResources = assertThrows(TemplateParseException.class,
                () -> CloudFormationTemplate.parse("AWSTemplateFormatVersion: '2010-09-09'\nOutputs: {}\n", "t.yaml"));
        assertEquals("the template has no Resources section", noResources.problem());
        TemplateParseException listResources = assertThrows(TemplateParseException.class,
                () -> CloudFormationTemplate.parse("Resources:\n  - a\n", "t.yaml"));
        assertEquals(new Location("t.yaml", 1, 1), listResources.location());
    }

    @Test
    void unreadableFilesAreParseErrorsToo(@TempDir Path dir) throws IOException {
        Path latin1 = dir.resolve("t.yaml");
        Files.write(latin1, new byte[] {'R', 'e', 's', ':', ' ', (byte) 0xE9, '\n'});
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(latin1));
        assertEquals(TemplateParseException.Kind.UNREADABLE, e.kind());
        assertEquals(TemplateParseException.Kind.UNREADABLE, assertThrows(TemplateParseException.class,
                () -> CloudFormationTemplate.parse(dir.resolve("absent.yaml"))).kind());
    }

    @Test
    void resourcesByIdAndTypeInFileOrder() {
        CloudFormationTemplate t = TestTemplates.parse("lab-cases.yaml");
        assertEquals(List.of("PrivateSubnetA", "PrivateSubnetB"),
                t.resourcesOfType("AWS::EC2::Subnet").stream().map(Resource::logicalId).toList());
        assertEquals("AWS::ApiGateway::RestApi", t.resource("TicketsApi").orElseThrow().type());
        assertFalse(t.resource("NoSuchThing").isPresent());
        assertTrue(t.resourcesOfType("AWS::EC2::InternetGateway").isEmpty());
        assertEquals(List.of("GetTicketsMethod"), t.resource("TicketsDeployment").orElseThrow().dependsOn());
        assertEquals(List.of(), t.resource("TicketsApi").orElseThrow().dependsOn());
        assertTrue(t.resource("TicketsFunction").orElseThrow().refersTo("PrivateSubnetB"));
        assertFalse(t.resource("TicketsFunction").orElseThrow().refersTo("TicketsApi"));
    }

    @Test
    void locationsPointAtKeysAndListEntries() {
        CloudFormationTemplate t = TestTemplates.parse("lab-cases.yaml");
        String file = TestTemplates.path("lab-cases.yaml").toString();
        assertEquals(new Location(file, 68, 3), t.location(t.resource("TicketsApi").orElseThrow()));
        assertEquals(new Location(file, 74, 13), t.location("/Resources/TicketsApi/Properties/EndpointConfiguration/Types/0"));
        // inside a short-form tag: where the tag is
        assertEquals(new Location(file, 55, 13), t.location("/Resources/TicketsFunction/Properties/VpcConfig/SubnetIds/0/Ref"));
    }

    @Test
    void tabsInIndentationAreASyntaxErrorAtTheTab() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "Resources:\n  B:\n\tType: AWS::S3::Bucket\n", "t.yaml"));
        assertEquals(TemplateParseException.Kind.SYNTAX, e.kind());
        assertEquals(new Location("t.yaml", 3, 1), e.location());
        assertTrue(e.problem().contains("TAB"), e.problem());
    }

    @Test
    void windowsLineEndingsKeepTheLines() {
        CloudFormationTemplate t = CloudFormationTemplate.parse(
                "Resources:\r\n  A:\r\n    Type: T\r\n  B:\r\n    Type: !Ref X\r\n", "t.yaml");
        assertEquals(new Location("t.yaml", 4, 3), t.location(t.resource("B").orElseThrow()));
        assertEquals("T", t.resource("A").orElseThrow().type());
        assertEquals(null, t.resource("B").orElseThrow().type(), "a computed Type is no type");
    }

    @Test
    void aTemplateReadFromAFileIsNamedAsTheCallerShowsIt(@TempDir Path dir) throws IOException {
        Path file = Files.writeString(dir.resolve("template.yml"), "Resources:\n  B:\n    Type: [\n");
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(file, "infra/template.yml"));
        assertEquals("infra/template.yml", e.location().file());
        assertTrue(e.getMessage().startsWith("infra/template.yml:"), e.getMessage());
    }

    @Test
    void severalDocumentsAreNotOneTemplate() {
        TemplateParseException e = assertThrows(TemplateParseException.class, () -> CloudFormationTemplate.parse(
                "Resources: {A: {Type: T}}\n---\nResources: {B: {Type: T}}\n", "t.yaml"));
        assertEquals(TemplateParseException.Kind.SYNTAX, e.kind());
        assertEquals(2, e.location().line());
    }
}
