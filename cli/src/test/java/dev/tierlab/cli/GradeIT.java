package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.files.Bundled;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabFingerprint;
import dev.tierlab.lab.LabLoader;
import dev.tierlab.provision.DeployState;
import dev.tierlab.verify.report.ConsumerSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/**
 * {@code tierlab grade} on the api-gateway lab against the real sandbox, as a bootcamp's CI runs it:
 * every format, the exit codes 0 / 1 / 2, and nothing left deployed afterwards.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class GradeIT extends OnSandbox {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Lab lab() {
        return new LabLoader(dev.tierlab.course.ContentSource.directory(Bundled.folder("labs"))).load("api-gateway");
    }

    private static int checkCount() {
        return (int) lab().steps().stream().mapToLong(s -> s.checks().size()).sum();
    }

    private static int maxPoints() {
        return lab().steps().stream().flatMap(s -> s.checks().stream()).mapToInt(Lab.Check::points).sum();
    }

    private static Run grade(Map<String, String> env, String... args) {
        return Run.with(Run.env(sandbox.home, env, false), "", args);
    }

    @Test
    @Order(1)
    void aSolvedWorkspacePassesInEveryFormat() throws Exception {
        Path ws = sandbox.workspace(root.resolve("solved"), true);
        String sha = LabFingerprint.of(Bundled.folder("labs").resolve("api-gateway"), lab()).sha256();

        Path xml = root.resolve("reports/junit.xml");
        Run junit = grade(Map.of(), "grade", "--dir", ws.toString(), "--format", "junit", "--out", xml.toString(), "--keep");
        assertEquals(0, junit.code, junit.toString());
        assertTrue(junit.out.contains("PASS") && junit.out.contains("junit.xml"), junit.out);
        ConsumerSchemas.assertJunit(Files.readString(xml));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        Element suites = doc.getDocumentElement();
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(checkCount(), cases.getLength(), "one testcase per check");
        assertEquals(String.valueOf(cases.getLength()), suite.getAttribute("tests"));
        assertEquals(suite.getAttribute("tests"), suites.getAttribute("tests"));
        assertEquals("0", suite.getAttribute("failures"));
        assertEquals(String.valueOf(suite.getElementsByTagName("failure").getLength()), suite.getAttribute("failures"));
        assertEquals("1", suite.getAttribute("skipped"), "api-summary-mapped cannot be verified on the sandbox");
        assertEquals(String.valueOf(suite.getElementsByTagName("skipped").getLength()), suite.getAttribute("skipped"));
        assertEquals(sha, property(suite, "lab.sha256"));
        assertEquals("2/2", property(suite, "points.resources-and-methods.api-lists-tickets"));
        assertEquals(String.valueOf(maxPoints() - 1), property(suite, "max_score"), "without the point nobody can earn on the sandbox");
        assertEquals("true", property(suite, "complete"));
        java.util.regex.Matcher kept = java.util.regex.Pattern.compile("workspace copy (\\S+);").matcher(junit.err);
        assertTrue(kept.find(), "--keep says where the deployed copy is: " + junit.err);
        Path copy = Path.of(kept.group(1));
        assertTrue(DeployState.read(copy).isPresent(), "--keep keeps the stack of the copy grading deployed");
        assertFalse(DeployState.read(ws).isPresent(), "the learner's workspace is graded through a copy and not touched");
        Run destroyKept = Run.tierlab(sandbox.home, "destroy", "--dir", copy.toString());
        assertEquals(0, destroyKept.code, destroyKept.toString());
        dev.tierlab.files.FileTrees.delete(copy);

        // a deploy record the learner left (pointing anywhere) is not used, and stays as it was
        Path record = ws.resolve(DeployState.FILE);
        String planted = "{\"target\":\"endpoint\",\"endpoint\":\"http://127.0.0.1:1\",\"stack\":\"theirs\"}";
        Files.writeString(record, planted);

        Path githubOutput = root.resolve("github-output");
        Run classroom = grade(Map.of("GITHUB_OUTPUT", githubOutput.toString()), "grade", "--dir", ws.toString(),
                "--format", "classroom");
        assertEquals(0, classroom.code, classroom.toString());
        String base64 = classroom.out.strip();
        JsonNode graded = JSON.readTree(ConsumerSchemas.assertClassroom(base64));
        assertEquals(1, graded.get("version").asInt());
        assertEquals("pass", graded.get("status").asText());
        assertEquals(maxPoints() - 1, graded.get("max_score").asInt(), "without the one point nobody can earn on the sandbox");
        assertEquals(checkCount() - 1, graded.get("tests").size());
        assertEquals("api-gateway/non-proxy/api-summary-mapped", graded.get("not_verifiable").get(0).get("name").asText());
        for (JsonNode t : graded.get("tests")) {
            for (String field : List.of("name", "status", "score", "message", "test_code", "filename", "line_no", "duration")) {
                assertTrue(t.has(field), field + " in " + t);
            }
            assertTrue(t.get("line_no").asInt() > 0, "each check's line in lab.yaml: " + t);
        }
        assertEquals("result=" + base64, Files.readString(githubOutput).strip(), "the step output the grading reporter reads");

        Run json = grade(Map.of(), "grade", "--dir", ws.toString(), "--format", "json");
        assertEquals(0, json.code, json.toString());
        ConsumerSchemas.assertExercism(json.out);
        JsonNode results = JSON.readTree(json.out);
        assertEquals("pass", results.get("status").asText());
        assertEquals(maxPoints() - 1, results.get("max_score").asInt(), "the check that is not verifiable is not part of the score");
        assertEquals(results.get("max_score").asInt(), results.get("score").asInt(), "every point that can be earned here");
        assertEquals(checkCount() - 1, results.get("tests").size());
        assertEquals(1, results.get("not_verifiable").size());
        assertTrue(results.get("labs").get(0).get("complete").asBoolean());
        assertEquals("post-ticket", results.get("labs").get(0).get("solutions_seen").get(0).asText(), "the solution was applied");
        assertEquals(sha, results.get("labs").get(0).get("sha256").asText());
        assertEquals(planted, Files.readString(record), "grade never changes the learner's files");
        assertEquals(List.of(), sandbox.leaks(), "nothing tagged is left after grading");
    }

    @Test
    @Order(2)
    void theStarterFailsWithHintsAndTheHintsUsedAreReported() throws Exception {
        Path ws = sandbox.workspace(root.resolve("starter"), false);
        Run hint = Run.tierlab(sandbox.home, "hint", "post-ticket", "--dir", ws.toString());
        assertEquals(0, hint.code, hint.toString());

        Run text = grade(Map.of(), "grade", "--dir", ws.toString());
        assertEquals(1, text.code, text.toString());
        assertTrue(text.out.contains("✗ post-creates-ticket"), text.out);
        assertTrue(text.out.contains("POST /tickets must store the ticket"), "the failed check's hint: " + text.out);
        assertTrue(text.out.contains("FAIL"), text.out);
        assertTrue(text.out.contains("Not verifiable on sandbox, so not part of the score:\n    ? non-proxy/api-summary-mapped"),
                text.out);
        assertFalse(text.out.contains("is complete on sandbox"), text.out);

        Path report = root.resolve("starter.json");
        Run json = grade(Map.of(), "grade", "--dir", ws.toString(), "--format", "json", "--out", report.toString());
        assertEquals(1, json.code, json.toString());
        ConsumerSchemas.assertExercism(Files.readString(report));
        JsonNode results = JSON.readTree(report.toFile());
        assertEquals("fail", results.get("status").asText());
        assertEquals(1, results.get("labs").get(0).get("hints_used").get("post-ticket").asInt());
        for (JsonNode t : results.get("tests")) {
            if (t.get("name").asText().equals("api-gateway/post-ticket/post-creates-ticket")) {
                assertEquals("fail", t.get("status").asText());
                assertEquals(3, t.get("task_id").asInt(), "post-ticket is the third step");
            }
        }
        // code that does not compile: what can be earned on the sandbox is the same as for any submission
        Path broken = sandbox.workspace(root.resolve("broken-build"), false);
        Path handler = broken.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        Files.writeString(handler, Files.readString(handler) + "\nthis line does not compile\n");
        Run classroom = grade(Map.of(), "grade", "--dir", broken.toString(), "--format", "classroom");
        assertEquals(1, classroom.code, classroom.toString());
        JsonNode graded = JSON.readTree(java.util.Base64.getDecoder().decode(classroom.out.strip()));
        assertEquals(maxPoints() - 1, graded.get("max_score").asInt(), "the same max_score as a submission that compiles: " + graded);
        Path brokenReport = root.resolve("broken.json");
        assertEquals(1, grade(Map.of(), "grade", "--dir", broken.toString(), "--format", "json", "--out", brokenReport.toString()).code);
        ConsumerSchemas.assertExercism(Files.readString(brokenReport));
        assertEquals("error", JSON.readTree(brokenReport.toFile()).get("status").asText(), "exercism: the tests could not run");
    }

    @Test
    @Order(3)
    void aTargetThatDoesNotAnswerIsAnErrorWithExitCodeTwo() throws Exception {
        Path ws = sandbox.workspace(root.resolve("error"), true);
        Path xml = root.resolve("error.xml");
        Run run = grade(Map.of(), "grade", "--dir", ws.toString(), "--target", "endpoint",
                "--endpoint", "http://127.0.0.1:" + TestSandbox.freePort(), "--format", "junit", "--out", xml.toString());
        assertEquals(2, run.code, run.toString());
        assertTrue(run.err.contains("Grading stopped"), run.err);
        ConsumerSchemas.assertJunit(Files.readString(xml));
        Document doc = DocumentBuilderFactory.newInstance().newDocumentBuilder().parse(xml.toFile());
        assertEquals("1", doc.getDocumentElement().getAttribute("errors"));
    }

    @Test
    @Order(4)
    void aSubmissionWhoseFunctionExitsFailsAndLeavesNothing() throws Exception {
        Path ws = solvedWithListing("exits", "System.exit(0);\n            return null;");
        java.util.Set<Path> copies = gradeCopies();
        Path report = root.resolve("exits.json");
        Run run = grade(Map.of(), "grade", "--dir", ws.toString(), "--format", "json", "--out", report.toString());
        assertEquals(1, run.code, "a function that exits is a failed submission, not a pass: " + run);
        JsonNode results = JSON.readTree(report.toFile());
        assertEquals("fail", results.get("status").asText());
        assertTrue(results.toString().contains("Runtime.ExitError"), "the failed checks say why: " + results);
        assertEquals(List.of(), sandbox.leaks(), "what grading deployed is destroyed");
        assertEquals(copies, gradeCopies(), "the workspace copy is removed");
    }

    @Test
    @Order(5)
    void gradingThatRunsPastItsBoundReportsDestroysAndExitsTwo() throws Exception {
        Path ws = solvedWithListing("hangs", "long n = 0; while (n >= 0) { n = (n + 1) % 1000; }\n            return null;");
        java.util.Set<Path> copies = gradeCopies();
        Path report = root.resolve("hangs.json");
        long start = System.nanoTime();
        Run run = grade(Map.of(), "grade", "--dir", ws.toString(), "--format", "json", "--out", report.toString(), "--timeout", "75s");
        long seconds = (System.nanoTime() - start) / 1_000_000_000L;
        assertEquals(2, run.code, run.toString());
        assertTrue(seconds < 75 + 150, "bounded: " + seconds + " s");
        assertTrue(run.err.contains("time bound of 75 s"), run.err);
        ConsumerSchemas.assertExercism(Files.readString(report));
        assertEquals("error", JSON.readTree(report.toFile()).get("status").asText());
        assertEquals(List.of(), sandbox.leaks(), "what grading deployed is destroyed");
        assertEquals(copies, gradeCopies(), "the workspace copy is removed");
        assertEquals(2, grade(Map.of(), "grade", "--dir", ws.toString(), "--timeout", "soon").code, "a bad --timeout is a usage error");
    }

    /** A solved workspace whose GET /tickets runs {@code code} instead of answering. */
    private static Path solvedWithListing(String name, String code) throws java.io.IOException {
        Path ws = sandbox.workspace(root.resolve(name), true);
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        Files.writeString(handler, Files.readString(handler).replace("return json(200, repository.findAll());", code));
        return ws;
    }

    /** The temporary workspace copies grading made and has not removed. */
    private static java.util.Set<Path> gradeCopies() throws java.io.IOException {
        try (var list = Files.list(Path.of(System.getProperty("java.io.tmpdir")))) {
            return list.filter(p -> p.getFileName().toString().startsWith("tierlab-grade-api-gateway-"))
                    .collect(java.util.stream.Collectors.toSet());
        }
    }

    private static String property(Element suite, String name) {
        NodeList props = suite.getElementsByTagName("property");
        for (int i = 0; i < props.getLength(); i++) {
            Element p = (Element) props.item(i);
            if (p.getAttribute("name").equals(name)) {
                return p.getAttribute("value");
            }
        }
        return null;
    }
}
