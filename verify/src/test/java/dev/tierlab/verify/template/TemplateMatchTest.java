package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The checks lab authors write, on lab-cases.yaml (the settings MiniStack drops on deploy) as the solution
 * has it, and on copies broken the way a learner would break them.
 */
class TemplateMatchTest {
    private static final String LAB = TestTemplates.text("lab-cases.yaml");

    private static Outcome check(String template, String params) {
        return TemplateMatch.evaluate(CloudFormationTemplate.parse(template, "infra/template.yml"), Params.of(params));
    }

    private static Outcome check(String params) {
        return check(LAB, params);
    }

    /** The lab template with one piece of text replaced; fails the test if the text is not there. */
    private static String broken(String text, String replacement) {
        assertTrue(LAB.contains(text), text);
        return LAB.replace(text, replacement);
    }

    private static void passes(Outcome o) {
        assertTrue(o.ok(), o::english);
        assertEquals(Outcome.Reason.PASSED, o.reason());
    }

    private static void fails(Outcome.Reason reason, Outcome o) {
        assertFalse(o.ok(), o::english);
        assertEquals(reason, o.reason(), o::english);
    }

    @Test
    void restApiIsRegional() {
        String params = "{resource: TicketsApi, path: Properties.EndpointConfiguration.Types, equals: [REGIONAL]}";
        Outcome ok = check(params);
        passes(ok);
        assertEquals("[REGIONAL]", ok.found());

        Outcome edge = check(broken("- REGIONAL", "- EDGE"), params);
        fails(Outcome.Reason.NOT_EQUAL, edge);
        assertEquals("TicketsApi", edge.subject());
        assertEquals("Properties.EndpointConfiguration.Types", edge.path());
        assertEquals("[REGIONAL]", edge.expected());
        assertEquals("[EDGE]", edge.found());
        assertEquals(new Location("infra/template.yml", 73, 9), edge.where());
        assertEquals("TicketsApi Properties.EndpointConfiguration.Types: expected [REGIONAL], found [EDGE]", edge.english());

        Outcome missing = check(broken("      EndpointConfiguration:\n        Types:\n          - REGIONAL\n", ""), params);
        fails(Outcome.Reason.MISSING, missing);
        assertEquals("Properties.EndpointConfiguration", missing.path());
        assertEquals("TicketsApi has no Properties.EndpointConfiguration (looking for Properties.EndpointConfiguration.Types)",
                missing.english());
        assertEquals(70, missing.where().line(), "the Properties the learner should add it to");

        // the same asked of the element, and of any RestApi
        passes(check("{resource: TicketsApi, path: 'Properties.EndpointConfiguration.Types[0]', equals: REGIONAL}"));
        passes(check("{resourceType: AWS::ApiGateway::RestApi, path: 'Properties.EndpointConfiguration.Types[*]', equals: REGIONAL}"));
    }

    @Test
    void tableHasTtlOnExpiresAt() {
        String params = "{resource: TicketsTable, path: Properties.TimeToLiveSpecification, equals: {AttributeName: expiresAt, Enabled: true}}";
        passes(check(params));
        passes(check(broken("Enabled: true", "Enabled: \"true\""), params)); // CloudFormation takes either
        Outcome off = check(broken("Enabled: true", "Enabled: false"), params);
        fails(Outcome.Reason.NOT_EQUAL, off);
        assertEquals("{AttributeName: expiresAt, Enabled: true}", off.expected());
        assertEquals("{AttributeName: expiresAt, Enabled: false}", off.found());
        fails(Outcome.Reason.NOT_EQUAL, check(broken("AttributeName: expiresAt", "AttributeName: ttl"), params));
        passes(check("{resource: TicketsTable, path: Properties.TimeToLiveSpecification.Enabled, equals: true}"));
        passes(check("{resource: TicketsTable, path: Properties.PointInTimeRecoverySpecification.PointInTimeRecoveryEnabled, equals: true}"));
        passes(check("{resource: TicketsTable, path: Properties.SSESpecification.SSEEnabled, equals: true}"));
    }

    @Test
    void functionRunsInThePrivateSubnets() {
        String params = "{resource: TicketsFunction, path: Properties.VpcConfig.SubnetIds, refersTo: PrivateSubnetA}";
        Outcome ok = check(params);
        passes(ok);
        assertEquals(55, ok.where().line(), "where the reference is");

        Outcome wrong = check(broken("- !Ref PrivateSubnetA", "- !Ref PublicSubnetA"), params);
        fails(Outcome.Reason.NO_REFERENCE, wrong);
        assertEquals("PrivateSubnetA", wrong.expected());
        assertEquals("[!Ref PublicSubnetA, !Ref PrivateSubnetB]", wrong.found());

        Outcome noVpc = check(broken("      VpcConfig:", "      VpcConfigX:"), params);
        fails(Outcome.Reason.MISSING, noVpc);
        assertEquals("Properties.VpcConfig", noVpc.path());
        passes(check("{resource: TicketsFunction, path: 'Properties.VpcConfig.SecurityGroupIds[0]', refersTo: FunctionSecurityGroup.GroupId}"));
    }

    @Test
    void stageSendsAccessLogsToTheLogGroupsArn() {
        String params = "{resource: TicketsStage, path: Properties.AccessLogSetting.DestinationArn, refersTo: AccessLogs.Arn}";
        passes(check(params));
        // Ref of a log group is its name, not its ARN
        Outcome byName = check(broken("DestinationArn: !GetAtt AccessLogs.Arn", "DestinationArn: !Ref AccessLogs"), params);
        fails(Outcome.Reason.NO_REFERENCE, byName);
        assertEquals("!Ref AccessLogs", byName.found());
        passes(check(broken("DestinationArn: !GetAtt AccessLogs.Arn", "DestinationArn: !Ref AccessLogs"),
                "{resource: TicketsStage, path: Properties.AccessLogSetting.DestinationArn, refersTo: AccessLogs}"));
        // inside !Sub, ${AccessLogs.Arn} counts as the GetAtt it stands for
        passes(check(broken("DestinationArn: !GetAtt AccessLogs.Arn", "DestinationArn: !Sub \"${AccessLogs.Arn}\""), params));
        passes(check("{resource: TicketsStage, path: Properties.AccessLogSetting.Format, matches: '\\$context\\.requestId'}"));
    }

    @Test
    void thereAreTwoSubnets() {
        String params = "{resourceType: AWS::EC2::Subnet, count: 2}";
        Outcome ok = check(params);
        passes(ok);
        assertEquals("2 (PrivateSubnetA, PrivateSubnetB)", ok.found());

        String three = broken("  FunctionSecurityGroup:", "  PublicSubnet:\n    Type: AWS::EC2::Subnet\n"
                + "    Properties: {VpcId: !Ref Vpc, CidrBlock: 10.0.3.0/24, MapPublicIpOnLaunch: true}\n  FunctionSecurityGroup:");
        Outcome wrong = check(three, params);
        fails(Outcome.Reason.WRONG_COUNT, wrong);
        assertEquals("2", wrong.expected());
        assertEquals("3 (PrivateSubnetA, PrivateSubnetB, PublicSubnet)", wrong.found());
        assertEquals("AWS::EC2::Subnet: expected 2 resource(s), found 3 (PrivateSubnetA, PrivateSubnetB, PublicSubnet)", wrong.english());

        // counting only the ones that meet a condition
        String privateOnes = "{resourceType: AWS::EC2::Subnet, count: 2, path: Properties.MapPublicIpOnLaunch, equals: false}";
        passes(check(three, privateOnes));
        Outcome none = check(broken("Type: AWS::EC2::Subnet", "Type: AWS::EC2::SubnetX"), "{resourceType: AWS::EC2::Subnet, count: 2}");
        fails(Outcome.Reason.WRONG_COUNT, none);
        assertEquals("0", none.found());
        // every subnet must be private: the public one is named
        Outcome every = check(three, "{resourceType: AWS::EC2::Subnet, every: true, path: Properties.MapPublicIpOnLaunch, equals: false}");
        fails(Outcome.Reason.NOT_EQUAL, every);
        assertEquals("PublicSubnet", every.subject());
        passes(check("{resourceType: AWS::EC2::Subnet, every: true, path: Properties.MapPublicIpOnLaunch, equals: false}"));
    }

    @Test
    void deploymentDependsOnItsMethods() {
        passes(check("{resource: TicketsDeployment, dependsOn: GetTicketsMethod}"));
        Outcome o = check("{resource: TicketsDeployment, dependsOn: PostTicketsMethod}");
        fails(Outcome.Reason.NO_DEPENDENCY, o);
        assertEquals("GetTicketsMethod", o.found());
        assertEquals("TicketsDeployment: DependsOn should name PostTicketsMethod; it names GetTicketsMethod", o.english());
        Outcome none = check("{resource: TicketsApi, dependsOn: Vpc}");
        fails(Outcome.Reason.NO_DEPENDENCY, none);
        assertEquals("", none.found());
        passes(check(broken("DependsOn: GetTicketsMethod", "DependsOn: [Vpc, GetTicketsMethod]"),
                "{resource: TicketsDeployment, dependsOn: GetTicketsMethod}"));
    }

    @Test
    void resourcesAndTypes() {
        passes(check("{resource: TicketsApi}"));
        passes(check("{resource: TicketsApi, resourceType: AWS::ApiGateway::RestApi}"));
        passes(check("{resourceType: AWS::Logs::LogGroup}"));

        Outcome typo = check("{resource: TicketTable, resourceType: AWS::DynamoDB::Table}");
        fails(Outcome.Reason.NO_RESOURCE, typo);
        assertEquals("TicketsTable", typo.found(), "the ids of that type, to spot the typo");
        assertEquals("the template has no resource TicketTable of type AWS::DynamoDB::Table; resources of that type: TicketsTable", typo.english());
        assertTrue(check("{resource: Nope}").found().startsWith("Vpc, PrivateSubnetA, PrivateSubnetB, "));

        Outcome type = check("{resource: TicketsTable, resourceType: AWS::S3::Bucket}");
        fails(Outcome.Reason.WRONG_TYPE, type);
        assertEquals("AWS::DynamoDB::Table", type.found());
        assertEquals(32, type.where().line(), "the Type line");

        Outcome noType = check("{resourceType: AWS::RDS::DBInstance}");
        fails(Outcome.Reason.NO_RESOURCE_OF_TYPE, noType);
        assertEquals("the template has no resource of type AWS::RDS::DBInstance", noType.english());
    }

    @Test
    void whatMustNotBeThere() {
        passes(check("{resourceType: AWS::EC2::InternetGateway, exists: false}"));
        passes(check("{resource: Bastion, exists: false}"));
        passes(check("{resource: TicketsFunction, path: Properties.ReservedConcurrentExecutions, exists: false}"));
        Outcome igw = check(broken("  FunctionSecurityGroup:", "  Igw:\n    Type: AWS::EC2::InternetGateway\n  FunctionSecurityGroup:"),
                "{resourceType: AWS::EC2::InternetGateway, exists: false}");
        fails(Outcome.Reason.PRESENT, igw);
        assertEquals("Igw", igw.found());
        fails(Outcome.Reason.PRESENT, check("{resource: TicketsApi, exists: false}"));
        Outcome set = check("{resource: TicketsTable, path: Properties.BillingMode, exists: false}");
        fails(Outcome.Reason.PRESENT, set);
        assertEquals("PAY_PER_REQUEST", set.found());
    }

    @Test
    void pathOnlyMeansItExists() {
        passes(check("{resource: ArchiveBucket, path: Properties.LifecycleConfiguration}"));
        fails(Outcome.Reason.MISSING, check("{resource: Vpc, path: Properties.EnableDnsSupport}"));
        passes(check("{resource: ArchiveBucket, path: 'Properties.LifecycleConfiguration.Rules[*].Status', equals: Enabled}"));
        passes(check("{resource: ArchiveBucket, path: 'Properties.LifecycleConfiguration.Rules[0].ExpirationInDays', equals: '30'}"));
    }

    @Test
    void regularExpressions() {
        passes(check("{resource: TicketsFunction, path: Properties.Runtime, matches: '^java(17|21)$'}"));
        Outcome py = check(broken("Runtime: java21", "Runtime: python3.12"), "{resource: TicketsFunction, path: Properties.Runtime, matches: '^java(17|21)$'}");
        fails(Outcome.Reason.NO_MATCH, py);
        assertEquals("python3.12", py.found());
        // a !Sub is matched on its text
        passes(check("{resource: TicketsApi, path: Properties.Name, matches: '-tickets$'}"));
        // a number is matched on its digits; a list is not text
        passes(check("{resource: AccessLogs, path: Properties.RetentionInDays, matches: '^(7|14|30)$'}"));
        fails(Outcome.Reason.NO_MATCH, check("{resource: TicketsApi, path: Properties.EndpointConfiguration.Types, matches: REGIONAL}"));
    }

    @Test
    void scalarsCompareByText() {
        passes(check("{resource: AccessLogs, path: Properties.RetentionInDays, equals: '14'}"));
        passes(check("{resource: AccessLogs, path: Properties.RetentionInDays, equals: 14.0}"));
        fails(Outcome.Reason.NOT_EQUAL, check("{resource: AccessLogs, path: Properties.RetentionInDays, equals: 7}"));
        assertTrue(TemplateMatch.same(Params.YAML.valueToTree(true), Params.YAML.valueToTree("True")));
        assertFalse(TemplateMatch.same(Params.YAML.valueToTree(java.util.List.of("a")), Params.YAML.valueToTree("a")));
        // an intrinsic can be asked for as it is written
        passes(check("{resource: PrivateSubnetA, path: Properties.VpcId, equals: {Ref: Vpc}}"));
    }

    @Test
    void referencesAnywhereInAResource() {
        passes(check("{resource: GetTicketsMethod, refersTo: TicketsFunction.Arn}"));
        Outcome o = check("{resource: GetTicketsMethod, refersTo: OtherFunction}");
        fails(Outcome.Reason.NO_REFERENCE, o);
        assertEquals("!Ref TicketsApi, !GetAtt TicketsApi.RootResourceId, ${AWS::Partition}, ${AWS::Region}, ${TicketsFunction.Arn}", o.found());
        passes(check("{resourceType: AWS::ApiGateway::Method, refersTo: TicketsApi}"));
    }

    @Test
    void pathsFromTheTemplatesRoot() {
        passes(check("{path: Outputs.ApiUrl.Value, refersTo: TicketsStage}"));
        passes(check("{path: Parameters.StageName.Default, equals: dev}"));
        Outcome o = check("{path: Outputs.TableName}");
        fails(Outcome.Reason.MISSING, o);
        assertEquals("infra/template.yml", o.subject());
        assertEquals("Outputs.TableName", o.path());
    }

    @Test
    void valuesComputedByFunctionsAreSaidToBe() {
        String ifApi = broken("      EndpointConfiguration:\n        Types:\n          - REGIONAL\n",
                "      EndpointConfiguration: !If [IsProd, {Types: [EDGE]}, {Types: [REGIONAL]}]\n");
        Outcome o = check(ifApi, "{resource: TicketsApi, path: 'Properties.EndpointConfiguration.Types[0]', equals: REGIONAL}");
        fails(Outcome.Reason.COMPUTED, o);
        assertEquals("Properties.EndpointConfiguration", o.path());
        assertEquals("!If [IsProd, {Types: [EDGE]}, {Types: [REGIONAL]}]", o.found());
    }

    @Test
    void severalResourcesOfATypeNoneOfWhichMeetsIt() {
        String two = broken("  GetTicketsMethod:", "  AdminApi:\n    Type: AWS::ApiGateway::RestApi\n"
                + "    Properties: {Name: admin}\n  GetTicketsMethod:").replace("- REGIONAL", "- EDGE");
        Outcome o = check(two, "{resourceType: AWS::ApiGateway::RestApi, path: 'Properties.EndpointConfiguration.Types[0]', equals: REGIONAL}");
        fails(Outcome.Reason.NOT_EQUAL, o);
        assertEquals("AWS::ApiGateway::RestApi", o.subject());
        assertEquals("TicketsApi Properties.EndpointConfiguration.Types[0]: EDGE; AdminApi Properties.EndpointConfiguration: -", o.found());
        // a wildcard with several values, none of them right: all are shown
        Outcome tags = check("{resource: ArchiveBucket, path: 'Properties.LifecycleConfiguration.Rules[*].Status', equals: Disabled}");
        fails(Outcome.Reason.NOT_EQUAL, tags);
        assertEquals("Enabled", tags.found());
    }

    @Test
    void templateFilesThatAreMissingOrBroken(@TempDir Path dir) throws IOException {
        TemplateParams params = Params.of("{resource: TicketsApi}");
        Outcome missing = TemplateMatch.evaluate(dir.resolve("template.yml"), params);
        fails(Outcome.Reason.TEMPLATE_MISSING, missing);

        Path broken = Files.writeString(dir.resolve("template.yml"), "Resources:\n  TicketsApi:\n    Type: [\n");
        Outcome invalid = TemplateMatch.evaluate(broken, params);
        fails(Outcome.Reason.TEMPLATE_INVALID, invalid);
        assertEquals(broken.toString(), invalid.where().file());
        assertNotEquals(0, invalid.where().line());

        Path good = Files.writeString(dir.resolve("good.yml"), LAB);
        passes(TemplateMatch.evaluate(good, params));
    }

    @Test
    void whatACheckAsksIsAFormulaInTheAuthorsTerms() {
        assertEquals("TicketsApi Properties.EndpointConfiguration.Types = [REGIONAL]",
                TemplateMatch.describe(Params.of("{resource: TicketsApi, path: Properties.EndpointConfiguration.Types, equals: [REGIONAL]}")));
        assertEquals("count = 2: AWS::EC2::Subnet", TemplateMatch.describe(Params.of("{resourceType: AWS::EC2::Subnet, count: 2}")));
        assertEquals("AWS::EC2::Subnet[*] Properties.MapPublicIpOnLaunch = false",
                TemplateMatch.describe(Params.of("{resourceType: AWS::EC2::Subnet, every: true, path: Properties.MapPublicIpOnLaunch, equals: false}")));
        assertEquals("TicketsStage Properties.AccessLogSetting.DestinationArn → AccessLogs.Arn",
                TemplateMatch.describe(Params.of("{resource: TicketsStage, path: Properties.AccessLogSetting.DestinationArn, refersTo: AccessLogs.Arn}")));
        assertEquals("TicketsFunction Properties.Runtime ~ ^java", TemplateMatch.describe(Params.of("{resource: TicketsFunction, path: Properties.Runtime, matches: ^java}")));
        assertEquals("AWS::EC2::InternetGateway exists = false", TemplateMatch.describe(Params.of("{resourceType: AWS::EC2::InternetGateway, exists: false}")));
        assertEquals("TicketsDeployment dependsOn = GetTicketsMethod", TemplateMatch.describe(Params.of("{resource: TicketsDeployment, dependsOn: GetTicketsMethod}")));
        assertEquals("Outputs.ApiUrl", TemplateMatch.describe(Params.of("{path: Outputs.ApiUrl}")));
        // a passed outcome carries it as its expected
        assertEquals("count = 2: AWS::EC2::Subnet", check("{resourceType: AWS::EC2::Subnet, count: 2}").expected());
    }
}
