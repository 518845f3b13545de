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
    /** A function's own log lines reach its CloudWatch Logs group. */
    FUNCTION_LOGS("logs.function"),
    /** HTTP requests reach a deployed API Gateway stage. */
    APIGATEWAY_INVOKE("apigateway.invoke"),
    /** Request and response mapping templates are applied for non-proxy Lambda integrations. */
    MAPPING_TEMPLATES("apigateway.mapping-templates"),
    /** Methods with apiKeyRequired refuse requests without a valid key. */
    APIKEY_ENFORCED("apikey.enforced"),
    /** Method and usage-plan throttling answers 429. */
    THROTTLING_ENFORCED("throttling.enforced"),
    /**
     * Per-method throttles as CloudFormation writes them answer 429: a usage plan's {@code ApiStages}
     * {@code Throttle} ({@code "/path/METHOD"}) and a stage's {@code MethodSettings} with its {@code ~1}-encoded
     * {@code ResourcePath}.
     */
    THROTTLING_METHOD("throttling.method"),
    /** Usage-plan quotas answer 429 once a key has used its requests for the period. */
    QUOTA_ENFORCED("quota.enforced"),
    /** Cognito user-pool authorizers verify tokens on requests. */
    COGNITO_AUTHORIZER_ENFORCED("cognito.authorizer.enforced"),
    /** TOKEN and REQUEST Lambda authorizers are called and the policy they return is applied. */
    LAMBDA_AUTHORIZER_ENFORCED("lambda.authorizer.enforced"),
    /** IAM policies (SigV4, AWS_IAM authorization) and Lambda resource policies are enforced. */
    IAM_ENFORCED("iam.enforced"),
    /** WAF web ACLs are evaluated on requests. */
    WAF_ENFORCED("waf.enforced"),
    /** S3 website endpoints serve the index and error documents of a bucket's website configuration. */
    S3_WEBSITE("s3.website"),
    /** S3 refuses anonymous requests that neither a bucket's policy nor its ACLs allow (a private bucket is private). */
    S3_ACCESS_ENFORCED("s3.access.enforced"),
    /** CloudFront distributions answer requests: origins, default root object, functions, viewer protocol policy. */
    CLOUDFRONT_SERVE("cloudfront.serve"),
    /** CloudFront caches responses by the cache behaviour's TTLs (a second request is a hit). */
    CLOUDFRONT_CACHING("cloudfront.caching"),
    /** CloudWatch alarms change state when metric data crosses their threshold. */
    ALARMS("cloudwatch.alarms"),
    /** CloudWatch alarms count only the data points of the dimensions they name. */
    ALARM_DIMENSIONS("cloudwatch.alarms.dimensions"),
    /** Metric filters turn matching log events into CloudWatch metrics. */
    METRIC_FILTERS("logs.metric-filters"),
    /** API Gateway publishes its metrics (Count, 4XXError, Latency) to CloudWatch. */
    APIGATEWAY_METRICS("apigateway.metrics"),
    /** API Gateway writes a stage's access log lines to its log group. */
    APIGATEWAY_ACCESS_LOGS("apigateway.access-logs"),
    /** An EC2 instance (or ECS task) reported as running really runs: it boots, runs its user data and answers. */
    EC2_RUNNING("ec2.running"),
    /** Security groups, subnets and route tables limit what can reach what (a VPC isolates). */
    VPC_ISOLATION("vpc.isolation"),
    /** An RDS instance runs its database engine and accepts connections at its endpoint. */
    RDS_ENGINE("rds.engine"),
    /** X-Ray traces are recorded. */
    XRAY("xray"),
    /**
     * This machine has a web browser tierlab can drive (headless Chromium and its chromedriver): a page
     * is opened as a learner's browser opens it, with its scripts run and CORS enforced. A capability of
     * the machine, not of the target: found on this machine whatever the workspace deploys to.
     */
    BROWSER("browser", true);

    private final String id;
    private final boolean machine;

    Capability(String id) {
        this(id, false);
    }

    Capability(String id, boolean machine) {
        this.id = id;
        this.machine = machine;
    }

    /** Whether this is a capability of the machine tierlab runs on (found there), not of a target. */
    public boolean machine() {
        return machine;
    }

    /** The capabilities a target can have (every one but the machine's), in declaration order. */
    public static java.util.Set<Capability> ofTargets() {
        java.util.EnumSet<Capability> all = java.util.EnumSet.allOf(Capability.class);
        all.removeIf(Capability::machine);
        return all;
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
