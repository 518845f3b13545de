package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetMethodResponse;
import software.amazon.awssdk.services.apigateway.model.GetStageResponse;
import software.amazon.awssdk.services.apigateway.model.Integration;
import software.amazon.awssdk.services.apigateway.model.NotFoundException;
import software.amazon.awssdk.services.apigateway.model.Resource;
import software.amazon.awssdk.services.apigateway.model.UsagePlan;

/**
 * {@code apigateway}: read back from API Gateway — a resource path and its method (authorization,
 * API key, integration type and URI, mapping templates), a stage (deployed, tracing, cache), or the
 * usage plan of the API (throttling, API key).
 */
public final class ApiGatewayCheck extends BaseCheckType<ApiGatewayCheck.Params> {
    /**
     * @param api       the RestApi's logical id
     * @param path      a resource path, e.g. /tickets/{id}
     * @param method    an HTTP method of that path
     * @param stage     a stage name (instead of a path)
     * @param usagePlan the logical id of an AWS::ApiGateway::UsagePlan that covers the API (instead of a path
     *                  or stage); without it, {@code apiKey} alone checks the first usage plan of the API
     * @param apiKey    whether a key is attached to the usage plan
     * @param quotaPeriod DAY, WEEK or MONTH, with {@code quotaLimit} requests per key
     */
    public record Params(@JsonProperty(required = true) String api, String path, String method, String authorizationType,
                         Boolean apiKeyRequired, String integrationType, String integrationUri, Boolean requestTemplates,
                         String stage, Boolean tracingEnabled, Boolean cacheClusterEnabled, String usagePlan, Boolean apiKey,
                         Integer rateLimit, Integer burstLimit, Integer quotaLimit, String quotaPeriod) {
        public Params {
            method = method == null ? null : method.toUpperCase(Locale.ROOT);
            if (method != null && path == null) {
                throw new IllegalArgumentException("method needs a path");
            }
            quotaPeriod = quotaPeriod == null ? null : quotaPeriod.toUpperCase(Locale.ROOT);
            if (quotaPeriod != null && !List.of("DAY", "WEEK", "MONTH").contains(quotaPeriod)) {
                throw new IllegalArgumentException("quotaPeriod is DAY, WEEK or MONTH, not " + quotaPeriod);
            }
        }
    }

    public ApiGatewayCheck() {
        super("apigateway", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String api = context.physical(p.api());
        ApiGatewayClient client = context.aws().apiGateway();
        Texts t = context.texts();
        if (p.path() != null) {
            Optional<Resource> resource = client.getResourcesPaginator(b -> b.restApiId(api)).items().stream()
                    .filter(r -> p.path().equals(r.path())).findFirst();
            if (resource.isEmpty()) {
                return Verdict.fail(t.get("check.r.exists", p.path()), t.get("check.r.missing", p.path()));
            }
            if (p.method() == null) {
                return new Expectations(t).verdict(p.path());
            }
            boolean has = resource.get().resourceMethods() != null && resource.get().resourceMethods().containsKey(p.method());
            GetMethodResponse m = has ? client.getMethod(b -> b.restApiId(api).resourceId(resource.get().id()).httpMethod(p.method())) : null;
            return method(p, m, t);
        }
        if (p.stage() != null) {
            try {
                return stage(p, client.getStage(b -> b.restApiId(api).stageName(p.stage())), t);
            } catch (NotFoundException e) {
                return stage(p, null, t);
            }
        }
        if (p.usagePlan() != null || p.apiKey() != null) {
            String named = p.usagePlan() == null ? null : context.physical(p.usagePlan());
            List<UsagePlan> plans = client.getUsagePlansPaginator(b -> { }).items().stream()
                    .filter(u -> named == null || named.equals(u.id()))
                    .filter(u -> u.apiStages().stream().anyMatch(s -> api.equals(s.apiId()))).toList();
            boolean keyed = p.apiKey() != null
                    && plans.stream().anyMatch(u -> !client.getUsagePlanKeys(b -> b.usagePlanId(u.id())).items().isEmpty());
            return usagePlan(p, plans, keyed, t);
        }
        return new Expectations(t).verdict(p.api());
    }

    /** @param m the method, null when the path has none of that name */
    static Verdict method(Params p, GetMethodResponse m, Texts t) {
        String subject = p.method() + " " + p.path();
        if (m == null) {
            return Verdict.fail(t.get("check.r.exists", subject), t.get("check.r.missing", subject));
        }
        Expectations e = new Expectations(t);
        e.expect(subject, "authorizationType", p.authorizationType(), m.authorizationType());
        e.expect(subject, "apiKeyRequired", p.apiKeyRequired(), Boolean.TRUE.equals(m.apiKeyRequired()));
        Integration integration = m.methodIntegration();
        e.expect(subject, "integrationType", p.integrationType(), integration == null ? null : integration.typeAsString());
        if (p.integrationUri() != null) {
            e.expected(t.get("check.r.contains", subject + " integrationUri", p.integrationUri()));
            String uri = integration == null ? null : integration.uri();
            if (uri == null || !uri.contains(p.integrationUri())) {
                e.mismatch(subject, "integrationUri", String.valueOf(uri));
            }
        }
        boolean templates = integration != null && integration.requestTemplates() != null && !integration.requestTemplates().isEmpty();
        e.expect(subject, "requestTemplates", p.requestTemplates(), templates);
        return e.verdict(subject);
    }

    /** @param s the stage, null when there is none of that name */
    static Verdict stage(Params p, GetStageResponse s, Texts t) {
        if (s == null) {
            return Verdict.fail(t.get("check.r.deployed", p.stage()), t.get("check.r.missing", p.stage()));
        }
        Expectations e = new Expectations(t).expected(t.get("check.r.deployed", p.stage()));
        if (s.deploymentId() == null || s.deploymentId().isBlank()) {
            e.mismatch(p.stage(), "deploymentId", t.get("check.r.none"));
        }
        e.expect(p.stage(), "tracingEnabled", p.tracingEnabled(), Boolean.TRUE.equals(s.tracingEnabled()));
        e.expect(p.stage(), "cacheClusterEnabled", p.cacheClusterEnabled(), Boolean.TRUE.equals(s.cacheClusterEnabled()));
        return e.verdict(p.stage());
    }

    /** @param plans the usage plans that include the API; keyed: one of them has a key */
    static Verdict usagePlan(Params p, List<UsagePlan> plans, boolean keyed, Texts t) {
        String subject = p.usagePlan() != null ? p.usagePlan() : t.get("check.r.usagePlanOf", p.api());
        if (plans.isEmpty()) {
            return Verdict.fail(t.get("check.r.exists", subject), t.get("check.r.missing", subject));
        }
        UsagePlan plan = plans.get(0);
        Expectations e = new Expectations(t);
        if (plan.throttle() != null) {
            e.expect(subject, "rateLimit", p.rateLimit(), plan.throttle().rateLimit() == null ? null : plan.throttle().rateLimit().intValue());
            e.expect(subject, "burstLimit", p.burstLimit(), plan.throttle().burstLimit());
        } else {
            e.expect(subject, "rateLimit", p.rateLimit(), null);
            e.expect(subject, "burstLimit", p.burstLimit(), null);
        }
        e.expect(subject, "quotaLimit", p.quotaLimit(), plan.quota() == null ? null : plan.quota().limit());
        e.expect(subject, "quotaPeriod", p.quotaPeriod(), plan.quota() == null ? null : plan.quota().periodAsString());
        e.expect(subject, "apiKey", p.apiKey(), keyed);
        return e.verdict(subject);
    }
}
