package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.Map;
import java.util.Set;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigateway.model.GetApiKeyResponse;

/**
 * {@code api-key}: an API key of the stack is enabled and (with {@code plan}) belongs to that usage plan;
 * {@code capture} keeps its value for later checks ({@code ${vars.name}} in an {@code x-api-key} header),
 * as a client developer who was handed the key would send it. The value is a secret: it is never in a result.
 */
public final class ApiKeyCheck extends BaseCheckType<ApiKeyCheck.Params> {
    /**
     * @param key     the logical id of the AWS::ApiGateway::ApiKey
     * @param plan    the logical id of the AWS::ApiGateway::UsagePlan the key must be in
     * @param capture the variable that receives the key's value
     */
    public record Params(@JsonProperty(required = true) String key, String plan, String capture) {
        public Params {
            if (capture != null && !capture.matches("[A-Za-z][A-Za-z0-9_]{0,63}")) {
                throw new IllegalArgumentException("capture names a variable (letters, digits, _), not " + capture);
            }
        }
    }

    public ApiKeyCheck() {
        super("api-key", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Set<String> captures(Params params) {
        return params.capture() == null ? Set.of() : Set.of(params.capture());
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String keyId = context.physical(p.key());
        ApiGatewayClient client = context.aws().apiGateway();
        GetApiKeyResponse key = client.getApiKey(b -> b.apiKey(keyId).includeValue(p.capture() != null));
        boolean inPlan = p.plan() == null || client.getUsagePlanKeysPaginator(b -> b.usagePlanId(context.physical(p.plan())))
                .items().stream().anyMatch(k -> keyId.equals(k.id()));
        return judge(p, Boolean.TRUE.equals(key.enabled()), inPlan, key.value(), context.vars(), context.texts());
    }

    /** Whether the key is usable as the check says; its value goes into {@code vars} when it is. */
    static Verdict judge(Params p, boolean enabled, boolean inPlan, String value, Map<String, String> vars, Texts t) {
        String expected = p.plan() == null ? t.get("check.apikey.expected", p.key()) : t.get("check.apikey.expectedIn", p.key(), p.plan());
        if (!enabled) {
            return Verdict.fail(expected, t.get("check.apikey.disabled", p.key()));
        }
        if (!inPlan) {
            return Verdict.fail(expected, t.get("check.apikey.notInPlan", p.key(), p.plan()));
        }
        if (p.capture() != null) {
            if (value == null || value.isBlank()) {
                return Verdict.fail(expected, t.get("check.apikey.noValue", p.key()));
            }
            vars.put(p.capture(), value);
        }
        return Verdict.pass(expected, p.capture() == null ? t.get("check.apikey.usable", p.key())
                : t.get("check.apikey.kept", p.key(), p.capture()));
    }
}
