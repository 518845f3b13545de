package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabLoader;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Target;
import dev.tierlab.provision.Targets;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The core loop on the real sandbox, through the commands a learner types: from an empty home the
 * sandbox starts (MiniStack from PyPI), the api-gateway lab's solution deploys, every check passes
 * (the http ones through API Gateway and tierlab's executor into the Java handler), a broken copy
 * fails exactly the expected checks, a template error names the failed resource, and destroy leaves
 * nothing tagged. Never skipped: when the sandbox cannot start, these tests fail.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DeployIT extends OnSandbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Path workspace(String name, boolean solved) {
        return sandbox.workspace(root.resolve(name), solved);
    }

    /** Check id → status (passed, failed, not-verifiable), and the failed checks' hints. */
    private static Map<String, JsonNode> check(Path ws, int expectedExit) throws IOException {
        Run check = Run.tierlab(sandbox.home, "check", "--json", "--dir", ws.toString());
        assertEquals(expectedExit, check.code, check.toString());
        Map<String, JsonNode> byId = new TreeMap<>();
        JSON.readTree(check.out).get("checks").forEach(c -> byId.put(c.get("id").asText(), c));
        return byId;
    }

    private static Set<String> idsWith(Map<String, JsonNode> results, String status) {
        Set<String> ids = new TreeSet<>();
        results.forEach((id, r) -> {
            if (r.get("status").asText().equals(status)) {
                ids.add(id);
            }
        });
        return ids;
    }

    private static Lab lab() {
        return new LabLoader(dev.tierlab.course.ContentSource.directory(dev.tierlab.files.Bundled.folder("labs"))).load("api-gateway");
    }

    @Test
    @Order(1)
    void theSolutionDeploysPassesEveryCheckAndIsDestroyedWithoutLeaks() throws Exception {
        Path ws = workspace("solved", true);
        Run deploy = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(0, deploy.code, deploy.toString());
        assertTrue(deploy.out.contains("+ Add     TicketsFunction"), "the plan lists the function: " + deploy.out);
        assertTrue(deploy.out.contains("CREATE_COMPLETE"), "stack events are shown: " + deploy.out);
        assertTrue(deploy.out.contains("ApiUrl = http://127.0.0.1:"), "the API URL is shown reachable: " + deploy.out);

        Map<String, JsonNode> results = check(ws, 0);
        assertEquals(Set.of("api-summary-mapped"), idsWith(results, "not-verifiable"), "the one check the sandbox cannot verify");
        assertEquals(Set.of(), idsWith(results, "failed"), "every other check passes");
        assertEquals(Set.of(), idsWith(results, "blocked"), "nothing is blocked");
        assertTrue(results.get("api-summary-mapped").get("found").asText().contains("non-proxy-integration-deployed"),
                "the configuration check that stands in is named");
        int lambdaChecks = (int) lab().steps().stream().flatMap(s -> s.checks().stream()).count();
        assertEquals(lambdaChecks, results.size(), "every check of every step ran");

        // an HTTP request through API Gateway reaches the Java handler: the ticket POSTed by the check is listed
        DeployState state = DeployState.read(ws).orElseThrow();
        Target target = Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX, URI.create(state.endpoint()), Set.of());
        HttpResponse<String> list = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create(target.reachable(state.outputs().get("ApiUrl")) + "/tickets")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, list.statusCode(), list.body());
        assertTrue(list.body().contains("Printer on fire"), "the handler read the ticket from DynamoDB: " + list.body());

        Run again = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(0, again.code, again.toString());
        assertTrue(again.out.contains("No changes"), again.out);

        // the learner changes the code after deploying: what is deployed is not judged as theirs, once, with what to do
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        String source = Files.readString(handler);
        Files.writeString(handler, source + "\n// a change after the deploy\n");
        Run stale = Run.tierlab(sandbox.home, "check", "--dir", ws.toString());
        assertEquals(6, stale.code, "blocked checks are not earned: " + stale);
        assertEquals(1, stale.out.split("checks not run:", -1).length - 1, "the reason once: " + stale.out);
        assertTrue(stale.out.contains("checks not run: your local code or template is newer"), stale.out);
        Map<String, JsonNode> blocked = check(ws, 6);
        assertEquals("blocked", blocked.get("api-lists-tickets").get("status").asText(), blocked.get("api-lists-tickets").toString());
        assertEquals("blocked", blocked.get("stack-deployed").get("status").asText());
        assertEquals("passed", blocked.get("get-tickets-returns-list").get("status").asText(), "workspace checks still run");
        assertEquals("not-verifiable", blocked.get("api-summary-mapped").get("status").asText(), "what the target cannot do comes first");
        Files.writeString(handler, source);
        assertEquals(Set.of(), idsWith(check(ws, 0), "blocked"), "the same sources as deployed: nothing is blocked");

        Run destroy = Run.tierlab(sandbox.home, "destroy", "--dir", ws.toString());
        assertEquals(0, destroy.code, destroy.toString());
        assertFalse(Files.exists(ws.resolve(DeployState.FILE)), "the deploy record is gone");
        assertEquals(java.util.List.of(), sandbox.leaks(), "nothing tagged is left after destroy");
    }

    @Test
    @Order(2)
    void aBrokenSolutionFailsExactlyTheExpectedChecksWithTheirHints() throws Exception {
        Path ws = workspace("broken", true);
        Path template = ws.resolve("infra/template.yml");
        String yaml = Files.readString(template);
        int method = yaml.indexOf("  GetTicketMethod:");
        int proxy = yaml.indexOf("Type: AWS_PROXY", method);
        Files.writeString(template, yaml.substring(0, proxy) + "Type: AWS" + yaml.substring(proxy + "Type: AWS_PROXY".length()));
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        String java = Files.readString(handler);
        assertTrue(java.contains("return json(200, repository.findAll());"));
        Files.writeString(handler, java.replace("return json(200, repository.findAll());",
                "return json(500, Map.of(\"message\", \"broken on purpose\"));"));

        Run deploy = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(0, deploy.code, deploy.toString());
        Map<String, JsonNode> results = check(ws, 6);
        Set<String> failed = idsWith(results, "failed");
        assertEquals(new TreeSet<>(Set.of("unit-tests-pass", "get-tickets-returns-list", "api-lists-tickets",
                "proxy-integration-deployed", "api-unknown-ticket-404", "api-reads-new-ticket")), failed);
        Map<String, String> hints = new TreeMap<>();
        lab().steps().forEach(s -> s.checks().forEach(c -> hints.put(c.id(), c.hint().en())));
        for (String id : failed) {
            assertEquals(hints.get(id), results.get(id).get("hint").asText(), "the hint of " + id);
        }
        assertTrue(results.get("proxy-integration-deployed").get("found").asText().contains("integrationType = AWS"),
                results.get("proxy-integration-deployed").toString());
        assertTrue(results.get("api-lists-tickets").get("found").asText().contains("status 500"),
                results.get("api-lists-tickets").toString());
        assertEquals(0, Run.tierlab(sandbox.home, "destroy", "--dir", ws.toString()).code);
    }

    @Test
    @Order(3)
    void aTemplateErrorNamesTheFailedResourceAndTheNextDeployConverges() throws Exception {
        Path ws = workspace("template-error", false);
        Path template = ws.resolve("infra/template.yml");
        String good = Files.readString(template);
        // an attribute DynamoDB tables do not have: CloudFormation fails the resource that uses it
        Files.writeString(template, good.replace("Resource: !GetAtt TicketsTable.Arn", "Resource: !GetAtt TicketsTable.NoSuchAttr"));
        Run bad = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(6, bad.code, bad.toString());
        assertTrue(bad.err.contains("TicketsFunctionRole") && bad.err.contains("NoSuchAttr"),
                "the failed resource and the reason are named: " + bad.err);

        Files.writeString(template, good);
        Run fixed = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(0, fixed.code, fixed.toString());
        assertTrue(fixed.out.contains("Deployed stack"), fixed.out);

        // a deploy that was interrupted (Ctrl-C, closed terminal) leaves its pending mark; the next command says so
        DeployState.read(ws).orElseThrow().withPending(new DeployState.Pending("deploy", "2026-11-27T10:00:00Z")).write(ws);
        Run unchanged = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(0, unchanged.code, unchanged.toString());
        assertTrue(unchanged.err.contains("the last deploy (started 2026-11-27T10:00:00Z) was interrupted"), unchanged.err);
        assertTrue(unchanged.out.contains("No changes"), unchanged.out);
        assertEquals(null, DeployState.read(ws).orElseThrow().pending(), "the stack's real state was picked up");
        Files.writeString(template, good.replace("Type: AWS::DynamoDB::Table", "Type: AWS::DynamoDB::Tabel"));
        Run rejected = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString());
        assertEquals(6, rejected.code, rejected.toString());
        assertTrue(rejected.err.contains("AWS::DynamoDB::Tabel"), "the change set's rejection is shown: " + rejected.err);

        Run all = Run.tierlab(sandbox.home, "destroy", "--all", "--yes");
        assertEquals(0, all.code, all.toString());
        assertTrue(all.out.contains("nothing tagged by tierlab is left"), all.out);
    }

    @Test
    @Order(4)
    void otherTargetsSayWhatTheyNeed() throws Exception {
        Path ws = workspace("targets", false);
        String sandboxUrl = "http://127.0.0.1:" + JSON.readTree(sandbox.home.resolve("sandbox/sandbox.json").toFile()).get("port").asInt();
        Target endpoint = new Targets(Run.env(sandbox.home, Map.of("AWS_ENDPOINT_URL", sandboxUrl), false),
                new dev.tierlab.provision.Sandbox(sandbox.home, s -> { }), s -> { }).resolve(new Targets.Request(dev.tierlab.provision.TargetKind.ENDPOINT, null, null, null));
        assertEquals(URI.create(sandboxUrl), endpoint.endpoint(), "AWS_ENDPOINT_URL is honoured");
        assertTrue(endpoint.capabilities().contains(dev.tierlab.verify.Capability.APIGATEWAY_INVOKE));
        assertFalse(endpoint.capabilities().contains(dev.tierlab.verify.Capability.LAMBDA_JAVA),
                "a MiniStack reached as a plain endpoint has no tierlab executor behind it: Java checks are not verifiable");

        Run badUrl = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString(), "--target", "endpoint", "--endpoint", "localhost:4566");
        assertEquals(2, badUrl.code, badUrl.toString());
        assertTrue(badUrl.err.contains("is not an http(s) URL"), badUrl.err);

        Run noToken = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString(), "--target", "localstack");
        assertEquals(2, noToken.code, noToken.toString());
        assertTrue(noToken.err.contains("LOCALSTACK_AUTH_TOKEN"), noToken.err);

        String why = Targets.dockerUnavailable();
        if (why != null) {
            Run floci = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString(), "--target", "floci");
            assertEquals(6, floci.code, floci.toString());
            assertTrue(floci.err.contains("runs in a container") && floci.err.contains("sandbox"), floci.err);
        } else {
            System.out.println("DeployIT: Docker is available; the floci deploy is tested by ContainerTargetsIT");
        }

        Run aws = Run.tierlab(sandbox.home, "deploy", "--dir", ws.toString(), "--target", "aws", "--region", "us-east-1",
                "--profile", "tierlab-test-no-such-profile");
        assertEquals(6, aws.code, aws.toString());
        assertTrue(aws.err.contains("no AWS credentials were found (profile: tierlab-test-no-such-profile)"), aws.err);
        assertFalse(Files.exists(ws.resolve(DeployState.FILE)), "nothing was recorded as deployed");
    }

    @Test
    @Order(5)
    void aCancelledConfirmationLeavesNoStackInReview() throws Exception {
        Path ws = workspace("cancelled", true);
        Lab lab = new LabLoader(dev.tierlab.course.ContentSource.directory(dev.tierlab.files.Bundled.folder("labs"))).load("api-gateway");
        int port = JSON.readTree(sandbox.home.resolve("sandbox/sandbox.json").toFile()).get("port").asInt();
        Target target = Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX, URI.create("http://127.0.0.1:" + port), Set.of());
        dev.tierlab.build.ProjectBuilder builder = new dev.tierlab.build.ProjectBuilder(
                Path.of(System.getProperty("user.home"), ".m2/repository"), x -> { });
        try (dev.tierlab.provision.AwsClients aws = new dev.tierlab.provision.AwsClients(target)) {
            dev.tierlab.provision.Deployer deployer = new dev.tierlab.provision.Deployer(aws, new dev.tierlab.provision.Deployer.Listener() {
                @Override
                public void progress(String key, Object... args) {
                }

                @Override
                public boolean confirm(dev.tierlab.provision.Deployer.Plan plan) {
                    // Ctrl-C at the question in the shell
                    throw new dev.tierlab.error.TierlabException(dev.tierlab.error.ExitCode.CANCELLED, "error.cancelled");
                }

                @Override
                public void event(software.amazon.awssdk.services.cloudformation.model.StackEvent event) {
                }
            });
            String stack = dev.tierlab.provision.Deployer.stackName("api-gateway", ws);
            dev.tierlab.error.TierlabException e = org.junit.jupiter.api.Assertions.assertThrows(dev.tierlab.error.TierlabException.class,
                    () -> deployer.deploy("api-gateway", ws, lab.deploy(), dir -> builder.packaged(dev.tierlab.build.MavenProject.read(dir), p -> { })));
            assertEquals(dev.tierlab.error.ExitCode.CANCELLED, e.exitCode());
            boolean left = aws.cloudFormation().describeStacksPaginator(b -> { }).stacks().stream()
                    .anyMatch(st -> st.stackName().equals(stack)
                            && st.stackStatus() != software.amazon.awssdk.services.cloudformation.model.StackStatus.DELETE_COMPLETE);
            assertFalse(left, "no REVIEW_IN_PROGRESS stack is left behind by a cancelled plan");
        }
        assertEquals(0, Run.tierlab(sandbox.home, "destroy", "--dir", ws.toString(), "--yes").code, "its artifacts go with destroy");
    }

    /** A lab of data only: a private bucket behind a distribution (OAC), and a site with its config script. */
    private static final String SITE_LAB = """
            id: site-demo
            chapter: presentation
            title: {en: "Site demo", ko: "사이트 예제"}
            summary: {en: "A private bucket behind CloudFront.", ko: "CloudFront 뒤의 비공개 버킷입니다."}
            deploy:
              template: infra/template.yml
              site:
                dir: site
                bucket: SiteBucket
                config: {file: config.js, values: {bucket: "${outputs.BucketName}"}}
            steps:
              - id: publish
                title: {en: "Publish", ko: "게시"}
                instructions: {en: steps/publish.en.md, ko: steps/publish.ko.md}
                checks:
                  - id: site-answers
                    type: http
                    points: 1
                    params: {url: "${outputs.SiteUrl}/", expectStatus: 200, expectHeaders: {content-type: text/html}}
                    hint: {en: "Deploy.", ko: "배포하세요."}
            """;

    private static final String SITE_TEMPLATE = """
            AWSTemplateFormatVersion: "2010-09-09"
            Resources:
              SiteBucket:
                Type: AWS::S3::Bucket
              SiteOac:
                Type: AWS::CloudFront::OriginAccessControl
                Properties:
                  OriginAccessControlConfig:
                    Name: !Sub "${AWS::StackName}-site"
                    OriginAccessControlOriginType: s3
                    SigningBehavior: always
                    SigningProtocol: sigv4
              SiteDistribution:
                Type: AWS::CloudFront::Distribution
                Properties:
                  DistributionConfig:
                    Enabled: true
                    DefaultRootObject: index.html
                    Origins:
                      - Id: site
                        DomainName: !GetAtt SiteBucket.RegionalDomainName
                        S3OriginConfig: {OriginAccessIdentity: ""}
                        OriginAccessControlId: !GetAtt SiteOac.Id
                    DefaultCacheBehavior:
                      TargetOriginId: site
                      ViewerProtocolPolicy: redirect-to-https
                      CachePolicyId: 4135ea2d-6df8-44a3-9df3-4b5a84be39ad
              SiteBucketPolicy:
                Type: AWS::S3::BucketPolicy
                Properties:
                  Bucket: !Ref SiteBucket
                  PolicyDocument:
                    Version: "2012-10-17"
                    Statement:
                      - Effect: Allow
                        Principal: {Service: cloudfront.amazonaws.com}
                        Action: s3:GetObject
                        Resource: !Sub "${SiteBucket.Arn}/*"
                        Condition:
                          StringEquals:
                            "AWS:SourceArn": !Sub "arn:${AWS::Partition}:cloudfront::${AWS::AccountId}:distribution/${SiteDistribution}"
            Outputs:
              SiteUrl:
                Value: !Sub "https://${SiteDistribution.DomainName}"
              BucketName:
                Value: !Ref SiteBucket
            """;

    @Test
    @Order(6)
    void aSiteIsPublishedWithItsConfigOpenForwardsToTheDistributionAndDestroyEmptiesTheBucket() throws Exception {
        Path labs = root.resolve("site-labs");
        Files.createDirectories(labs.resolve("site-demo/steps"));
        Files.writeString(labs.resolve("labs.yaml"), "labs:\n  - site-demo\n");
        Files.writeString(labs.resolve("site-demo/lab.yaml"), SITE_LAB);
        Files.writeString(labs.resolve("site-demo/steps/publish.en.md"), "# Publish\n\nRun tierlab deploy.\n");
        Files.writeString(labs.resolve("site-demo/steps/publish.ko.md"), "# 게시\n\ntierlab deploy를 실행하세요.\n");
        Path ws = root.resolve("site-ws");
        String[] external = {"--labs-dir", labs.toString(), "--trust"};
        Run start = Run.tierlab(sandbox.home, concat(external, "lab", "start", "site-demo", "--dir", ws.toString()));
        assertEquals(0, start.code, start.toString());
        Files.createDirectories(ws.resolve("infra"));
        Files.writeString(ws.resolve("infra/template.yml"), SITE_TEMPLATE);
        Files.createDirectories(ws.resolve("site"));
        Files.writeString(ws.resolve("site/index.html"), "<!doctype html><title>Tickets</title><p>deployed page</p>");
        Files.writeString(ws.resolve("site/old.txt"), "removed before the second deploy");

        Run notYet = Run.tierlab(sandbox.home, concat(external, "open", "--dir", ws.toString()));
        assertEquals(dev.tierlab.error.ExitCode.NOT_FOUND.code(), notYet.code, notYet.toString());
        assertTrue(notYet.err.contains("tierlab deploy"), "says what to do: " + notYet.err);

        Run deploy = Run.tierlab(sandbox.home, concat(external, "deploy", "--dir", ws.toString()));
        assertEquals(0, deploy.code, deploy.toString());
        DeployState state = DeployState.read(ws).orElseThrow();
        String bucket = state.outputs().get("BucketName");
        assertEquals(bucket, state.site(), "the state remembers the bucket destroy must empty");
        Run check = Run.tierlab(sandbox.home, concat(external, "check", "--dir", ws.toString()));
        assertEquals(0, check.code, "the distribution serves index.html from the private bucket: " + check);

        // tierlab open, as a learner runs it: a local URL until Ctrl-C (here: the thread is interrupted)
        java.io.StringWriter out = new java.io.StringWriter();
        int[] code = {-1};
        Thread open = new Thread(() -> code[0] = Main.run(Run.env(sandbox.home, Map.of(), false), java.io.InputStream.nullInputStream(),
                new java.io.PrintWriter(out, true), new java.io.PrintWriter(new java.io.StringWriter(), true),
                concat(external, "open", "--dir", ws.toString())));
        open.start();
        java.util.regex.Matcher local = null;
        for (int i = 0; i < 300 && (local == null || !local.find()); i++) {
            Thread.sleep(100);
            local = java.util.regex.Pattern.compile("http://127\\.0\\.0\\.1:\\d+/").matcher(out.toString());
        }
        assertTrue(local != null && local.find(0), "open prints a local URL: " + out);
        String url = local.group();
        HttpClient http = HttpClient.newHttpClient();
        HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(url)).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, page.statusCode(), page.body());
        assertTrue(page.body().contains("deployed page"), page.body());
        assertTrue(page.headers().firstValue("content-type").orElse("").startsWith("text/html"), page.headers().toString());
        HttpResponse<String> config = http.send(HttpRequest.newBuilder(URI.create(url + "config.js")).build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(200, config.statusCode(), config.body());
        int assignment = config.body().indexOf("window.APP_CONFIG = ");
        assertTrue(assignment >= 0, config.body());
        String values = config.body().substring(assignment + "window.APP_CONFIG = ".length()).replaceFirst(";\\s*$", "");
        assertEquals(bucket, JSON.readTree(values).get("bucket").asText(), config.body());
        open.interrupt();
        open.join(10_000);
        assertFalse(open.isAlive(), "open stops at Ctrl-C");
        assertEquals(0, code[0], out.toString());
        assertTrue(out.toString().contains("Stopped forwarding."), out.toString());

        // a file removed from site/ is removed from the bucket by the next deploy
        Files.delete(ws.resolve("site/old.txt"));
        Files.writeString(ws.resolve("site/index.html"), "<!doctype html><title>Tickets</title><p>second deploy</p>");
        Run again = Run.tierlab(sandbox.home, concat(external, "deploy", "--dir", ws.toString()));
        assertEquals(0, again.code, again.toString());
        Target target = Target.emulator(dev.tierlab.provision.TargetKind.SANDBOX, URI.create(state.endpoint()), Set.of());
        try (dev.tierlab.provision.AwsClients aws = new dev.tierlab.provision.AwsClients(target)) {
            Set<String> keys = new TreeSet<>();
            aws.s3().listObjectsV2Paginator(b -> b.bucket(bucket)).contents().forEach(o -> keys.add(o.key()));
            assertEquals(Set.of("config.js", "index.html"), keys);
        }

        Run destroy = Run.tierlab(sandbox.home, concat(external, "destroy", "--dir", ws.toString(), "--yes"));
        assertEquals(0, destroy.code, destroy.toString());
        assertEquals(java.util.List.of(), sandbox.leaks());
    }

    private static String[] concat(String[] first, String... rest) {
        String[] all = java.util.Arrays.copyOf(first, first.length + rest.length);
        System.arraycopy(rest, 0, all, first.length, rest.length);
        return all;
    }
}
