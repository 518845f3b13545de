package dev.tierlab.verify.template;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bundled {@code templates/cfn-api} as a learner gets it: rendered with its defaults with the generator's
 * FreeMarker settings (square-bracket syntax, strict), then read and checked as template checks would.
 */
class BundledTemplateTest {
    private static final Path CFN_API = Path.of("..", "templates", "cfn-api");
    private static CloudFormationTemplate template;

    @BeforeAll
    static void render() throws Exception {
        template = render(Map.of());
    }

    /** The template rendered with its defaults, overridden by {@code given}. */
    static CloudFormationTemplate render(Map<String, Object> given) throws Exception {
        Map<String, Object> defaults = new HashMap<>();
        JsonNode manifest = Params.YAML.readTree(CFN_API.resolve("template.yaml").toFile());
        manifest.get("parameters").forEach(p -> defaults.put(p.get("name").asText(), p.get("defaultValue").asText()));
        assertEquals(6, defaults.size(), "package, tableEnvVar, stageName, security, authorizerPackage, frontEnd");
        defaults.putAll(given);

        Configuration config = new Configuration(Configuration.VERSION_2_3_34);
        config.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        config.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        Template ftl = new Template("template.yml.ftl", new StringReader(Files.readString(CFN_API.resolve("template.yml.ftl"))), config);
        StringWriter out = new StringWriter();
        ftl.process(defaults, out);
        return CloudFormationTemplate.parse(out.toString(), "infra/template.yml");
    }

    @Test
    void theAuthVariantDeclaresThePoolAndLeavesTheAuthorizerToTheLearner() throws Exception {
        CloudFormationTemplate auth = render(Map.of("security", "auth"));
        for (String params : List.of("{resource: UserPoolClient, path: \"Properties.ExplicitAuthFlows[0]\", equals: ALLOW_USER_PASSWORD_AUTH}",
                "{resource: GetPartnerMethod, path: Properties.AuthorizerId, refersTo: PartnerAuthorizer}",
                "{resource: TicketsDeployment, dependsOn: GetAdminMethod}",
                "{path: Outputs.IssuerUrl.Value, refersTo: UserPool}",
                "{resource: PostTicketsMethod, path: Properties.AuthorizationType, equals: NONE}")) {
            holds(auth, params);
        }
        Outcome noAuthorizer = TemplateMatch.evaluate(auth, Params.of("{resource: CognitoAuthorizer}"));
        assertFalse(noAuthorizer.ok(), "the Cognito authorizer is the learner's task");
        assertFalse(TemplateMatch.evaluate(template, Params.of("{resource: UserPool}")).ok(), "the plain API has no pool");
    }

    @Test
    void theAccessVariantMetersTheApiAndLeavesKeysLimitsAndWafToTheLearner() throws Exception {
        CloudFormationTemplate access = render(Map.of("security", "access"));
        for (String params : List.of("{resource: FreeKeyInPlan, path: Properties.UsagePlanId, refersTo: FreePlan}",
                "{resource: FreeKeyInPlan, path: Properties.KeyId, refersTo: FreeKey}",
                "{resource: PartnerPlan, path: \"Properties.ApiStages[0].Stage\", refersTo: TicketsStage}",
                "{resource: BlockedIps, path: Condition, equals: OnAws}",
                "{path: Conditions.OnAws, refersTo: Target}",
                "{resource: GetTicketsMethod, path: Properties.ApiKeyRequired, equals: false}")) {
            holds(access, params);
        }
        for (String task : List.of("{resource: PartnerKey}", "{resource: TicketsWebAcl}", "{resource: WebAclOnStage}",
                "{resource: FreePlan, path: Properties.Quota}", "{resource: TicketsStage, path: Properties.MethodSettings}")) {
            assertFalse(TemplateMatch.evaluate(access, Params.of(task)).ok(), task + " is the learner's task");
        }
        assertFalse(TemplateMatch.evaluate(template, Params.of("{resource: FreePlan}")).ok(), "the plain API has no plans");
        assertFalse(TemplateMatch.evaluate(render(Map.of("security", "auth")), Params.of("{resource: FreePlan}")).ok());
    }

    @Test
    void theSiteVariantPutsAPrivateBucketBehindTheDistributionAndLeavesPrivacyAndCorsToTheLearner() throws Exception {
        CloudFormationTemplate site = render(Map.of("frontEnd", "site"));
        for (String params : List.of("{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[0].OriginAccessControlId\", refersTo: SiteOac.Id}",
                "{resource: SiteDistribution, path: Properties.DistributionConfig.DefaultRootObject, equals: index.html}",
                "{resource: SiteBucketPolicy, path: Properties.Bucket, refersTo: SiteBucket}",
                "{path: Outputs.SiteUrl.Value, refersTo: SiteDistribution.DomainName}")) {
            holds(site, params);
        }
        for (String task : List.of("{resource: SiteBucket, path: Properties.PublicAccessBlockConfiguration.BlockPublicPolicy, equals: true}",
                "{resource: SiteBucketPolicy, path: \"Properties.PolicyDocument.Statement[0].Principal.Service\", equals: cloudfront.amazonaws.com}",
                "{resourceType: AWS::ApiGateway::Method, path: Properties.HttpMethod, equals: OPTIONS}")) {
            assertFalse(TemplateMatch.evaluate(site, Params.of(task)).ok(), task + " is the learner's task");
        }
        assertFalse(TemplateMatch.evaluate(template, Params.of("{resource: SiteBucket}")).ok(), "the plain API has no site");
    }

    @Test
    void theEdgeVariantGivesAPrivateSiteAndTheApiOriginAndLeavesBehavioursCachingAndHeadersToTheLearner() throws Exception {
        CloudFormationTemplate edge = render(Map.of("frontEnd", "edge", "stageName", "api"));
        for (String params : List.of("{resource: SiteBucket, path: Properties.PublicAccessBlockConfiguration.BlockPublicPolicy, equals: true}",
                "{resource: SiteBucketPolicy, path: \"Properties.PolicyDocument.Statement[0].Condition\", refersTo: SiteDistribution}",
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].Id\", equals: api}",
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].DomainName\", refersTo: TicketsApi}",
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].CustomOriginConfig.HTTPPort\", refersTo: EdgePort}",
                "{path: Conditions.OnAws, refersTo: Target}",
                // on AWS: the API's own host name over https, with no OriginPath (the stage is the path's first part)
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].DomainName['Fn::If'][1]['Fn::Sub']\", matches: \"^[$][{]TicketsApi[}][.]execute-api[.]\"}",
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].CustomOriginConfig.OriginProtocolPolicy['Fn::If'][1]\", equals: https-only}",
                "{resource: SiteDistribution, path: \"Properties.DistributionConfig.Origins[1].OriginPath['Fn::If'][1].Ref\", equals: \"AWS::NoValue\"}",
                "{path: Outputs.SiteHttpUrl.Value, refersTo: SiteDistribution.DomainName}")) {
            holds(edge, params);
        }
        for (String task : List.of("{resource: SiteDistribution, path: Properties.DistributionConfig.CacheBehaviors}",
                "{resource: SiteCachePolicy}", "{resource: SecurityHeaders}",
                "{resource: SiteDistribution, path: Properties.DistributionConfig.DefaultCacheBehavior.ViewerProtocolPolicy, equals: redirect-to-https}",
                "{resourceType: AWS::ApiGateway::Method, path: Properties.HttpMethod, equals: OPTIONS}")) {
            assertFalse(TemplateMatch.evaluate(edge, Params.of(task)).ok(), task + " is the learner's task (or, CORS, not needed)");
        }
        assertFalse(TemplateMatch.evaluate(render(Map.of("frontEnd", "site")), Params.of("{path: Parameters.EdgePort}")).ok(),
                "only the edge variant dials the API through the distribution");
    }

    private static void holds(CloudFormationTemplate t, String params) {
        Outcome o = TemplateMatch.evaluate(t, Params.of(params));
        assertTrue(o.ok(), params + ": " + o.english());
    }

    private static Outcome check(String params) {
        return TemplateMatch.evaluate(template, Params.of(params));
    }

    private static void passes(String params) {
        Outcome o = check(params);
        assertTrue(o.ok(), o::english);
    }

    @Test
    void everyResourceIsRead() {
        assertEquals(List.of("TicketsTable", "TicketsFunctionLogGroup", "TicketsFunctionRole", "TicketsFunction", "TicketsApi",
                        "TicketsResource", "TicketResource", "GetTicketsMethod", "PostTicketsMethod", "GetTicketMethod",
                        "TicketSummaryResource", "GetTicketSummaryMethod", "TicketsDeployment", "TicketsStage", "TicketsApiPermission"),
                template.resources().stream().map(Resource::logicalId).toList());
        assertTrue(template.resources().stream().allMatch(r -> r.type() != null && r.type().startsWith("AWS::")));
        assertEquals("2010-09-09", template.root().get("AWSTemplateFormatVersion").asText());
    }

    @Test
    void theChecksAnApiGatewayLabWouldWrite() {
        passes("{resource: TicketsApi, path: Properties.EndpointConfiguration.Types, equals: [REGIONAL]}");
        passes("{resourceType: AWS::ApiGateway::Method, count: 4}");
        passes("{resourceType: AWS::ApiGateway::Method, every: true, path: Properties.AuthorizationType, equals: NONE}");
        passes("{resourceType: AWS::ApiGateway::Method, count: 3, path: Properties.Integration.Type, equals: AWS_PROXY}");
        passes("{resource: GetTicketSummaryMethod, path: Properties.Integration.Type, equals: AWS}");
        passes("{resource: GetTicketSummaryMethod, path: 'Properties.Integration.RequestTemplates[\"application/json\"]', matches: '\\$input\\.params\\(.id.\\)'}");
        passes("{resource: GetTicketMethod, path: 'Properties.RequestParameters[\"method.request.path.id\"]', equals: true}");
        passes("{resource: GetTicketsMethod, path: Properties.Integration.Uri, refersTo: TicketsFunction.Arn}");
        passes("{resource: TicketsResource, path: Properties.ParentId, refersTo: TicketsApi.RootResourceId}");
        passes("{resource: TicketResource, path: Properties.PathPart, equals: '{id}'}");
        passes("{resource: TicketsFunction, path: Properties.Role, refersTo: TicketsFunctionRole.Arn}");
        passes("{resource: TicketsFunction, path: Properties.Environment.Variables.TABLE_NAME, refersTo: TicketsTable}");
        passes("{resource: TicketsFunction, path: Properties.Handler, equals: dev.tierlab.tickets.TicketsHandler::handleRequest}");
        passes("{resource: TicketsFunction, path: Properties.MemorySize, equals: 512}");
        passes("{resource: TicketsFunctionRole, path: 'Properties.Policies[*].PolicyDocument.Statement[*].Resource', refersTo: TicketsTable.Arn}");
        passes("{resource: TicketsDeployment, dependsOn: GetTicketSummaryMethod}");
        passes("{resource: TicketsStage, path: Properties.StageName, refersTo: StageName}");
        passes("{path: Parameters.StageName.Default, equals: dev}");
        passes("{path: Outputs.ApiUrl.Value, refersTo: TicketsStage}");
        passes("{resource: TicketsApiPermission, path: Properties.SourceArn, refersTo: TicketsApi}");
    }

    @Test
    void whatTheStarterDoesNotHaveYetFailsWithAReason() {
        Outcome logs = check("{resource: TicketsStage, path: Properties.AccessLogSetting.DestinationArn, refersTo: TicketsFunctionLogGroup.Arn}");
        assertFalse(logs.ok());
        assertEquals(Outcome.Reason.MISSING, logs.reason());
        assertEquals("TicketsStage has no Properties.AccessLogSetting (looking for Properties.AccessLogSetting.DestinationArn)", logs.english());

        Outcome ttl = check("{resource: TicketsTable, path: Properties.TimeToLiveSpecification.Enabled, equals: true}");
        assertEquals(Outcome.Reason.MISSING, ttl.reason());
        assertEquals("Properties.TimeToLiveSpecification", ttl.path());

        Outcome authorizer = check("{resourceType: AWS::ApiGateway::Authorizer}");
        assertEquals(Outcome.Reason.NO_RESOURCE_OF_TYPE, authorizer.reason());
    }
}
