package dev.tierlab.verify;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.Optional;

/**
 * What a target really does. A check lists the capabilities it needs ({@code needs:} in lab.yaml, by
 * {@link #id()}); on a target that lacks one, the check is reported as not verifiable there, never as
 * passed. Which target has which is written down, from measurement, in {@code provision.Targets}
 * and {@code docs/targets.md}.
 */
public enum Capability {
    /** Java functions really run (on the sandbox: tierlab's executor is up). */
    LAMBDA_JAVA("lambda.java"),
    /** HTTP requests reach a deployed API Gateway stage. */
    APIGATEWAY_INVOKE("apigateway.invoke"),
    /** Request and response mapping templates are applied for non-proxy Lambda integrations. */
    MAPPING_TEMPLATES("apigateway.mapping-templates"),
    /** Methods with apiKeyRequired refuse requests without a valid key. */
    APIKEY_ENFORCED("apikey.enforced"),
    /** Method and usage-plan throttling answers 429. */
    THROTTLING_ENFORCED("throttling.enforced"),
    /** Cognito user-pool authorizers verify tokens on requests. */
    COGNITO_AUTHORIZER_ENFORCED("cognito.authorizer.enforced"),
    /** WAF web ACLs are evaluated on requests. */
    WAF_ENFORCED("waf.enforced"),
    /** IAM policies (SigV4, AWS_IAM authorization) and Lambda resource policies are enforced. */
    IAM_ENFORCED("iam.enforced"),
    /** A function's own log lines reach its CloudWatch Logs group. */
    FUNCTION_LOGS("logs.function"),
    /** X-Ray traces are recorded. */
    XRAY("xray");

    private final String id;

    Capability(String id) {
        this.id = id;
    }

    /** The name lab authors write under {@code needs}, e.g. {@code lambda.java}. */
    @JsonValue
    public String id() {
        return id;
    }

    public static Optional<Capability> find(String id) {
        return Arrays.stream(values()).filter(c -> c.id.equals(id)).findFirst();
    }

    /** The capability named {@code id}; an unknown name is an {@link IllegalArgumentException} listing the known ones. */
    @JsonCreator
    public static Capability of(String id) {
        return find(id).orElseThrow(() -> new IllegalArgumentException("unknown capability " + id + "; known: "
                + String.join(", ", Arrays.stream(values()).map(Capability::id).toList())));
    }

    @Override
    public String toString() {
        return id;
    }
}
