package dev.tierlab.verify.types;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.engine.KeyTexts;
import dev.tierlab.verify.engine.Parameters;
import dev.tierlab.verify.engine.Verdict;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.ThrottleSettings;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.BillingModeSummary;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.model.EnvironmentResponse;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Binding and matching of the types that read the deployed stack back, on the SDK's own model
 * objects (what the services answer); the sandbox ITs run them against real answers.
 */
class RemoteTypesTest {
    private static final KeyTexts T = KeyTexts.INSTANCE;

    @Test
    void cloudformation() {
        CloudFormationCheck.Params any = Bind.as("cloudformation", Map.of());
        assertTrue(CloudFormationCheck.judge(any, "s", StackStatus.UPDATE_COMPLETE, null, T).passed());
        assertEquals("check.r.stack(s, ROLLBACK_COMPLETE)", CloudFormationCheck.judge(any, "s", StackStatus.ROLLBACK_COMPLETE, null, T).found());
        assertEquals("check.r.missing(s)", CloudFormationCheck.judge(any, "s", null, null, T).found());
        CloudFormationCheck.Params res = Bind.as("cloudformation", Map.of("resource", "Fn", "resourceType", "AWS::Lambda::Function",
                "resourceStatus", "CREATE_COMPLETE"));
        StackResource fn = StackResource.builder().logicalResourceId("Fn").resourceType("AWS::Lambda::Function")
                .resourceStatus(ResourceStatus.CREATE_COMPLETE).build();
        assertTrue(CloudFormationCheck.judge(res, "s", StackStatus.CREATE_COMPLETE, fn, T).passed());
        assertEquals("check.r.missing(Fn)", CloudFormationCheck.judge(res, "s", StackStatus.CREATE_COMPLETE, null, T).found());
        StackResource failed = fn.toBuilder().resourceStatus(ResourceStatus.CREATE_FAILED).build();
        assertEquals("check.r.is(Fn, resourceStatus, CREATE_FAILED)", CloudFormationCheck.judge(res, "s", StackStatus.CREATE_COMPLETE, failed, T).found());
        assertEquals(Parameters.Kind.WRONG_TYPE, Bind.problem("cloudformation", Map.of("status", "DONE")).kind(), "statuses are CloudFormation's");
    }

    @Test
    void apigatewayMethodStageAndUsagePlan() {
        ApiGatewayCheck.Params method = Bind.as("apigateway", Map.of("api", "Api", "path", "/tickets", "method", "get",
                "authorizationType", "NONE", "apiKeyRequired", false, "integrationType", "AWS_PROXY", "integrationUri", "-tickets/invocations"));
        GetMethodResponse m = GetMethodResponse.builder().authorizationType("NONE").apiKeyRequired(false)
                .methodIntegration(Integration.builder().type("AWS_PROXY").uri("arn:...:function:s-tickets/invocations").build()).build();
        assertTrue(ApiGatewayCheck.method(method, m, T).passed(), "GET is upper-cased");
        Verdict cognito = ApiGatewayCheck.method(method, m.toBuilder().authorizationType("COGNITO_USER_POOLS").build(), T);
        assertEquals("check.r.is(GET /tickets, authorizationType, COGNITO_USER_POOLS)", cognito.found());
        assertEquals("check.r.missing(GET /tickets)", ApiGatewayCheck.method(method, null, T).found());
        ApiGatewayCheck.Params templates = Bind.as("apigateway", Map.of("api", "Api", "path", "/s", "method", "GET", "requestTemplates", true));
        assertFalse(ApiGatewayCheck.method(templates, m, T).passed(), "no request templates");

        ApiGatewayCheck.Params stage = Bind.as("apigateway", Map.of("api", "Api", "stage", "dev", "tracingEnabled", true));
        assertTrue(ApiGatewayCheck.stage(stage, GetStageResponse.builder().deploymentId("d1").tracingEnabled(true).build(), T).passed());
        assertFalse(ApiGatewayCheck.stage(stage, GetStageResponse.builder().deploymentId("d1").build(), T).passed());
        assertFalse(ApiGatewayCheck.stage(stage, GetStageResponse.builder().tracingEnabled(true).build(), T).passed(), "not deployed");

        ApiGatewayCheck.Params plan = Bind.as("apigateway", Map.of("api", "Api", "usagePlan", "Plan", "rateLimit", 10, "apiKey", true));
        UsagePlan throttled = UsagePlan.builder().throttle(ThrottleSettings.builder().rateLimit(10.0).burstLimit(5).build()).build();
        assertTrue(ApiGatewayCheck.usagePlan(plan, List.of(throttled), true, T).passed());
        assertFalse(ApiGatewayCheck.usagePlan(plan, List.of(throttled), false, T).passed(), "no key");
        assertFalse(ApiGatewayCheck.usagePlan(plan, List.of(UsagePlan.builder().build()), true, T).passed(), "no throttle is not a pass");
        assertEquals("check.r.missing(Plan)", ApiGatewayCheck.usagePlan(plan, List.of(), true, T).found(), "the plan named");
        ApiGatewayCheck.Params keyOnly = Bind.as("apigateway", Map.of("api", "Api", "apiKey", true));
        assertEquals("check.r.missing(check.r.usagePlanOf(Api))", ApiGatewayCheck.usagePlan(keyOnly, List.of(), true, T).found());
        ApiGatewayCheck.Params quota = Bind.as("apigateway", Map.of("api", "Api", "usagePlan", "Free", "quotaLimit", 5, "quotaPeriod", "day"));
        UsagePlan daily = UsagePlan.builder().quota(q -> q.limit(5).period("DAY")).build();
        assertTrue(ApiGatewayCheck.usagePlan(quota, List.of(daily), false, T).passed(), "the period is upper-cased");
        assertEquals("check.r.is(Free, quotaLimit, 50)",
                ApiGatewayCheck.usagePlan(quota, List.of(daily.toBuilder().quota(q -> q.limit(50).period("DAY")).build()), false, T).found());
        assertEquals("check.r.is(Free, quotaPeriod, MONTH)",
                ApiGatewayCheck.usagePlan(quota, List.of(daily.toBuilder().quota(q -> q.limit(5).period("MONTH")).build()), false, T).found());
        assertFalse(ApiGatewayCheck.usagePlan(quota, List.of(UsagePlan.builder().build()), false, T).passed(), "no quota is not a pass");
        assertEquals(Parameters.Kind.INVALID, Bind.problem("apigateway", Map.of("api", "A", "usagePlan", "P", "quotaPeriod", "YEAR")).kind());
        assertEquals(Parameters.Kind.MISSING, Bind.problem("apigateway", Map.of("path", "/x")).kind());
        assertEquals(Parameters.Kind.INVALID, Bind.problem("apigateway", Map.of("api", "A", "method", "GET")).kind(), "a method needs a path");
    }

    @Test
    void lambda() {
        LambdaCheck.Params p = Bind.as("lambda", Map.of("function", "Fn", "runtime", "java21", "memorySize", 512, "role", "Role",
                "environment", Map.of("TABLE_NAME", "*")));
        FunctionConfiguration c = FunctionConfiguration.builder().runtime("java21").memorySize(512)
                .role("arn:aws:iam::000000000000:role/s-FnRole-1").environment(EnvironmentResponse.builder().variables(Map.of("TABLE_NAME", "t")).build())
                .build();
        StackResource role = StackResource.builder().physicalResourceId("s-FnRole-1").build();
        assertTrue(LambdaCheck.judge(p, c, role, T).passed());
        assertEquals("check.r.is(Fn, memorySize, 256)", LambdaCheck.judge(p, c.toBuilder().memorySize(256).build(), role, T).found());
        assertEquals("check.r.is(Fn, TABLE_NAME, check.r.none)",
                LambdaCheck.judge(p, c.toBuilder().environment(EnvironmentResponse.builder().build()).build(), role, T).found());
        assertFalse(LambdaCheck.judge(p, c, StackResource.builder().physicalResourceId("other").build(), T).passed(), "another role");
        assertEquals(Parameters.Kind.WRONG_TYPE, Bind.problem("lambda", Map.of("function", "F", "timeout", "long")).kind());
    }

    @Test
    void dynamodb() {
        DynamoDbCheck.Params p = Bind.as("dynamodb", Map.of("table", "T", "keySchema", Map.of("id", "HASH"), "billingMode", "PAY_PER_REQUEST"));
        TableDescription t = TableDescription.builder().keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build())
                .billingModeSummary(BillingModeSummary.builder().billingMode(BillingMode.PAY_PER_REQUEST).build()).build();
        assertTrue(DynamoDbCheck.judge(p, t, null, T).passed());
        assertEquals("check.r.is(T, billingMode, PROVISIONED)", DynamoDbCheck.judge(p, t.toBuilder().billingModeSummary((BillingModeSummary) null).build(), null, T).found());
        DynamoDbCheck.Params item = Bind.as("dynamodb", Map.of("table", "T", "item", Map.of("id", "T-1")));
        assertTrue(DynamoDbCheck.judge(item, t, true, T).passed());
        assertFalse(DynamoDbCheck.judge(item, t, false, T).passed());
        assertEquals(Parameters.Kind.WRONG_TYPE, Bind.problem("dynamodb", Map.of("table", "T", "keySchema", Map.of("id", "PRIMARY"))).kind());
    }

    @Test
    void s3AndLogs() {
        S3Check.Params p = Bind.as("s3", Map.of("bucket", "B", "versioning", "Enabled", "object", "a.txt"));
        assertTrue(S3Check.judge(p, "b-1", "Enabled", true, T).passed());
        assertEquals("check.r.is(B, versioning, Disabled)", S3Check.judge(p, "b-1", "Disabled", true, T).found());
        assertFalse(S3Check.judge(p, "b-1", "Enabled", false, T).passed());
        LogsCheck.Params logs = Bind.as("logs", Map.of("group", "G", "contains", "GET /tickets"));
        assertTrue(LogsCheck.judge(logs, "/aws/lambda/f", true, true, T).passed());
        assertEquals("check.notFound", LogsCheck.judge(logs, "/aws/lambda/f", true, false, T).found());
        assertEquals("check.r.missing(/aws/lambda/f)", LogsCheck.judge(logs, "/aws/lambda/f", false, false, T).found());
    }
}
