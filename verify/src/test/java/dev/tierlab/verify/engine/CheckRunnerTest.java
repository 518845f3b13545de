package dev.tierlab.verify.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.Capability;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * The runner's decisions before a type runs: not verifiable first (it depends on the target only),
 * then blocked (nothing deployed, stale deploy, a value from a check that did not pass), then the type.
 */
class CheckRunnerTest {
    /** A deployed-scope type that passes when {@code value} is "ok" and can capture it. */
    record Probe(String value, String capture) {
    }

    static final class ProbeCheck implements CheckType<Probe> {
        final List<String> ran = new ArrayList<>();

        @Override
        public String name() {
            return "probe";
        }

        @Override
        public Class<Probe> parameters() {
            return Probe.class;
        }

        @Override
        public Scope scope() {
            return Scope.DEPLOYED;
        }

        @Override
        public Set<String> captures(Probe p) {
            return p.capture() == null ? Set.of() : Set.of(p.capture());
        }

        @Override
        public Verdict run(Probe p, CheckContext context) {
            ran.add(p.value());
            if ("missing".equals(p.value())) {
                throw new MissingResource("TicketsApi");
            }
            if (p.capture() != null && "ok".equals(p.value())) {
                context.vars().put(p.capture(), "V-1");
            }
            return Verdict.of("ok".equals(p.value()) || "V-1".equals(p.value()), "ok", String.valueOf(p.value()));
        }
    }

    record Spec(String id, String type, Integer points, List<String> needs, Map<String, Object> params, String standIn) implements CheckSpec {
        static Spec of(String id, List<String> needs, Map<String, Object> params) {
            return new Spec(id, "probe", 2, needs, params, null);
        }
    }

    /** The target's clients are not used by the probe; closing them is counted. */
    static final class Unused implements AwsApi {
        int closed;

        public software.amazon.awssdk.services.cloudformation.CloudFormationClient cloudFormation() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.apigateway.ApiGatewayClient apiGateway() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.lambda.LambdaClient lambda() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.dynamodb.DynamoDbClient dynamoDb() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.s3.S3Client s3() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.cloudwatchlogs.CloudWatchLogsClient logs() {
            throw new AssertionError("not used");
        }

        public software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient cognito() {
            throw new AssertionError("not used");
        }

        @Override
        public software.amazon.awssdk.services.wafv2.Wafv2Client wafv2() {
            throw new AssertionError("not used");
        }

        public java.util.Map<String, String> sign(String method, java.net.URI url, java.util.Map<String, String> headers, byte[] body,
                                                  String service) {
            throw new AssertionError("not used");
        }

        public String reachable(String url) {
            return url;
        }

        public void close() {
            closed++;
        }
    }

    private final ProbeCheck probe = new ProbeCheck();
    private final Unused aws = new Unused();
    private int connects;

    private CheckRunner runner(Deployment deployment, Set<Capability> targetCaps) {
        return runner(deployment, targetCaps, Set.of());
    }

    private CheckRunner runner(Deployment deployment, Set<Capability> targetCaps, Set<Capability> machine) {
        LocalProject none = new LocalProject() {
            public Build build() {
                throw new AssertionError();
            }

            public Tests unitTests() {
                throw new AssertionError();
            }

            public Invocation invoke(String function, String event) {
                throw new AssertionError();
            }

            public Ran run(List<String> command, Duration timeout) {
                throw new AssertionError();
            }
        };
        return new CheckRunner(new CheckTypes(List.of(probe)), new CheckRunner.Setup(Path.of("."), null, Set.of(), none, c -> Optional.empty(),
                new CheckRunner.Remote("sandbox", targetCaps, deployment, () -> {
                    connects++;
                    return new CheckRunner.Connection(targetCaps, aws);
                }), KeyTexts.INSTANCE, machine, visit -> {
                    throw new AssertionError("no browser in these tests");
                }));
    }

    private static final Deployment DEPLOYED = new Deployment("s", Map.of("Url", "http://x"), false);

    @Test
    void aMissingCapabilityIsNotVerifiableEvenWhenNothingIsDeployed() {
        try (CheckRunner r = runner(null, Set.of(Capability.APIGATEWAY_INVOKE))) {
            CheckResult nv = r.run(new Spec("mapped", "probe", 1, List.of("apigateway.invoke", "apigateway.mapping-templates"), Map.of("value", "ok"), "declared"));
            assertEquals(CheckStatus.NOT_VERIFIABLE, nv.status());
            assertEquals("check.r.standIn(sandbox, apigateway.mapping-templates, declared)", nv.found());
            CheckResult blocked = r.run(Spec.of("api", List.of("apigateway.invoke"), Map.of("value", "ok")));
            assertEquals(CheckStatus.BLOCKED, blocked.status());
            assertEquals("check.blocked.notDeployed", blocked.found());
            assertEquals(2, blocked.maxPoints(), "a blocked check's points can be earned: they count");
            CheckResult unknown = r.run(Spec.of("typo", List.of("lambda.jav"), Map.of("value", "ok")));
            assertEquals(CheckStatus.NOT_VERIFIABLE, unknown.status(), "an unknown capability is never assumed");
        }
        assertEquals(0, connects, "nothing deployed: the target is not contacted");
        assertEquals(List.of(), probe.ran);
    }

    @Test
    void aCapabilityOfTheMachineIsLookedForOnTheMachineWhateverTheTargetCanDo() {
        Deployment deployed = new Deployment("s", Map.of(), false);
        Spec page = new Spec("page", "probe", 1, List.of("browser"), Map.of("value", "ok"), "cors-headers");
        try (CheckRunner r = runner(deployed, Capability.ofTargets(), Set.of())) {
            CheckResult nv = r.run(page);
            assertEquals(CheckStatus.NOT_VERIFIABLE, nv.status(), "AWS can do everything a target can, but this machine has no browser");
            assertEquals("check.r.notOnMachineStandIn(browser, check.r.install.browser, cors-headers)", nv.found(),
                    "says what the machine lacks, what to install and what stands in");
        }
        assertEquals(List.of(), probe.ran);
        try (CheckRunner r = runner(deployed, Set.of(), Set.of(Capability.BROWSER))) {
            assertEquals(CheckStatus.PASSED, r.run(page).status(), "a machine with a browser runs it on any target");
        }
        assertEquals(List.of("ok"), probe.ran);
    }

    @Test
    void aStaleDeployBlocksAndSaysToDeploy() {
        try (CheckRunner r = runner(new Deployment("s", Map.of(), true), Set.of())) {
            CheckResult c = r.run(Spec.of("a", List.of(), Map.of("value", "ok")));
            assertEquals(CheckStatus.BLOCKED, c.status());
            assertEquals("check.blocked.stale", c.found());
        }
        assertEquals(1, aws.closed, "the connection is closed with the runner");
    }

    @Test
    void aValueFromACheckThatDidNotPassBlocksTheChecksThatNeedIt() {
        try (CheckRunner r = runner(DEPLOYED, Set.of())) {
            assertEquals(CheckStatus.FAILED, r.run(Spec.of("create", List.of(), Map.of("value", "no", "capture", "id"))).status());
            CheckResult read = r.run(Spec.of("read", List.of(), Map.of("value", "${vars.id}")));
            assertEquals(CheckStatus.BLOCKED, read.status());
            assertEquals("check.blocked.dependsOn(create, id)", read.found());
            CheckResult never = r.run(Spec.of("orphan", List.of(), Map.of("value", "${vars.nobody}")));
            assertEquals(CheckStatus.FAILED, never.status(), "no check captures it: the lab is wrong");
        }
    }

    @Test
    void capturedValuesReachLaterChecksAndOutputsAreFilled() {
        try (CheckRunner r = runner(DEPLOYED, Set.of())) {
            assertTrue(r.run(Spec.of("create", List.of(), Map.of("value", "ok", "capture", "id"))).passed());
            assertTrue(r.run(Spec.of("read", List.of(), Map.of("value", "${vars.id}"))).passed());
            CheckResult noOutput = r.run(Spec.of("out", List.of(), Map.of("value", "${outputs.Nope}")));
            assertEquals(CheckStatus.FAILED, noOutput.status());
            assertEquals("check.r.noOutput(Nope, Url)", noOutput.found());
        }
        assertEquals(List.of("ok", "V-1"), probe.ran);
        assertEquals(1, connects, "connected once for the run");
    }

    @Test
    void errorsOfTheTargetAreFailuresThatSaySo() {
        try (CheckRunner r = runner(DEPLOYED, Set.of())) {
            CheckResult missing = r.run(Spec.of("m", List.of(), Map.of("value", "missing")));
            assertEquals(CheckStatus.FAILED, missing.status());
            assertEquals("check.r.missing(TicketsApi)", missing.found());
            CheckResult unknownType = r.run(new Spec("u", "nope", 1, List.of(), Map.of(), null));
            assertEquals(CheckStatus.FAILED, unknownType.status());
        }
    }
}
