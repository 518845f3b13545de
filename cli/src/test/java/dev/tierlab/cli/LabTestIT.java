package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.TestFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code tierlab lab test} on the real sandbox: the bundled api-gateway lab passes its self-test, and
 * external copies with a broken solution, or with a step whose starter already passes, fail it naming
 * the step. Each run leaves nothing deployed.
 */
class LabTestIT extends OnSandbox {
    @Test
    void theBundledLabPassesItsSelfTest() throws IOException {
        Run run = Run.tierlab(sandbox.home, "lab", "test", "api-gateway");
        assertEquals(0, run.code, run.toString());
        for (String step : List.of("resources-and-methods", "proxy-integration", "post-ticket", "non-proxy")) {
            assertTrue(run.out.lines().anyMatch(l -> l.startsWith(step + " ") && l.contains("✓") && !l.contains("✗")),
                    step + " is in the table and passes: " + run.out);
        }
        // two fail; the two that read the ticket the first one creates are blocked by it
        assertTrue(run.out.contains("post-ticket            ✓ fails (2 of 4 checks)"), "the starter of the task step fails: " + run.out);
        assertTrue(run.out.contains("leak scan finds nothing"), run.out);
        assertEquals(List.of(), sandbox.leaks());
    }

    @Test
    void theApiAuthLabPassesItsSelfTestWithRealRefusals() throws IOException {
        Run run = Run.tierlab(sandbox.home, "lab", "test", "api-auth");
        assertEquals(0, run.code, run.toString());
        for (String step : List.of("cognito", "java-authorizer", "iam-admin")) {
            assertTrue(run.out.lines().anyMatch(l -> l.startsWith(step + " ") && l.contains("✓ fails") && l.contains("✓ passes")),
                    step + ": the starter fails and the solution passes: " + run.out);
        }
        // every check of the solutions ran for real: the sandbox enforces Cognito and Lambda authorizers
        assertTrue(run.out.contains("cognito          ✓ fails (2 of 11 checks)  ✓ passes (11 of 11 checks)"), run.out);
        assertTrue(run.out.contains("leak scan finds nothing"), run.out);
        assertEquals(List.of(), sandbox.leaks());
    }

    @Test
    void theAccessControlLabPassesItsSelfTestWithRealRefusalsThrottlesAndQuotas() throws IOException {
        Run run = Run.tierlab(sandbox.home, "lab", "test", "access-control");
        assertEquals(0, run.code, run.toString());
        // the solutions pass their checks for real: no key and an unknown key are refused (403), the trial key
        // meets its quota and, in a burst, its plan's throttle (429), the web ACL is read back from WAF; only the
        // partner's per-method throttle is not verifiable (the sandbox ignores it as CloudFormation writes it)
        assertTrue(run.out.contains("api-keys    ✓ fails (1 of 8 checks)  ✓ passes (8 of 8 checks)"), run.out);
        assertTrue(run.out.contains("throttling  ✓ fails (6 of 9 checks)  ✓ passes (8 of 9 checks; 1 not verifiable here)"), run.out);
        assertTrue(run.out.contains("waf         ✓ fails (7 of 7 checks)  ✓ passes (7 of 7 checks)"), run.out);
        assertTrue(run.out.contains("leak scan finds nothing"), run.out);
        assertEquals(List.of(), sandbox.leaks());
    }

    @Test
    void thePresentationLabPassesItsSelfTestInARealBrowser() throws IOException {
        Run run = Run.tierlab(sandbox.home, "lab", "test", "presentation");
        assertEquals(0, run.code, run.toString());
        // the distribution serves the private bucket (the sandbox enforces the OAC grant); only a stranger's
        // request straight to the bucket is not verifiable there, as MiniStack's S3 refuses no anonymous request
        assertTrue(run.out.contains("private-site  ✓ fails (2 of 6 checks)  ✓ passes (5 of 6 checks; 1 not verifiable here)"), run.out);
        // the starter's own CorsHeaderTest fails with the project's tests, the preflight and the header are missing
        assertTrue(run.out.contains("cors          ✓ fails (4 of 5 checks)  ✓ passes (5 of 5 checks)"), run.out);
        // the cors step adds OPTIONS /tickets to a deployed API: tierlab deploys its stage again, as AWS needs
        assertTrue(run.err.contains("deployed the API's stages again ("), run.err);
        boolean browser = dev.tierlab.browser.Chromium.find(dev.tierlab.config.Environment.system()).isPresent();
        if (browser || "1".equals(System.getenv("TIERLAB_REQUIRE_BROWSER"))) {
            // headless Chromium loads the page through CloudFront, which calls the API across origins
            assertTrue(run.out.contains("app           ✓ fails (2 of 3 checks)  ✓ passes (3 of 3 checks)"), run.out);
        } else {
            assertTrue(run.out.contains("app           ✓ fails") && run.out.contains("2 not verifiable here"), run.out);
        }
        assertTrue(run.out.contains("leak scan finds nothing"), run.out);
        assertEquals(List.of(), sandbox.leaks());
    }

    @Test
    void theCloudFrontLabPassesItsSelfTestThroughTheDistribution() throws IOException {
        Run run = Run.tierlab(sandbox.home, "lab", "test", "cloudfront");
        assertEquals(0, run.code, run.toString());
        boolean browser = dev.tierlab.browser.Chromium.find(dev.tierlab.config.Environment.system()).isPresent()
                || "1".equals(System.getenv("TIERLAB_REQUIRE_BROWSER"));
        // /api/* reaches the API through the distribution on the sandbox: the template's OnAws origin
        // becomes the sandbox's own address with the EdgePort tierlab deploy passes
        assertTrue(run.out.contains(browser ? "api-behaviour  ✓ fails (5 of 8 checks)  ✓ passes (8 of 8 checks)"
                : "api-behaviour  ✓ fails (5 of 8 checks)  ✓ passes (6 of 8 checks; 2 not verifiable here)"), run.out);
        // MiniStack caches nothing: neither the repeated request's hit nor the API's miss is verifiable there,
        // the template checks stand in
        assertTrue(run.out.contains("caching        ✓ fails (4 of 8 checks)  ✓ passes (6 of 8 checks; 2 not verifiable here)"), run.out);
        // the redirect and the viewer-response function's headers are served for real
        assertTrue(run.out.contains(browser ? "hardening      ✓ fails (4 of 5 checks)  ✓ passes (5 of 5 checks)"
                : "hardening      ✓ fails (4 of 5 checks)  ✓ passes (4 of 5 checks; 1 not verifiable here)"), run.out);
        // each deploy invalidates the cached site, so the files just published are what a viewer gets
        assertTrue(run.err.contains("cleared the distribution's cache for the new files"), run.err);
        assertTrue(run.out.contains("leak scan finds nothing"), run.out);
        assertEquals(List.of(), sandbox.leaks());
    }

    @Test
    void theLeakScanFindsWhatADeletedStackLeftBehindByName() throws IOException {
        int port = new com.fasterxml.jackson.databind.ObjectMapper().readTree(sandbox.home.resolve("sandbox/sandbox.json").toFile())
                .get("port").asInt();
        var target = dev.tierlab.provision.Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX,
                java.net.URI.create("http://127.0.0.1:" + port), java.util.Set.of());
        String stack = "tierlab-api-auth-0badc0de";
        var state = new dev.tierlab.provision.DeployState(dev.tierlab.provision.TargetKind.SANDBOX, null, "us-east-1", "000000000000",
                stack, null, null, null, null, null, null, null);
        try (var aws = new dev.tierlab.provision.AwsClients(target)) {
            var deployer = new dev.tierlab.provision.Deployer(aws, null);
            assertEquals(List.of(), deployer.leaksOf(state), "the control: nothing of that name yet");
            String pool = aws.cognito().createUserPool(b -> b.poolName(stack + "-users")).userPool().id();
            String key = aws.apiGateway().createApiKey(b -> b.name(stack + "-partner").enabled(true)).id();
            var acl = aws.wafv2().createWebACL(b -> b.name(stack + "-tickets").scope(software.amazon.awssdk.services.wafv2.model.Scope.REGIONAL)
                    .defaultAction(a -> a.allow(x -> { }))
                    .visibilityConfig(v -> v.sampledRequestsEnabled(false).cloudWatchMetricsEnabled(false).metricName("leak"))).summary();
            String bucket = stack + "-sitebucket-1a2b3c";
            aws.s3().createBucket(b -> b.bucket(bucket));
            var oac = aws.cloudFront().createOriginAccessControl(b -> b.originAccessControlConfig(c -> c.name(stack + "-site")
                    .originAccessControlOriginType("s3").signingBehavior("always").signingProtocol("sigv4"))).originAccessControl();
            var policy = aws.cloudFront().createCachePolicy(b -> b.cachePolicyConfig(c -> c.name(stack + "-site").minTTL(0L)
                    .defaultTTL(60L).maxTTL(120L).parametersInCacheKeyAndForwardedToOrigin(k -> k.enableAcceptEncodingGzip(false)
                            .headersConfig(h -> h.headerBehavior("none")).cookiesConfig(h -> h.cookieBehavior("none"))
                            .queryStringsConfig(h -> h.queryStringBehavior("none"))))).cachePolicy();
            try {
                List<String> left = deployer.leaksOf(state);
                assertTrue(left.contains("bucket " + bucket), left.toString());
                assertTrue(left.contains("origin access control " + stack + "-site"), left.toString());
                assertTrue(left.contains("cache policy " + stack + "-site"), left.toString());
                assertTrue(left.contains("user pool " + stack + "-users"), left.toString());
                assertTrue(left.contains("API key " + stack + "-partner"), left.toString());
                assertTrue(left.contains("web ACL " + stack + "-tickets"), left.toString());
            } finally {
                aws.s3().deleteBucket(b -> b.bucket(bucket));
                aws.cloudFront().deleteOriginAccessControl(b -> b.id(oac.id()).ifMatch(
                        aws.cloudFront().getOriginAccessControl(g -> g.id(oac.id())).eTag()));
                aws.cloudFront().deleteCachePolicy(b -> b.id(policy.id()).ifMatch(aws.cloudFront().getCachePolicy(g -> g.id(policy.id())).eTag()));
                aws.cognito().deleteUserPool(b -> b.userPoolId(pool));
                aws.apiGateway().deleteApiKey(b -> b.apiKey(key));
                aws.wafv2().deleteWebACL(b -> b.name(acl.name()).id(acl.id()).lockToken(acl.lockToken())
                        .scope(software.amazon.awssdk.services.wafv2.model.Scope.REGIONAL));
            }
            assertEquals(List.of(), deployer.leaksOf(state));
        }
    }

    @Test
    void aBrokenSolutionFailsNamingTheStep() throws IOException {
        Path labs = root.resolve("broken-solution");
        Path lab = TestFiles.copyLab("api-gateway", labs);
        TestFiles.edit(lab.resolve("solution/post-ticket/tickets-api/src/main/java/__packagePath__/TicketsHandler.java.ftl"),
                "return json(201, created);", "return json(500, created);");
        Run run = Run.tierlab(sandbox.home, "--labs-dir", labs.toString(), "--trust", "lab", "test", "api-gateway");
        assertEquals(6, run.code, run.toString());
        assertTrue(run.out.contains("fails its self-test in: post-ticket."), run.out);
        assertTrue(run.out.lines().anyMatch(l -> l.startsWith("post-ticket") && l.contains("✗ fails: post-creates-ticket")), run.out);
        assertKeptWorkspaceIsNotDeployed(run);
    }

    @Test
    void aStarterThatAlreadyPassesFailsNamingTheStep() throws IOException {
        Path labs = root.resolve("starter-passes");
        Path lab = TestFiles.copyLab("api-gateway", labs);
        String yaml = Files.readString(lab.resolve("lab.yaml"));
        int from = yaml.indexOf("    solution: solution/post-ticket\n    checks:\n");
        int to = yaml.indexOf("  - id: non-proxy");
        assertTrue(from > 0 && to > from, "the test rewrites the post-ticket checks");
        Files.writeString(lab.resolve("lab.yaml"), yaml.substring(0, from) + """
                    solution: solution/post-ticket
                    checks:
                      - id: proxy-still-declared
                        type: file-contains
                        params: {file: infra/template.yml, contains: "AWS_PROXY"}
                        hint: {en: "Keep the proxy integrations.", ko: "프록시 통합을 그대로 두세요."}

                """ + yaml.substring(to));
        Run run = Run.tierlab(sandbox.home, "--labs-dir", labs.toString(), "--trust", "lab", "test", "api-gateway");
        assertEquals(6, run.code, run.toString());
        assertTrue(run.err.contains("notice: lab api-gateway from"), "the override is announced: " + run.err);
        assertTrue(run.out.contains("fails its self-test in: post-ticket."), run.out);
        assertTrue(run.out.lines().anyMatch(l -> l.startsWith("post-ticket") && l.contains("✗ already passes")), run.out);
        assertKeptWorkspaceIsNotDeployed(run);
    }

    private static void assertKeptWorkspaceIsNotDeployed(Run run) throws IOException {
        String prefix = "The workspace is kept to look at: ";
        String kept = run.out.lines().filter(l -> l.startsWith(prefix)).findFirst().orElseThrow().substring(prefix.length());
        assertTrue(Files.isDirectory(Path.of(kept)), "the failing workspace is kept: " + kept);
        assertFalse(Files.exists(Path.of(kept).resolve(dev.tierlab.provision.DeployState.FILE)), "but nothing of it stays deployed");
        assertEquals(List.of(), sandbox.leaks());
        dev.tierlab.files.FileTrees.delete(Path.of(kept));
    }
}
