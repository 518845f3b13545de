package dev.tierlab.check;

import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.verify.CheckResult;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/**
 * Checks against what is deployed on a target: the stack and its resources, read back through the
 * services' own APIs (cloudformation, apigateway, lambda, dynamodb, s3, logs), and HTTP requests to
 * the deployed API. Resources are named by their logical ids in the template; parameters may use
 * {@code ${outputs.X}} (the stack's outputs, made reachable on emulators), {@code ${vars.X}}
 * (values an earlier http check captured) and {@code ${stack}}.
 */
public final class RemoteChecks {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VARIABLE = Pattern.compile("\\$\\{(outputs|vars)\\.([A-Za-z0-9_.-]+)}|\\$\\{stack}");

    private final AwsClients aws;
    private final DeployState state;
    private final LocalChecks.Texts texts;
    private final Map<String, String> vars = new LinkedHashMap<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Map<String, StackResource> resources;

    /** The check types that run here. */
    public static final List<String> TYPES = List.of("cloudformation", "apigateway", "lambda", "dynamodb", "s3", "logs", "http");

    public RemoteChecks(AwsClients aws, DeployState state, LocalChecks.Texts texts) {
        this.aws = aws;
        this.state = state;
        this.texts = texts;
    }

    /** Runs one check; anything the target answers unexpectedly is a failed check saying what was found. */
    public CheckResult run(Lab.Check check) {
        Params p = new Params(check, substitute(check.params()));
        Matcher unset = Pattern.compile("\\$\\{vars\\.([A-Za-z0-9_.-]+)}").matcher(String.valueOf(p.values));
        if (unset.find()) {
            // an earlier check captures this value; it has not passed in this run
            return p.fail(texts.get("check.r.captured", unset.group(1)), texts.get("check.r.notCaptured", unset.group(1)));
        }
        try {
            return switch (check.type()) {
                case "cloudformation" -> cloudformation(p);
                case "apigateway" -> apigateway(p);
                case "lambda" -> lambda(p);
                case "dynamodb" -> dynamodb(p);
                case "s3" -> s3(p);
                case "logs" -> logs(p);
                case "http" -> http(p);
                default -> throw new IllegalArgumentException(check.type());
            };
        } catch (MissingResource e) {
            return p.fail(texts.get("check.r.exists", e.getMessage()), texts.get("check.r.missing", e.getMessage()));
        } catch (SdkException e) {
            return p.fail(texts.get("check.r.answers", check.type()), texts.get("check.r.error", shortMessage(e)));
        }
    }

    /** A check's parameters after substitution, and how it reports. */
    private final class Params {
        final Lab.Check check;
        final Map<String, Object> values;
        final List<String[]> mismatches = new ArrayList<>();
        final List<String> expected = new ArrayList<>();

        Params(Lab.Check check, Map<String, Object> values) {
            this.check = check;
            this.values = values;
        }

        String str(String name) {
            Object v = values.get(name);
            return v == null ? null : String.valueOf(v);
        }

        boolean has(String name) {
            return values.containsKey(name);
        }

        /** Compares one property when the check names it. */
        void expect(String subject, String property, Object actual) {
            if (!has(property)) {
                return;
            }
            String want = str(property);
            expected.add(texts.get("check.r.is", subject, property, want));
            String got = actual == null ? texts.get("check.r.none") : String.valueOf(actual);
            if (!want.equals(got)) {
                mismatches.add(new String[]{subject, property, got});
            }
        }

        CheckResult verdict(String subject) {
            String exp = expected.isEmpty() ? texts.get("check.r.exists", subject) : String.join("; ", expected);
            if (mismatches.isEmpty()) {
                return CheckResult.passed(check.id(), check.points(), exp, texts.get("check.r.asExpected"));
            }
            String[] m = mismatches.get(0);
            return CheckResult.failed(check.id(), check.points(), exp, texts.get("check.r.is", m[0], m[1], m[2]));
        }

        CheckResult fail(String exp, String found) {
            return CheckResult.failed(check.id(), check.points(), exp, found);
        }

        CheckResult pass(String exp, String found) {
            return CheckResult.passed(check.id(), check.points(), exp, found);
        }

        String required(String name) {
            String v = str(name);
            if (v == null || v.isBlank()) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.badParam", check.id(), name, "(missing)");
            }
            return v;
        }
    }

    // --- cloudformation -----------------------------------------------------------------------

    private CheckResult cloudformation(Params p) {
        Optional<Stack> stack = stack();
        String wantStatus = p.has("status") ? p.str("status") : null;
        String exp = texts.get("check.r.stack", state.stack(), wantStatus == null ? "CREATE_COMPLETE | UPDATE_COMPLETE" : wantStatus);
        if (stack.isEmpty()) {
            return p.fail(exp, texts.get("check.r.missing", state.stack()));
        }
        String status = stack.get().stackStatusAsString();
        boolean ok = wantStatus == null ? status.equals("CREATE_COMPLETE") || status.equals("UPDATE_COMPLETE") : status.equals(wantStatus);
        if (!ok) {
            return p.fail(exp, texts.get("check.r.stack", state.stack(), status));
        }
        if (!p.has("resource")) {
            return p.pass(exp, texts.get("check.r.stack", state.stack(), status));
        }
        String logical = p.str("resource");
        StackResource r = resources().get(logical);
        p.expected.add(texts.get("check.r.exists", logical));
        if (r == null) {
            return p.fail(String.join("; ", p.expected), texts.get("check.r.missing", logical));
        }
        p.expect(logical, "resourceType", r.resourceType());
        p.expect(logical, "resourceStatus", r.resourceStatusAsString());
        return p.verdict(logical);
    }

    // --- apigateway ---------------------------------------------------------------------------

    private CheckResult apigateway(Params p) {
        String api = physical(p.required("api"));
        var client = aws.apiGateway();
        if (p.has("path")) {
            String path = p.str("path");
            Optional<Resource> resource = client.getResourcesPaginator(b -> b.restApiId(api)).items().stream()
                    .filter(r -> path.equals(r.path())).findFirst();
            if (resource.isEmpty()) {
                return p.fail(texts.get("check.r.exists", path), texts.get("check.r.missing", path));
            }
            if (p.has("method")) {
                String method = p.str("method").toUpperCase(java.util.Locale.ROOT);
                String subject = method + " " + path;
                if (resource.get().resourceMethods() == null || !resource.get().resourceMethods().containsKey(method)) {
                    return p.fail(texts.get("check.r.exists", subject), texts.get("check.r.missing", subject));
                }
                GetMethodResponse m = client.getMethod(b -> b.restApiId(api).resourceId(resource.get().id()).httpMethod(method));
                p.expect(subject, "authorizationType", m.authorizationType());
                p.expect(subject, "apiKeyRequired", Boolean.TRUE.equals(m.apiKeyRequired()));
                var integration = m.methodIntegration();
                p.expect(subject, "integrationType", integration == null ? null : integration.typeAsString());
                if (p.has("integrationUri")) {
                    String want = p.str("integrationUri");
                    p.expected.add(texts.get("check.r.contains", subject + " integrationUri", want));
                    String uri = integration == null ? null : integration.uri();
                    if (uri == null || !uri.contains(want)) {
                        p.mismatches.add(new String[]{subject, "integrationUri", String.valueOf(uri)});
                    }
                }
                if (p.has("requestTemplates")) {
                    boolean has = integration != null && integration.requestTemplates() != null && !integration.requestTemplates().isEmpty();
                    p.expect(subject, "requestTemplates", has);
                }
                return p.verdict(subject);
            }
            return p.verdict(path);
        }
        if (p.has("stage")) {
            String stage = p.str("stage");
            try {
                var s = client.getStage(b -> b.restApiId(api).stageName(stage));
                p.expected.add(texts.get("check.r.deployed", stage));
                if (s.deploymentId() == null || s.deploymentId().isBlank()) {
                    p.mismatches.add(new String[]{stage, "deploymentId", texts.get("check.r.none")});
                }
                p.expect(stage, "tracingEnabled", Boolean.TRUE.equals(s.tracingEnabled()));
                p.expect(stage, "cacheClusterEnabled", Boolean.TRUE.equals(s.cacheClusterEnabled()));
                return p.verdict(stage);
            } catch (software.amazon.awssdk.services.apigateway.model.NotFoundException e) {
                return p.fail(texts.get("check.r.deployed", stage), texts.get("check.r.missing", stage));
            }
        }
        if (p.has("usagePlan") || p.has("apiKey")) {
            List<UsagePlan> plans = client.getUsagePlansPaginator(b -> { }).items().stream()
                    .filter(u -> u.apiStages().stream().anyMatch(s -> api.equals(s.apiId()))).toList();
            String subject = texts.get("check.r.usagePlanOf", p.str("api"));
            if (plans.isEmpty()) {
                return p.fail(texts.get("check.r.exists", subject), texts.get("check.r.missing", subject));
            }
            UsagePlan plan = plans.get(0);
            if (plan.throttle() != null) {
                p.expect(subject, "rateLimit", plan.throttle().rateLimit() == null ? null : String.valueOf(plan.throttle().rateLimit().intValue()));
                p.expect(subject, "burstLimit", plan.throttle().burstLimit());
            }
            if (p.has("apiKey")) {
                boolean keyed = plans.stream().anyMatch(u -> !client.getUsagePlanKeys(b -> b.usagePlanId(u.id())).items().isEmpty());
                p.expect(subject, "apiKey", keyed);
            }
            return p.verdict(subject);
        }
        return p.verdict(p.str("api"));
    }

    // --- lambda -------------------------------------------------------------------------------

    private CheckResult lambda(Params p) {
        String logical = p.required("function");
        String name = physical(logical);
        FunctionConfiguration c = aws.lambda().getFunction(b -> b.functionName(name)).configuration();
        p.expect(logical, "runtime", c.runtimeAsString());
        p.expect(logical, "handler", c.handler());
        p.expect(logical, "memorySize", c.memorySize());
        p.expect(logical, "timeout", c.timeout());
        if (p.has("role")) {
            StackResource role = resources().get(p.str("role"));
            p.expected.add(texts.get("check.r.is", logical, "role", p.str("role")));
            String physicalRole = role == null ? null : role.physicalResourceId();
            if (physicalRole == null || c.role() == null || !c.role().endsWith("/" + physicalRole)) {
                p.mismatches.add(new String[]{logical, "role", String.valueOf(c.role())});
            }
        }
        if (p.values.get("environment") instanceof Map<?, ?> wanted) {
            Map<String, String> env = c.environment() == null || c.environment().variables() == null ? Map.of() : c.environment().variables();
            for (Map.Entry<?, ?> e : wanted.entrySet()) {
                String key = String.valueOf(e.getKey());
                String want = String.valueOf(e.getValue());
                p.expected.add(texts.get("check.r.is", logical, key, want));
                String got = env.get(key);
                if (got == null || !("*".equals(want) || want.equals(got))) {
                    p.mismatches.add(new String[]{logical, key, got == null ? texts.get("check.r.none") : got});
                }
            }
        }
        return p.verdict(logical);
    }

    // --- dynamodb -----------------------------------------------------------------------------

    private CheckResult dynamodb(Params p) {
        String logical = p.required("table");
        String table = physical(logical);
        TableDescription t = aws.dynamoDb().describeTable(b -> b.tableName(table)).table();
        String billing = t.billingModeSummary() == null ? "PROVISIONED" : t.billingModeSummary().billingModeAsString();
        p.expect(logical, "billingMode", billing);
        if (p.values.get("keySchema") instanceof Map<?, ?> keys) {
            Map<String, String> actual = new LinkedHashMap<>();
            t.keySchema().forEach(k -> actual.put(k.attributeName(), k.keyTypeAsString()));
            Map<String, String> want = new LinkedHashMap<>();
            keys.forEach((k, v) -> want.put(String.valueOf(k), String.valueOf(v)));
            p.expected.add(texts.get("check.r.is", logical, "keySchema", want));
            if (!want.equals(actual)) {
                p.mismatches.add(new String[]{logical, "keySchema", actual.toString()});
            }
        }
        if (p.values.get("item") instanceof Map<?, ?> key) {
            Map<String, AttributeValue> k = new LinkedHashMap<>();
            key.forEach((name, value) -> k.put(String.valueOf(name), AttributeValue.fromS(String.valueOf(value))));
            p.expected.add(texts.get("check.r.item", logical, key));
            if (!aws.dynamoDb().getItem(b -> b.tableName(table).key(k)).hasItem()) {
                p.mismatches.add(new String[]{logical, "item " + key, texts.get("check.r.none")});
            }
        }
        return p.verdict(logical);
    }

    // --- s3 -----------------------------------------------------------------------------------

    private CheckResult s3(Params p) {
        String logical = p.required("bucket");
        String bucket = physical(logical);
        if (p.has("versioning")) {
            String status = aws.s3().getBucketVersioning(b -> b.bucket(bucket)).statusAsString();
            p.expect(logical, "versioning", status == null ? "Disabled" : status);
        }
        if (p.has("object")) {
            String key = p.str("object");
            p.expected.add(texts.get("check.r.exists", bucket + "/" + key));
            try {
                aws.s3().headObject(b -> b.bucket(bucket).key(key));
            } catch (software.amazon.awssdk.services.s3.model.S3Exception e) {
                p.mismatches.add(new String[]{logical, key, texts.get("check.r.none")});
            }
        }
        return p.verdict(logical);
    }

    // --- logs ---------------------------------------------------------------------------------

    private CheckResult logs(Params p) {
        String given = p.required("group");
        StackResource r = resources().get(given);
        String group = r != null ? r.physicalResourceId() : given;
        boolean exists = aws.logs().describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                .anyMatch(g -> group.equals(g.logGroupName()));
        if (!exists) {
            return p.fail(texts.get("check.r.exists", group), texts.get("check.r.missing", group));
        }
        if (!p.has("contains")) {
            return p.pass(texts.get("check.r.exists", group), texts.get("check.r.asExpected"));
        }
        String text = p.str("contains");
        String exp = texts.get("check.r.contains", group, text);
        boolean found = aws.logs().filterLogEventsPaginator(b -> b.logGroupName(group)).events().stream()
                .anyMatch(e -> e.message() != null && e.message().contains(text));
        return found ? p.pass(exp, texts.get("check.found")) : p.fail(exp, texts.get("check.notFound"));
    }

    // --- http ---------------------------------------------------------------------------------

    private CheckResult http(Params p) {
        String method = p.has("method") ? p.str("method").toUpperCase(java.util.Locale.ROOT) : "GET";
        String url = p.required("url");
        int want = p.has("expectStatus") ? Integer.parseInt(p.str("expectStatus")) : 200;
        String exp = texts.get("check.r.http", method, url, want);
        HttpResponse<String> response;
        try {
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(30));
            if (p.values.get("headers") instanceof Map<?, ?> headers) {
                headers.forEach((k, v) -> request.header(String.valueOf(k), String.valueOf(v)));
            }
            Object body = p.values.get("body");
            String text = body == null ? null : body instanceof String s ? s : JSON.writeValueAsString(body);
            request.method(method, text == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(text));
            if (text != null && (p.values.get("headers") == null || !((Map<?, ?>) p.values.get("headers")).containsKey("Content-Type"))) {
                request.header("Content-Type", "application/json");
            }
            response = http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IllegalArgumentException e) {
            return p.fail(exp, texts.get("check.r.badUrl", url));
        } catch (IOException e) {
            return p.fail(exp, texts.get("check.r.error", String.valueOf(e.getMessage())));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
        }
        String excerpt = excerpt(response.body());
        if (response.statusCode() != want) {
            return p.fail(exp, texts.get("check.r.got", response.statusCode(), excerpt));
        }
        if (p.values.get("expectHeaders") instanceof Map<?, ?> headers) {
            for (Map.Entry<?, ?> h : headers.entrySet()) {
                String got = response.headers().firstValue(String.valueOf(h.getKey())).orElse(null);
                if (got == null || !got.contains(String.valueOf(h.getValue()))) {
                    return p.fail(texts.get("check.r.is", url, String.valueOf(h.getKey()), h.getValue()),
                            texts.get("check.r.is", url, String.valueOf(h.getKey()), got == null ? texts.get("check.r.none") : got));
                }
            }
        }
        JsonNode json = null;
        boolean needsJson = p.has("expectJson") || Boolean.parseBoolean(p.str("expectJsonArray")) || p.has("capture");
        if (needsJson) {
            try {
                json = JSON.readTree(response.body());
            } catch (IOException e) {
                return p.fail(exp, texts.get("check.r.notJson", excerpt));
            }
        }
        if (Boolean.parseBoolean(p.str("expectJsonArray")) && (json == null || !json.isArray())) {
            return p.fail(texts.get("check.statusArray", want), texts.get("check.notArray", response.statusCode()) + ": " + excerpt);
        }
        if (p.values.get("expectJson") instanceof Map<?, ?> fields) {
            for (Map.Entry<?, ?> f : fields.entrySet()) {
                String path = String.valueOf(f.getKey());
                String wantValue = String.valueOf(f.getValue());
                JsonNode node = at(json, path);
                String got = node == null ? null : node.isValueNode() ? node.asText() : node.toString();
                boolean ok = got != null && ("*".equals(wantValue) || wantValue.equals(got));
                if (!ok) {
                    return p.fail(texts.get("check.r.json", path, wantValue), texts.get("check.r.json", path,
                            got == null ? texts.get("check.r.none") : got));
                }
            }
        }
        if (p.values.get("capture") instanceof Map<?, ?> capture) {
            for (Map.Entry<?, ?> c : capture.entrySet()) {
                JsonNode node = at(json, String.valueOf(c.getValue()));
                if (node == null || node.isNull()) {
                    return p.fail(texts.get("check.r.json", c.getValue(), "*"), texts.get("check.r.json", c.getValue(), texts.get("check.r.none")));
                }
                vars.put(String.valueOf(c.getKey()), node.isValueNode() ? node.asText() : node.toString());
            }
        }
        return p.pass(exp, texts.get("check.r.got", response.statusCode(), excerpt));
    }

    /** A value at a simple JSON path: {@code $}, {@code $.a.b}, {@code $[0].id}, {@code $.items[2]}. */
    static JsonNode at(JsonNode root, String path) {
        if (root == null || !path.startsWith("$")) {
            return null;
        }
        String pointer = path.substring(1).replaceAll("\\[(\\d+)]", ".$1").replace('.', '/');
        JsonNode node = pointer.isEmpty() ? root : root.at(JsonPointer.compile(pointer));
        return node.isMissingNode() ? null : node;
    }

    private static String excerpt(String body) {
        String flat = body == null ? "" : body.replaceAll("\\s+", " ").strip();
        return flat.length() > 120 ? flat.substring(0, 117) + "..." : flat;
    }

    // --- shared -------------------------------------------------------------------------------

    private Optional<Stack> stack() {
        try {
            return aws.cloudFormation().describeStacks(b -> b.stackName(state.stack())).stacks().stream()
                    .filter(s -> !s.stackStatusAsString().equals("DELETE_COMPLETE")).findFirst();
        } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
            return Optional.empty();
        }
    }

    /** The stack's resources by logical id, read once per run. */
    private Map<String, StackResource> resources() {
        if (resources == null) {
            resources = new LinkedHashMap<>();
            try {
                aws.cloudFormation().describeStackResources(b -> b.stackName(state.stack())).stackResources()
                        .forEach(r -> resources.put(r.logicalResourceId(), r));
            } catch (software.amazon.awssdk.services.cloudformation.model.CloudFormationException e) {
                // no stack: every resource is missing
            }
        }
        return resources;
    }

    /** The physical id of a resource of the stack; a check about a resource that is not there fails saying so. */
    private String physical(String logical) {
        StackResource r = resources().get(logical);
        if (r == null || r.physicalResourceId() == null) {
            throw new MissingResource(logical);
        }
        return r.physicalResourceId();
    }

    private static final class MissingResource extends RuntimeException {
        MissingResource(String logical) {
            super(logical, null, false, false);
        }
    }

    private Map<String, Object> substitute(Map<String, Object> params) {
        Map<String, Object> out = new LinkedHashMap<>();
        params.forEach((k, v) -> out.put(k, substituteValue(v)));
        return out;
    }

    private Object substituteValue(Object value) {
        if (value instanceof String s) {
            return substituteText(s);
        }
        if (value instanceof Map<?, ?> m) {
            Map<String, Object> out = new LinkedHashMap<>();
            m.forEach((k, v) -> out.put(String.valueOf(k), substituteValue(v)));
            return out;
        }
        if (value instanceof List<?> l) {
            return l.stream().map(this::substituteValue).toList();
        }
        return value;
    }

    private String substituteText(String text) {
        Matcher m = VARIABLE.matcher(text);
        StringBuilder out = new StringBuilder();
        while (m.find()) {
            String replacement;
            if (m.group(1) == null) {
                replacement = state.stack();
            } else if (m.group(1).equals("outputs")) {
                replacement = aws.target().reachable(state.outputs().get(m.group(2)));
            } else {
                replacement = vars.get(m.group(2));
            }
            m.appendReplacement(out, Matcher.quoteReplacement(Objects.toString(replacement, "${" + m.group(1) + "." + m.group(2) + "}")));
        }
        m.appendTail(out);
        return out.toString();
    }

    private static String shortMessage(SdkException e) {
        String s = String.valueOf(e.getMessage());
        int cut = s.indexOf(" (Service:");
        return cut > 0 ? s.substring(0, cut) : s;
    }
}
