package dev.tierlab.provision;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.generate.Generator;
import dev.tierlab.generate.TemplateRepository;
import dev.tierlab.verify.Capability;
import dev.tierlab.workspace.Workspace;
import freemarker.template.Configuration;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.StringWriter;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import java.lang.reflect.Method;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.Output;
import software.amazon.awssdk.services.cloudformation.model.Parameter;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudwatch.CloudWatchClient;
import software.amazon.awssdk.services.cloudwatch.model.ComparisonOperator;
import software.amazon.awssdk.services.cloudwatch.model.Datapoint;
import software.amazon.awssdk.services.cloudwatch.model.Dimension;
import software.amazon.awssdk.services.cloudwatch.model.StateValue;
import software.amazon.awssdk.services.cloudwatch.model.Statistic;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.AuthFlowType;
import software.amazon.awssdk.services.cognitoidentityprovider.model.MessageActionType;
import software.amazon.awssdk.services.ec2.Ec2Client;
import software.amazon.awssdk.services.ec2.model.Instance;
import software.amazon.awssdk.services.ec2.model.InstanceStateName;
import software.amazon.awssdk.services.ecs.EcsClient;
import software.amazon.awssdk.services.ecs.model.NetworkMode;
import software.amazon.awssdk.services.lambda.model.InvokeResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * What the sandbox (MiniStack {@value Sandbox#VERSION}) really does, one test per row of the capability
 * table ({@link Targets#SANDBOX}, docs/targets.md). Each test asserts the behaviour itself — for a
 * capability the sandbox has, that it happens; for one it lacks, that it really does not (with a
 * control showing the measurement works) — and that the table says the same. So a MiniStack upgrade that
 * changes a behaviour fails here instead of silently turning a check into a false pass.
 * One sandbox for the whole class; every test deploys what it needs with CloudFormation or the APIs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CapabilitiesIT {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String RESOURCES = "/dev/tierlab/provision/capabilities/";

    /** The capability rows a test measures; {@link #everyCapabilityIsMeasured} holds them to {@link Capability}. */
    @Retention(RetentionPolicy.RUNTIME)
    @Target(ElementType.METHOD)
    @interface Measures {
        Capability[] value();
    }

    /** Capabilities tierlab supplies on the sandbox, measured by its own ITs rather than here. */
    private static final Map<Capability, String> MEASURED_ELSEWHERE = Map.of(
            Capability.LAMBDA_JAVA, "SandboxExecutorIT, and the Java authorizer here",
            Capability.FUNCTION_LOGS, "DeployIT (the api-gateway lab's function-logs check)");

    @TempDir
    static Path home;

    private Sandbox sandbox;
    private Sandbox.Status status;
    private dev.tierlab.provision.Target target;
    private AwsClients aws;
    private CloudWatchClient cloudWatch;
    private CognitoIdentityProviderClient cognito;
    private Ec2Client ec2;
    private EcsClient ecs;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, String> api;

    @BeforeAll
    void start() {
        sandbox = new Sandbox(home.resolve("home"), x -> { });
        status = sandbox.start(dev.tierlab.net.Ports.free());
        target = dev.tierlab.provision.Target.emulator(TargetKind.SANDBOX, URI.create(status.endpoint()), Set.of());
        aws = new AwsClients(target);
        cloudWatch = target.configure(CloudWatchClient.builder()).build();
        cognito = target.configure(CognitoIdentityProviderClient.builder()).build();
        ec2 = target.configure(Ec2Client.builder()).build();
        ecs = target.configure(EcsClient.builder()).build();
    }

    @AfterAll
    void stop() {
        for (AutoCloseable c : new AutoCloseable[]{cloudWatch, cognito, ec2, ecs, aws}) {
            try {
                if (c != null) {
                    c.close();
                }
            } catch (Exception e) {
                // closing clients of a sandbox about to stop
            }
        }
        if (sandbox != null) {
            sandbox.stop();
        }
    }

    // ---- the table ---------------------------------------------------------------------------

    private static void sandboxHas(Capability c) {
        assertTrue(Targets.expected(TargetKind.SANDBOX).contains(c), "measured on the sandbox, so Targets.SANDBOX must claim " + c);
    }

    private static void sandboxLacks(Capability c) {
        assertFalse(Targets.expected(TargetKind.SANDBOX).contains(c), "the sandbox does not do " + c + ", so Targets.SANDBOX must not claim it");
    }

    @Test
    void everyCapabilityIsMeasured() {
        Set<Capability> measured = EnumSet.noneOf(Capability.class);
        for (Method m : CapabilitiesIT.class.getDeclaredMethods()) {
            Measures measures = m.getAnnotation(Measures.class);
            if (measures != null) {
                assertNotNull(m.getAnnotation(Test.class), m.getName() + " is a test");
                measured.addAll(Arrays.asList(measures.value()));
            }
        }
        measured.addAll(MEASURED_ELSEWHERE.keySet());
        assertEquals(Capability.ofTargets(), measured, "every capability row is backed by a measurement");
        assertEquals(Set.copyOf(MEASURED_ELSEWHERE.keySet()), Targets.suppliedByTierlab(TargetKind.SANDBOX),
                "what is measured elsewhere is what tierlab supplies");
    }

    // ---- API Gateway ---------------------------------------------------------------------------

    @Test
    @Measures(Capability.APIKEY_ENFORCED)
    void apiKeysAreEnforced() throws Exception {
        Map<String, String> api = api();
        assertEquals(403, get("key", Map.of()).statusCode(), "no key");
        assertEquals(403, get("key", Map.of("x-api-key", "not-a-key-of-this-plan")).statusCode(), "a wrong key");
        assertEquals(200, get("key", Map.of("x-api-key", keyValue(api.get("BasicKeyId")))).statusCode(), "the plan's key");
        sandboxHas(Capability.APIKEY_ENFORCED);
    }

    @Test
    @Measures(Capability.THROTTLING_ENFORCED)
    void methodAndUsagePlanThrottlingAnswer429() throws Exception {
        Map<String, String> api = api();
        List<HttpResponse<String>> method = burst("throttled", Map.of());
        assertEquals(Set.of(200, 429), statuses(method), "stage method setting rate 1 / burst 1: " + bodies(method));
        Map<String, String> key = Map.of("x-api-key", keyValue(api.get("ThrottleKeyId")));
        List<HttpResponse<String>> plan = burst("limited", key);
        assertEquals(Set.of(200, 429), statuses(plan), "usage plan rate 1 / burst 1: " + bodies(plan));
        assertTrue(plan.stream().anyMatch(r -> r.statusCode() == 429 && r.body().contains("Too Many Requests")), bodies(plan));
        sandboxHas(Capability.THROTTLING_ENFORCED);
    }

    @Test
    @Measures(Capability.THROTTLING_METHOD)
    void perMethodThrottlesAsCloudFormationWritesThemAreNotApplied() throws Exception {
        Map<String, String> api = api();
        // the control: the same burst meets the unencoded stage setting's 429 (methodAndUsagePlanThrottlingAnswer429)
        List<HttpResponse<String>> encoded = burst("encoded", Map.of());
        assertEquals(Set.of(200), statuses(encoded), "stage MethodSettings /~1encoded rate 1 / burst 1: " + bodies(encoded));
        Map<String, String> key = Map.of("x-api-key", keyValue(api.get("PerMethodKeyId")));
        List<HttpResponse<String>> plan = burst("permethod", key);
        assertEquals(Set.of(200), statuses(plan), "usage plan Throttle /permethod/GET rate 1 / burst 1: " + bodies(plan));
        sandboxLacks(Capability.THROTTLING_METHOD);
    }

    @Test
    @Measures(Capability.QUOTA_ENFORCED)
    void usagePlanQuotasAnswer429LimitExceeded() throws Exception {
        Map<String, String> key = Map.of("x-api-key", keyValue(api().get("QuotaKeyId")));
        assertEquals(200, get("quota", key).statusCode(), "1 of 2");
        assertEquals(200, get("quota", key).statusCode(), "2 of 2");
        HttpResponse<String> third = get("quota", key);
        assertEquals(429, third.statusCode(), third.body());
        assertTrue(third.body().contains("Limit Exceeded"), third.body());
        sandboxHas(Capability.QUOTA_ENFORCED);
    }

    @Test
    @Measures(Capability.COGNITO_AUTHORIZER_ENFORCED)
    void cognitoUserPoolAuthorizersCheckTokens() throws Exception {
        Map<String, String> api = api();
        String pool = api.get("UserPoolId");
        cognito.adminCreateUser(b -> b.userPoolId(pool).username("learner").temporaryPassword("Temp-pass-1")
                .messageAction(MessageActionType.SUPPRESS));
        cognito.adminSetUserPassword(b -> b.userPoolId(pool).username("learner").password("Lab-pass-123").permanent(true));
        String idToken = cognito.initiateAuth(b -> b.clientId(api.get("UserPoolClientId")).authFlow(AuthFlowType.USER_PASSWORD_AUTH)
                .authParameters(Map.of("USERNAME", "learner", "PASSWORD", "Lab-pass-123"))).authenticationResult().idToken();
        String[] parts = idToken.split("\\.");
        assertEquals(3, parts.length, idToken);

        ObjectNode claims = (ObjectNode) JSON.readTree(Base64.getUrlDecoder().decode(parts[1]));
        claims.put("cognito:username", "admin");
        String tampered = parts[0] + "." + b64(JSON.writeValueAsBytes(claims)) + "." + parts[2];
        var keys = KeyPairGenerator.getInstance("RSA");
        keys.initialize(2048);
        Signature rs256 = Signature.getInstance("SHA256withRSA");
        rs256.initSign(keys.generateKeyPair().getPrivate());
        rs256.update((parts[0] + "." + parts[1]).getBytes(UTF_8));
        String forged = parts[0] + "." + parts[1] + "." + b64(rs256.sign()); // same kid and claims, another key

        assertEquals(401, get("cognito", Map.of()).statusCode(), "no token");
        assertEquals(401, get("cognito", Map.of("Authorization", "garbage")).statusCode(), "garbage");
        assertEquals(401, get("cognito", Map.of("Authorization", "a.b.c")).statusCode(), "three parts, no JWT");
        assertEquals(401, get("cognito", Map.of("Authorization", tampered)).statusCode(), "claims changed, signature kept");
        assertEquals(401, get("cognito", Map.of("Authorization", forged)).statusCode(), "signed with another key");
        HttpResponse<String> ok = get("cognito", Map.of("Authorization", idToken));
        assertEquals(200, ok.statusCode(), ok.body());
        assertEquals("learner", JSON.readTree(ok.body()).at("/authorizer/claims/cognito:username").asText(), ok.body());
        sandboxHas(Capability.COGNITO_AUTHORIZER_ENFORCED);
    }

    @Test
    @Measures({Capability.LAMBDA_AUTHORIZER_ENFORCED, Capability.LAMBDA_JAVA})
    void lambdaAuthorizersAreCalledPythonAndJava() throws Exception {
        api();
        // MiniStack's own Python runtime
        HttpResponse<String> token = get("pytoken", Map.of("Authorization", "allow"));
        assertEquals(200, token.statusCode(), token.body());
        assertEquals("python-token", JSON.readTree(token.body()).at("/authorizer/who").asText(), token.body());
        assertEquals(403, get("pytoken", Map.of("Authorization", "deny")).statusCode(), "TOKEN Deny");
        assertEquals(401, get("pytoken", Map.of("Authorization", "unauthorized")).statusCode(), "TOKEN authorizer raises Unauthorized");
        assertEquals(500, get("pytoken", Map.of("Authorization", "boom")).statusCode(), "TOKEN authorizer raises something else");
        assertEquals(401, get("pytoken", Map.of()).statusCode(), "TOKEN without the identity source");
        HttpResponse<String> request = get("pyrequest", Map.of("X-Pass", "allow"));
        assertEquals(200, request.statusCode(), request.body());
        assertEquals("python-request", JSON.readTree(request.body()).at("/authorizer/who").asText(), request.body());
        assertEquals(403, get("pyrequest", Map.of("X-Pass", "deny")).statusCode(), "REQUEST Deny");
        assertEquals(401, get("pyrequest", Map.of("X-Pass", "unauthorized")).statusCode(), "REQUEST authorizer raises Unauthorized");
        assertEquals(500, get("pyrequest", Map.of("X-Pass", "boom")).statusCode(), "REQUEST authorizer raises something else");
        // as on AWS, a REQUEST authorizer without caching (TTL 0) is called even without its identity source
        assertEquals(403, get("pyrequest", Map.of()).statusCode(), "REQUEST without the identity source, TTL 0: called, denies");

        // the lambda-java-authorizer template's handler, run by tierlab's executor
        for (String path : List.of("javatoken", "javarequest")) {
            HttpResponse<String> allowed = get(path, Map.of("Authorization", "Bearer s3cret"));
            assertEquals(200, allowed.statusCode(), path + ": " + allowed.body());
            assertEquals("tierlab", JSON.readTree(allowed.body()).at("/authorizer/callerId").asText(), allowed.body());
            assertEquals(403, get(path, Map.of("Authorization", "Bearer guess")).statusCode(), path + " Deny");
        }
        // a Java authorizer that fails: the executor answers 500, which MiniStack reads as a function error
        // whose message is never "Unauthorized", so even a Java `throw new RuntimeException("Unauthorized")` is a 500 here
        HttpResponse<String> broken = get("javabroken", Map.of("Authorization", "Bearer s3cret"));
        assertEquals(500, broken.statusCode(), "a Java authorizer that fails: " + broken.body());
        sandboxHas(Capability.LAMBDA_AUTHORIZER_ENFORCED);
        sandboxHas(Capability.LAMBDA_JAVA);
    }

    @Test
    @Measures(Capability.IAM_ENFORCED)
    void iamIsNotEnforced() throws Exception {
        api();
        HttpResponse<String> unsigned = get("iam", Map.of());
        assertEquals(403, unsigned.statusCode(), "an AWS_IAM method refuses a request without Authorization: " + unsigned.body());
        HttpResponse<String> forged = get("iam", Map.of("Authorization", "AWS4-HMAC-SHA256 Credential=AKIANOBODY/20260101/us-east-1/"
                + "execute-api/aws4_request, SignedHeaders=host;x-amz-date, Signature=0000"));
        assertEquals(200, forged.statusCode(), "but answers any Authorization header, the signature unchecked: " + forged.body());
        try (S3Client stranger = S3Client.builder().endpointOverride(target.endpoint()).region(target.region()).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIANOBODY", "wrong-secret")))
                .httpClient(UrlConnectionHttpClient.create()).build()) {
            String bucket = "tierlab-caps-iam";
            stranger.createBucket(b -> b.bucket(bucket));
            assertTrue(stranger.listBuckets().buckets().stream().anyMatch(b -> b.name().equals(bucket)), "keys nobody issued work");
        }
        sandboxLacks(Capability.IAM_ENFORCED);
    }

    @Test
    @Measures(Capability.MAPPING_TEMPLATES)
    void mappingTemplatesOfLambdaIntegrationsAreNotApplied() throws Exception {
        api();
        HttpResponse<String> r = get("mapped?q=42", Map.of());
        assertEquals(200, r.statusCode(), r.body());
        assertFalse(r.body().contains("fromResponseTemplate"), "the response template was applied: " + r.body());
        JsonNode result = JSON.readTree(r.body());
        assertTrue(result.has("statusCode") && result.get("body").asText().contains("requestContext"),
                "the function got the proxy event, not the request template's output, and its raw result came back: " + r.body());
        sandboxLacks(Capability.MAPPING_TEMPLATES);
    }

    @Test
    @Measures({Capability.APIGATEWAY_INVOKE, Capability.APIGATEWAY_METRICS, Capability.APIGATEWAY_ACCESS_LOGS})
    void requestsReachTheStageButWriteNoMetricsAndNoAccessLogs() throws Exception {
        Map<String, String> api = api();
        for (int i = 0; i < 3; i++) {
            HttpResponse<String> open = get("open", Map.of());
            assertEquals(200, open.statusCode(), open.body());
            assertEquals("dev", JSON.readTree(open.body()).at("/event/requestContext/stage").asText(), "the function got the proxy event");
        }
        sandboxHas(Capability.APIGATEWAY_INVOKE);
        assertEquals(List.of(), cloudWatch.listMetrics(b -> b.namespace("AWS/ApiGateway")).metrics(), "no AWS/ApiGateway metrics");
        assertEquals(List.of(), sums("AWS/ApiGateway", "Count", Dimension.builder().name("ApiName").value(apiName()).build()),
                "no Count data points");
        var group = aws.logs().describeLogGroups(b -> b.logGroupNamePrefix(api.get("AccessLogGroup"))).logGroups();
        assertEquals(1, group.size(), "the access log group exists");
        assertEquals(List.of(), aws.logs().filterLogEvents(b -> b.logGroupName(api.get("AccessLogGroup"))).events(),
                "no access log lines");
        assertMetricDataIsReadable();
        sandboxLacks(Capability.APIGATEWAY_METRICS);
        sandboxLacks(Capability.APIGATEWAY_ACCESS_LOGS);
    }

    // ---- CloudFront, S3, WAF -----------------------------------------------------------------

    @Test
    @Measures({Capability.CLOUDFRONT_SERVE, Capability.CLOUDFRONT_CACHING, Capability.WAF_ENFORCED})
    void cloudFrontServesWithoutCachingAndWithoutWaf() throws Exception {
        Map<String, String> cf = stack("caps-cloudfront", resource("cloudfront.yml"), Map.of());
        String host = cf.get("DomainName");
        assertTrue(host.endsWith(".cloudfront.net"), host);
        S3Client s3 = aws.s3();
        s3.putObject(b -> b.bucket(cf.get("Bucket")).key("index.html").contentType("text/html"), RequestBody.fromString("<h1>home</h1>"));
        s3.putObject(b -> b.bucket(cf.get("Bucket")).key("a.txt"), RequestBody.fromString("v1"));

        Raw http = raw(host, "/", Map.of());
        assertEquals(301, http.status(), "redirect-to-https: " + http);
        assertEquals("https://" + host + "/", http.header("location"));
        Raw root = raw(host, "/", Map.of("X-Forwarded-Proto", "https"));
        assertEquals(200, root.status(), root.toString());
        assertEquals("<h1>home</h1>", root.body(), "the default root object, through the OAC bucket policy");
        Raw teapot = raw(host, "/teapot", Map.of("X-Forwarded-Proto", "https"));
        assertEquals(418, teapot.status(), "the CloudFront Function answered: " + teapot);
        assertEquals("teapot", teapot.header("x-function"));
        assertEquals(403, raw(host, "/missing", Map.of("X-Forwarded-Proto", "https")).status(), "S3's answer for a missing key");
        sandboxHas(Capability.CLOUDFRONT_SERVE);

        assertEquals("v1", raw(host, "/a.txt", Map.of("X-Forwarded-Proto", "https")).body());
        s3.putObject(b -> b.bucket(cf.get("Bucket")).key("a.txt"), RequestBody.fromString("v2"));
        Raw second = raw(host, "/a.txt", Map.of("X-Forwarded-Proto", "https"));
        assertEquals("v2", second.body(), "MinTTL 3600, yet the new object is served: nothing is cached");
        assertTrue(second.header("x-cache").startsWith("Miss"), second.toString());
        sandboxLacks(Capability.CLOUDFRONT_CACHING);

        assertEquals(200, root.status(), "served although the distribution's web ACL blocks everything");
        String association = resource("waf-association.yml");
        CloudFormationException rejected = assertThrows(CloudFormationException.class, () -> aws.cloudFormation().createChangeSet(b -> b
                .stackName("caps-waf-association").changeSetName("c1").changeSetType("CREATE").templateBody(association)));
        assertTrue(rejected.getMessage().contains("Unrecognized resource types: [AWS::WAFv2::WebACLAssociation]"), rejected.getMessage());
        sandboxLacks(Capability.WAF_ENFORCED);

        s3.deleteBucketPolicy(b -> b.bucket(cf.get("Bucket")));
        Raw denied = raw(host, "/", Map.of("X-Forwarded-Proto", "https"));
        assertEquals(403, denied.status(), "without the bucket policy that lets the distribution (OAC) read: " + denied);
        assertTrue(denied.body().contains("AccessDenied"), denied.body());
    }

    @Test
    @Measures(Capability.S3_WEBSITE)
    void s3WebsiteEndpointsListTheBucket() throws Exception {
        String bucket = "tierlab-caps-site";
        S3Client s3 = aws.s3();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putObject(b -> b.bucket(bucket).key("index.html").contentType("text/html"), RequestBody.fromString("<h1>index</h1>"));
        s3.putBucketWebsite(b -> b.bucket(bucket).websiteConfiguration(w -> w.indexDocument(i -> i.suffix("index.html"))
                .errorDocument(e -> e.key("error.html"))));
        assertEquals("index.html", s3.getBucketWebsite(b -> b.bucket(bucket)).indexDocument().suffix(), "the configuration is stored");
        Raw site = raw(bucket + ".s3-website-us-east-1.amazonaws.com", "/", Map.of());
        assertEquals(200, site.status(), site.toString());
        assertTrue(site.body().contains("<ListBucketResult") && site.body().contains("<Key>index.html</Key>"),
                "the website host reaches the bucket and answers with its listing, not the index document: " + site.body());
        assertFalse(site.body().contains("<h1>index</h1>"), site.body());
        sandboxLacks(Capability.S3_WEBSITE);
    }

    @Test
    @Measures(Capability.S3_ACCESS_ENFORCED)
    void anonymousRequestsReadAPrivateBucket() throws Exception {
        String bucket = "tierlab-caps-private";
        S3Client s3 = aws.s3();
        s3.createBucket(b -> b.bucket(bucket));
        s3.putPublicAccessBlock(b -> b.bucket(bucket).publicAccessBlockConfiguration(c -> c.blockPublicAcls(true)
                .ignorePublicAcls(true).blockPublicPolicy(true).restrictPublicBuckets(true)));
        s3.putObject(b -> b.bucket(bucket).key("secret.txt"), RequestBody.fromString("not for everyone"));
        assertTrue(s3.getPublicAccessBlock(b -> b.bucket(bucket)).publicAccessBlockConfiguration().restrictPublicBuckets(),
                "the block is stored and read back (what the s3 check reads)");
        String host = target.endpoint().getHost() + ":" + target.endpoint().getPort();
        Raw anonymous = raw(host, "/" + bucket + "/secret.txt", Map.of());
        assertEquals(200, anonymous.status(), "an unsigned request, no policy, every public access setting on: " + anonymous);
        assertEquals("not for everyone", anonymous.body());
        sandboxLacks(Capability.S3_ACCESS_ENFORCED);
    }

    // ---- CloudWatch ------------------------------------------------------------------------------

    @Test
    @Measures({Capability.ALARMS, Capability.ALARM_DIMENSIONS})
    void alarmsEvaluateOnPutMetricDataIgnoringDimensions() {
        Dimension a = Dimension.builder().name("Function").value("a").build();
        Dimension b = Dimension.builder().name("Function").value("b").build();
        for (String name : List.of("caps-plain", "caps-of-a")) {
            cloudWatch.putMetricAlarm(r -> r.alarmName(name).namespace("Caps").metricName(name.equals("caps-plain") ? "Plain" : "Errors")
                    .dimensions(name.equals("caps-plain") ? List.of() : List.of(a)).statistic(Statistic.SUM).period(60)
                    .evaluationPeriods(1).threshold(5.0).comparisonOperator(ComparisonOperator.GREATER_THAN_THRESHOLD));
        }
        assertEquals(StateValue.INSUFFICIENT_DATA, alarm("caps-plain"));
        cloudWatch.putMetricData(r -> r.namespace("Caps").metricData(d -> d.metricName("Plain").value(1.0)));
        assertEquals(StateValue.OK, alarm("caps-plain"), "Sum 1, threshold 5");
        cloudWatch.putMetricData(r -> r.namespace("Caps").metricData(d -> d.metricName("Plain").value(10.0)));
        assertEquals(StateValue.ALARM, alarm("caps-plain"), "Sum 11 > 5, evaluated on PutMetricData");
        sandboxHas(Capability.ALARMS);

        assertEquals(StateValue.INSUFFICIENT_DATA, alarm("caps-of-a"));
        cloudWatch.putMetricData(r -> r.namespace("Caps").metricData(d -> d.metricName("Errors").dimensions(b).value(10.0)));
        assertEquals(StateValue.ALARM, alarm("caps-of-a"), "the alarm of Function=a went off on data of Function=b");
        sandboxLacks(Capability.ALARM_DIMENSIONS);
    }

    @Test
    @Measures(Capability.METRIC_FILTERS)
    void metricFiltersProduceNoMetrics() {
        String group = "/tierlab/caps/app";
        aws.logs().createLogGroup(b -> b.logGroupName(group));
        aws.logs().createLogStream(b -> b.logGroupName(group).logStreamName("s1"));
        aws.logs().putMetricFilter(b -> b.logGroupName(group).filterName("errors").filterPattern("ERROR")
                .metricTransformations(t -> t.metricName("AppErrors").metricNamespace("CapsLogs").metricValue("1")));
        assertEquals(1, aws.logs().describeMetricFilters(b -> b.logGroupName(group)).metricFilters().size(), "the filter is stored");
        long now = System.currentTimeMillis();
        aws.logs().putLogEvents(b -> b.logGroupName(group).logStreamName("s1").logEvents(
                e -> e.timestamp(now).message("ERROR one"), e -> e.timestamp(now).message("ERROR two")));
        assertEquals(2, aws.logs().filterLogEvents(b -> b.logGroupName(group).filterPattern("ERROR")).events().size(),
                "the pattern matches the events");
        assertEquals(List.of(), sums("CapsLogs", "AppErrors", null), "no data points from the filter");
        assertEquals(List.of(), cloudWatch.listMetrics(b -> b.namespace("CapsLogs")).metrics());
        assertMetricDataIsReadable();
        sandboxLacks(Capability.METRIC_FILTERS);
    }

    // ---- EC2, VPC, RDS, X-Ray --------------------------------------------------------------------

    @Test
    @Measures(Capability.EC2_RUNNING)
    void ec2InstancesAndEcsTasksRunWithNothingBehindThem() throws Exception {
        String id = ec2.runInstances(b -> b.imageId("ami-12345678").instanceType("t3.micro").minCount(1).maxCount(1))
                .instances().get(0).instanceId();
        Instance instance = ec2.describeInstances(b -> b.instanceIds(id)).reservations().get(0).instances().get(0);
        assertEquals(InstanceStateName.RUNNING, instance.state().name(), "reported as running");
        assertNotNull(instance.privateIpAddress(), "with an address");
        for (String address : new String[]{instance.privateIpAddress(), instance.publicIpAddress()}) {
            if (address != null) {
                assertFalse(sshAnswers(address), "an SSH server answers on " + address + ":22");
            }
        }

        int hostPort = dev.tierlab.net.Ports.free();
        ecs.createCluster(b -> b.clusterName("caps"));
        ecs.registerTaskDefinition(b -> b.family("caps-web").networkMode(NetworkMode.BRIDGE).containerDefinitions(c -> c
                .name("web").image("nginx:alpine").memory(128).essential(true).portMappings(m -> m.containerPort(80).hostPort(hostPort))));
        String task = ecs.runTask(b -> b.cluster("caps").taskDefinition("caps-web")).tasks().get(0).taskArn();
        var described = ecs.describeTasks(b -> b.cluster("caps").tasks(task)).tasks().get(0);
        assertEquals("RUNNING", described.lastStatus(), "the task is reported as running");
        assertEquals("RUNNING", described.containers().get(0).lastStatus(), "and its container");
        assertFalse(httpAnswers("127.0.0.1", hostPort), "nginx answers on its host port " + hostPort);
        sandboxLacks(Capability.EC2_RUNNING);
    }

    @Test
    @Measures(Capability.VPC_ISOLATION)
    void aFunctionInAClosedSubnetStillReachesTheHost() throws Exception {
        String vpc = ec2.createVpc(b -> b.cidrBlock("10.9.0.0/16")).vpc().vpcId();
        String subnet = ec2.createSubnet(b -> b.vpcId(vpc).cidrBlock("10.9.1.0/24")).subnet().subnetId();
        String group = ec2.createSecurityGroup(b -> b.vpcId(vpc).groupName("closed").description("no egress")).groupId();
        ec2.revokeSecurityGroupEgress(b -> b.groupId(group).ipPermissions(p -> p.ipProtocol("-1").ipRanges(r -> r.cidrIp("0.0.0.0/0"))));
        assertEquals(List.of(), ec2.describeSecurityGroups(b -> b.groupIds(group)).securityGroups().get(0).ipPermissionsEgress(),
                "the security group allows no egress");
        byte[] code = zip("index.py", """
                import urllib.request
                def handler(event, context):
                    with urllib.request.urlopen(event["url"], timeout=5) as r:
                        return {"status": r.status}
                """);
        aws.lambda().createFunction(b -> b.functionName("caps-closed").runtime(Runtime.PYTHON3_12).handler("index.handler")
                .role("arn:aws:iam::000000000000:role/caps").timeout(10)
                .vpcConfig(v -> v.subnetIds(subnet).securityGroupIds(group)).code(c -> c.zipFile(SdkBytes.fromByteArray(code))));
        assertEquals(vpc, aws.lambda().getFunctionConfiguration(b -> b.functionName("caps-closed")).vpcConfig().vpcId());
        InvokeResponse r = aws.lambda().invoke(b -> b.functionName("caps-closed")
                .payload(SdkBytes.fromUtf8String("{\"url\":\"" + status.endpoint() + "/_ministack/health\"}")));
        assertEquals(null, r.functionError(), r.payload().asUtf8String());
        assertEquals(200, JSON.readTree(r.payload().asUtf8String()).path("status").asInt(), "reached: " + r.payload().asUtf8String());
        sandboxLacks(Capability.VPC_ISOLATION);
    }

    @Test
    @Measures(Capability.RDS_ENGINE)
    void rdsInstancesHaveAnEndpointNothingAnswersOn() throws Exception {
        Map<String, String> db = stack("caps-rds", resource("rds.yml"), Map.of());
        assertEquals("5432", db.get("Port"), "the postgres port");
        assertTrue(db.get("Address").endsWith(".rds.amazonaws.com"), db.get("Address"));
        assertFalse(postgresAnswers(db.get("Address"), 5432), "a PostgreSQL server answers at " + db);
        sandboxLacks(Capability.RDS_ENGINE);
    }

    @Test
    @Measures(Capability.XRAY)
    void thereIsNoXRay() throws Exception {
        JsonNode health = JSON.readTree(http.send(HttpRequest.newBuilder(URI.create(status.endpoint() + "/_ministack/health")).build(),
                HttpResponse.BodyHandlers.ofString()).body());
        assertTrue(health.path("services").has("lambda"), health.toString());
        List<String> services = new ArrayList<>();
        health.path("services").fieldNames().forEachRemaining(services::add);
        assertFalse(services.stream().anyMatch(s -> s.toLowerCase(Locale.ROOT).contains("xray")), services.toString());
        sandboxLacks(Capability.XRAY);
    }

    // ---- helpers -------------------------------------------------------------------------------

    /** The REST API of api.yml.ftl, deployed once (with the Java authorizer built from its template). */
    private synchronized Map<String, String> api() throws Exception {
        if (api != null) {
            return api;
        }
        Path ws = home.resolve("authorizer");
        Workspace workspace = new Workspace(ws, Clock.systemUTC());
        workspace.apply(workspace.plan(new Generator().render(TemplateRepository.directory(REPO.resolve("templates"))
                .load("lambda-java-authorizer"), Map.of())), false, "test", Map.of("lambda-java-authorizer", 1));
        JavaBuilder.Result built = new ProjectBuilder(Path.of(System.getProperty("user.home"), ".m2/repository"), x -> { })
                .build(MavenProject.read(ws), false);
        assertTrue(built.compiled(), String.join("\n", built.errors()));
        String bucket = "tierlab-caps-code";
        aws.s3().createBucket(b -> b.bucket(bucket));
        aws.s3().putObject(b -> b.bucket(bucket).key("authorizer.zip"), RequestBody.fromFile(built.zip()));

        List<Map<String, Object>> resources = List.of(
                method("Open", "open", "NONE", null, false),
                method("Key", "key", "NONE", null, true),
                method("Quota", "quota", "NONE", null, true),
                method("Limited", "limited", "NONE", null, true),
                method("Throttled", "throttled", "NONE", null, false),
                method("Encoded", "encoded", "NONE", null, false),
                method("PerMethod", "permethod", "NONE", null, true),
                method("Cognito", "cognito", "COGNITO_USER_POOLS", "CognitoAuth", false),
                method("PyToken", "pytoken", "CUSTOM", "PyTokenAuth", false),
                method("PyRequest", "pyrequest", "CUSTOM", "PyRequestAuth", false),
                method("JavaToken", "javatoken", "CUSTOM", "JavaTokenAuth", false),
                method("JavaRequest", "javarequest", "CUSTOM", "JavaRequestAuth", false),
                method("JavaBroken", "javabroken", "CUSTOM", "JavaBrokenAuth", false),
                method("Iam", "iam", "AWS_IAM", null, false),
                method("Mapped", "mapped", "NONE", null, false));
        List<Map<String, Object>> plans = List.of(
                Map.of("id", "Basic"),
                Map.of("id", "Quota", "quota", 2),
                Map.of("id", "Throttle", "rate", 1, "burst", 1),
                Map.of("id", "PerMethod", "methodThrottle", "permethod"));
        Configuration ftl = new Configuration(Configuration.VERSION_2_3_34);
        ftl.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        ftl.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        StringWriter template = new StringWriter();
        new freemarker.template.Template("api.yml.ftl", resource("api.yml.ftl"), ftl)
                .process(Map.of("resources", resources, "plans", plans), template);
        api = stack("caps-api", template.toString(), Map.of("JavaCodeBucket", bucket, "JavaCodeKey", "authorizer.zip"));
        return api;
    }

    private static Map<String, Object> method(String id, String path, String auth, String authorizer, boolean key) {
        Map<String, Object> m = new HashMap<>(Map.of("id", id, "path", path, "auth", auth, "key", key, "mapped", id.equals("Mapped")));
        if (authorizer != null) {
            m.put("authorizer", authorizer);
        }
        return m;
    }

    private String apiName() {
        return "caps-api-api";
    }

    /** Creates stack {@code name} and waits for it; its outputs. */
    private Map<String, String> stack(String name, String body, Map<String, String> parameters) throws InterruptedException {
        aws.cloudFormation().createStack(b -> b.stackName(name).templateBody(body).capabilitiesWithStrings("CAPABILITY_IAM")
                // as tierlab deploys: the sandbox's executor runs only functions of stacks tagged as tierlab's
                .tags(software.amazon.awssdk.services.cloudformation.model.Tag.builder().key(Deployer.TAG_MANAGED).value("true").build())
                .parameters(parameters.entrySet().stream().map(e -> Parameter.builder().parameterKey(e.getKey())
                        .parameterValue(e.getValue()).build()).toList()));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (true) {
            Stack s = aws.cloudFormation().describeStacks(b -> b.stackName(name)).stacks().get(0);
            String state = s.stackStatusAsString();
            if (state.equals("CREATE_COMPLETE")) {
                Map<String, String> outputs = new LinkedHashMap<>();
                for (Output o : s.outputs()) {
                    outputs.put(o.outputKey(), o.outputValue());
                }
                return outputs;
            }
            if (!state.endsWith("_IN_PROGRESS") || System.nanoTime() > deadline) {
                List<String> events = aws.cloudFormation().describeStackEvents(b -> b.stackName(name)).stackEvents().stream()
                        .filter(e -> e.resourceStatusReason() != null && !e.resourceStatusReason().isBlank())
                        .map(e -> e.logicalResourceId() + " " + e.resourceStatusAsString() + ": " + e.resourceStatusReason()).toList();
                throw new AssertionError("stack " + name + " is " + state + ": " + events);
            }
            Thread.sleep(100);
        }
    }

    private static String resource(String name) throws IOException {
        try (InputStream in = CapabilitiesIT.class.getResourceAsStream(RESOURCES + name)) {
            assertNotNull(in, name);
            return new String(in.readAllBytes(), UTF_8);
        }
    }

    private String keyValue(String keyId) {
        return aws.apiGateway().getApiKey(b -> b.apiKey(keyId).includeValue(true)).value();
    }

    private HttpResponse<String> get(String path, Map<String, String> headers) throws IOException, InterruptedException {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(status.endpoint() + "/_aws/execute-api/" + api.get("ApiId") + "/dev/" + path))
                .timeout(Duration.ofSeconds(60));
        headers.forEach(b::header);
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    /** Five requests sent at once (well within a second), their answers. */
    private List<HttpResponse<String>> burst(String path, Map<String, String> headers) {
        List<java.util.concurrent.CompletableFuture<HttpResponse<String>>> all = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(status.endpoint() + "/_aws/execute-api/" + api.get("ApiId")
                    + "/dev/" + path)).timeout(Duration.ofSeconds(60));
            headers.forEach(b::header);
            all.add(http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()));
        }
        return all.stream().map(java.util.concurrent.CompletableFuture::join).toList();
    }

    private static Set<Integer> statuses(List<HttpResponse<String>> responses) {
        return Set.copyOf(responses.stream().map(HttpResponse::statusCode).toList());
    }

    private static String bodies(List<HttpResponse<String>> responses) {
        return responses.stream().map(r -> r.statusCode() + " " + r.body()).toList().toString();
    }

    private List<Datapoint> sums(String namespace, String metric, Dimension dimension) {
        Instant now = Instant.now();
        return cloudWatch.getMetricStatistics(b -> {
            b.namespace(namespace).metricName(metric).startTime(now.minusSeconds(3600)).endTime(now.plusSeconds(300)).period(60)
                    .statistics(Statistic.SUM);
            if (dimension != null) {
                b.dimensions(dimension);
            }
        }).datapoints();
    }

    /** The control for "no data points": data that is put is read back by the same query. */
    private void assertMetricDataIsReadable() {
        String metric = "Put" + System.nanoTime();
        cloudWatch.putMetricData(r -> r.namespace("CapsControl").metricData(d -> d.metricName(metric).value(3.0)));
        assertEquals(List.of(3.0), sums("CapsControl", metric, null).stream().map(Datapoint::sum).toList(), "the query reads what is put");
    }

    private StateValue alarm(String name) {
        return cloudWatch.describeAlarms(b -> b.alarmNames(name)).metricAlarms().get(0).stateValue();
    }

    /*
     * Whether a server speaks at an address. A connection alone proves nothing (on some networks,
     * this one included, every TCP connection is accepted by a proxy), so the protocol must answer.
     */

    /** An HTTP server answers a request (on the loopback no proxy accepts connections in its place). */
    private static boolean httpAnswers(String host, int port) {
        byte[] first = exchange(host, port, "GET / HTTP/1.0\r\n\r\n".getBytes(UTF_8), 5);
        return new String(first, UTF_8).startsWith("HTTP/");
    }

    /** An SSH server sends its banner first. */
    private static boolean sshAnswers(String host) {
        byte[] first = exchange(host, 22, new byte[0], 4);
        return first.length == 4 && new String(first, UTF_8).equals("SSH-");
    }

    /** A PostgreSQL server answers an SSLRequest with S or N. */
    private static boolean postgresAnswers(String host, int port) {
        byte[] first = exchange(host, port, new byte[]{0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f}, 1);
        return first.length == 1 && (first[0] == 'S' || first[0] == 'N');
    }

    /** Sends {@code hello} and reads up to {@code n} bytes within 2 s; nothing when the host is unknown or silent. */
    private static byte[] exchange(String host, int port, byte[] hello, int n) {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress(host, port), 2000);
            s.setSoTimeout(2000);
            s.getOutputStream().write(hello);
            s.getOutputStream().flush();
            return s.getInputStream().readNBytes(n);
        } catch (IOException e) {
            return new byte[0];
        }
    }

    private static String b64(byte[] bytes) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    private static byte[] zip(String name, String content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(bytes)) {
            zip.putNextEntry(new ZipEntry(name));
            zip.write(content.getBytes(UTF_8));
            zip.closeEntry();
        }
        return bytes.toByteArray();
    }

    /** An HTTP/1.1 answer read off a socket: Java's HttpClient may not set {@code Host}, which CloudFront and S3 websites are chosen by. */
    record Raw(int status, Map<String, String> headers, String body) {
        String header(String name) {
            return headers.getOrDefault(name.toLowerCase(Locale.ROOT), "");
        }
    }

    private Raw raw(String host, String path, Map<String, String> headers) throws IOException {
        URI endpoint = target.endpoint();
        try (Socket socket = new Socket(endpoint.getHost(), endpoint.getPort())) {
            socket.setSoTimeout(30_000);
            StringBuilder request = new StringBuilder("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\n");
            headers.forEach((k, v) -> request.append(k).append(": ").append(v).append("\r\n"));
            OutputStream out = socket.getOutputStream();
            out.write(request.append("\r\n").toString().getBytes(UTF_8));
            out.flush();
            String answer = new String(socket.getInputStream().readAllBytes(), UTF_8);
            int split = answer.indexOf("\r\n\r\n");
            String[] head = answer.substring(0, split).split("\r\n");
            Map<String, String> parsed = new HashMap<>();
            for (int i = 1; i < head.length; i++) {
                int colon = head[i].indexOf(':');
                parsed.put(head[i].substring(0, colon).trim().toLowerCase(Locale.ROOT), head[i].substring(colon + 1).trim());
            }
            String body = answer.substring(split + 4);
            if ("chunked".equalsIgnoreCase(parsed.get("transfer-encoding"))) {
                body = unchunk(body);
            }
            return new Raw(Integer.parseInt(head[0].split(" ")[1]), parsed, body);
        }
    }

    private static String unchunk(String body) {
        StringBuilder out = new StringBuilder();
        int at = 0;
        while (true) {
            int eol = body.indexOf("\r\n", at);
            int size = Integer.parseInt(body.substring(at, eol).split(";")[0].trim(), 16);
            if (size == 0) {
                return out.toString();
            }
            out.append(body, eol + 2, eol + 2 + size);
            at = eol + 2 + size + 2;
        }
    }
}
