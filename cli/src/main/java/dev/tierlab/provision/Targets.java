package dev.tierlab.provision;

import dev.tierlab.config.Environment;
import dev.tierlab.verify.Capability;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.ProfileCredentialsProvider;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.regions.providers.AwsProfileRegionProvider;
import software.amazon.awssdk.regions.providers.DefaultAwsRegionProviderChain;

/**
 * Turns {@code --target}, {@code --endpoint}, {@code --profile} and {@code --region} into a {@link Target},
 * starting what it needs: the sandbox when it is not running, a container for localstack and floci.
 * Each target's capabilities are written down here, from the emulators' sources and our own tests
 * (docs/targets.md).
 */
public final class Targets {
    /** The words {@code --target} accepts. */
    public static final List<String> NAMES = TargetKind.ids();

    /**
     * MiniStack 1.5.33, measured by {@code CapabilitiesIT} (which fails when the emulator changes; see
     * docs/research/ministack.md, "Capabilities measured"): requests reach API stages; API keys, method
     * and usage-plan throttling, usage-plan quotas, Cognito user-pool authorizers (with
     * {@code cryptography} in its virtualenv) and TOKEN/REQUEST Lambda authorizers are enforced;
     * CloudFront distributions serve S3 origins with functions and viewer protocol policies (without
     * caching); alarms evaluate on PutMetricData (ignoring dimensions; {@code cbor2} is needed for the
     * Java SDK's CloudWatch protocol). tierlab's executor writes function logs. Not claimed: mapping
     * templates for Lambda integrations, per-method throttles as CloudFormation writes them, IAM/SigV4 and
     * Lambda permissions, WAF, S3 website endpoints,
     * CloudFront caching, alarm dimensions, metric filters, API Gateway metrics and access logs, running
     * EC2 instances, VPC isolation, database engines, X-Ray. {@code lambda.java} is added only while
     * tierlab's executor answers.
     */
    static final Set<Capability> SANDBOX = Set.of(Capability.APIGATEWAY_INVOKE, Capability.APIKEY_ENFORCED,
            Capability.THROTTLING_ENFORCED, Capability.QUOTA_ENFORCED, Capability.COGNITO_AUTHORIZER_ENFORCED,
            Capability.LAMBDA_AUTHORIZER_ENFORCED, Capability.CLOUDFRONT_SERVE, Capability.ALARMS,
            Capability.FUNCTION_LOGS);
    /**
     * What tierlab itself supplies on the sandbox, not MiniStack: Java functions run in tierlab's
     * executor, which also writes their log lines to CloudWatch Logs.
     */
    static final Set<Capability> SANDBOX_BY_TIERLAB = Set.of(Capability.LAMBDA_JAVA, Capability.FUNCTION_LOGS);
    /** LocalStack (Pro image, auth token): runs Java in containers and applies mapping templates. */
    static final Set<Capability> LOCALSTACK = Set.of(Capability.APIGATEWAY_INVOKE, Capability.LAMBDA_JAVA,
            Capability.MAPPING_TEMPLATES, Capability.FUNCTION_LOGS, Capability.APIKEY_ENFORCED);
    /** Floci: runs Java functions in containers; nothing else is claimed until it is measured. */
    static final Set<Capability> FLOCI = Set.of(Capability.APIGATEWAY_INVOKE, Capability.LAMBDA_JAVA,
            Capability.FUNCTION_LOGS);
    /** An endpoint we know nothing about: it is assumed to run Java functions, unless it is a MiniStack. */
    static final Set<Capability> ENDPOINT = Set.of(Capability.APIGATEWAY_INVOKE, Capability.LAMBDA_JAVA,
            Capability.FUNCTION_LOGS);

    private final Environment env;
    private final Sandbox sandbox;
    private final java.util.function.Consumer<String> progress;

    /**
     * @param progress told when something slow starts (the sandbox, a container)
     */
    public Targets(Environment env, Sandbox sandbox, java.util.function.Consumer<String> progress) {
        this.env = env;
        this.sandbox = sandbox;
        this.progress = progress;
    }

    /**
     * What the user asked for; null fields mean "not given" (no kind: the sandbox). For a container
     * kind, {@code endpoint} is the container a workspace deployed to, which must still be running.
     */
    public record Request(TargetKind kind, String endpoint, String profile, String region) {
        /** The kind asked for, the sandbox when none was. */
        public TargetKind kindOrDefault() {
            return kind == null ? TargetKind.SANDBOX : kind;
        }
    }

    public Target resolve(Request request) {
        TargetKind kind = request.kindOrDefault();
        return switch (kind) {
            case SANDBOX -> sandbox(request.endpoint() == null ? Sandbox.DEFAULT_PORT : URI.create(request.endpoint()).getPort());
            case ENDPOINT -> endpoint(request.endpoint() != null ? request.endpoint() : env.get("AWS_ENDPOINT_URL").orElseThrow(
                    () -> new TierlabException(ExitCode.USAGE, "error.target.noEndpoint")));
            case LOCALSTACK, FLOCI -> new ContainerTargets(env, progress).start(kind,
                    request.endpoint() == null ? null : URI.create(request.endpoint()));
            case AWS -> aws(request.profile() != null ? request.profile() : env.get("AWS_PROFILE").orElse(null), request.region());
        };
    }

    /**
     * What target {@code name} can do as far as is known without reaching it: the sandbox with its
     * executor, the declared sets of the others. Used to decide which checks can be earned there
     * before anything is deployed (what can be earned depends on the target, never on the learner's
     * work).
     */
    public static Set<Capability> expected(TargetKind kind) {
        return switch (kind == null ? TargetKind.SANDBOX : kind) {
            case SANDBOX -> {
                Set<Capability> caps = new HashSet<>(SANDBOX);
                caps.add(Capability.LAMBDA_JAVA);
                yield Set.copyOf(caps);
            }
            case LOCALSTACK -> LOCALSTACK;
            case FLOCI -> FLOCI;
            case ENDPOINT -> ENDPOINT;
            case AWS -> Capability.ofTargets();
        };
    }

    /** The capabilities of {@code kind} that tierlab supplies itself (its Java executor), not the target. */
    public static Set<Capability> suppliedByTierlab(TargetKind kind) {
        return kind == TargetKind.SANDBOX ? SANDBOX_BY_TIERLAB : Set.of();
    }

    /** Why the container targets (localstack, floci) cannot run here, or null when a Docker engine answers. */
    public static String dockerUnavailable() {
        return ContainerTargets.dockerUnavailable();
    }

    /** The running sandbox; when it is not running, it is started on {@code port} (where a workspace last deployed). */
    private Target sandbox(int port) {
        Sandbox.Status status = sandbox.status();
        if (!status.running()) {
            progress.accept("sandbox");
            status = sandbox.start(port);
        }
        Set<Capability> caps = new HashSet<>(SANDBOX);
        if (sandbox.executorUp(status)) {
            caps.add(Capability.LAMBDA_JAVA);
        }
        return Target.emulator(TargetKind.SANDBOX, URI.create(status.endpoint()), Set.copyOf(caps));
    }

    private static Target endpoint(String url) {
        URI uri;
        try {
            uri = URI.create(url.trim());
        } catch (IllegalArgumentException e) {
            throw new TierlabException(ExitCode.USAGE, "error.target.badEndpoint", url);
        }
        if (!("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) || uri.getHost() == null) {
            throw new TierlabException(ExitCode.USAGE, "error.target.badEndpoint", url);
        }
        Set<Capability> caps = new HashSet<>(ENDPOINT);
        if (isMiniStack(uri)) {
            // a MiniStack without tierlab's executor answers Java invokes with a mock: never count on them
            caps.remove(Capability.LAMBDA_JAVA);
        }
        return Target.emulator(TargetKind.ENDPOINT, uri, Set.copyOf(caps));
    }

    private static boolean isMiniStack(URI endpoint) {
        try {
            HttpResponse<String> r = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build().send(
                    HttpRequest.newBuilder(endpoint.resolve("/_ministack/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return r.statusCode() == 200 && r.body().contains("\"services\"");
        } catch (java.io.IOException e) {
            throw new TierlabException(ExitCode.UNREACHABLE, e, "error.target.unreachable", endpoint);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
        }
    }

    private static Target aws(String profile, String regionName) {
        AwsCredentialsProvider credentials = profile == null ? DefaultCredentialsProvider.builder().build()
                : ProfileCredentialsProvider.create(profile);
        Region region;
        try {
            region = regionName != null ? Region.of(regionName)
                    : profile != null ? new AwsProfileRegionProvider(null, profile).getRegion()
                    : new DefaultAwsRegionProviderChain().getRegion();
        } catch (SdkClientException e) {
            region = null;
        }
        if (region == null) {
            throw new TierlabException(ExitCode.USAGE, "error.target.noRegion");
        }
        try {
            credentials.resolveCredentials(); // fail here with a clear message, never print what was found
        } catch (SdkClientException e) {
            throw new TierlabException(ExitCode.FAILED, e, "error.target.noCredentials", profile == null ? "default" : profile);
        }
        return new Target(TargetKind.AWS, null, region, credentials, Capability.ofTargets());
    }
}
