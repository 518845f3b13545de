package dev.tierlab.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every format from one model, each checked against its consumer's own schema. */
class ReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestOutcome outcome(CheckResult r, String step, int task, String message) {
        return TestOutcome.of(r, step, task, "http", message, "api-gateway/lab.yaml", 10 + task, 250, "http GET /tickets");
    }

    private static final String BLOCKED_REASON = "your local code is newer than what is deployed: run tierlab deploy";

    private static LabGrade lab(String message, boolean incomplete) {
        List<TestOutcome> tests = List.of(
                outcome(CheckResult.passed("builds", 2, "compiles", "compiled"), "one", 1, null),
                outcome(CheckResult.failed("lists", 3, "status 200", "status 500"), "one", 1, "Return 200 with a list."),
                outcome(new CheckResult("stored", CheckStatus.BLOCKED, 0, 4, "an item", "not checked"), "one", 1, BLOCKED_REASON),
                outcome(new CheckResult("mapped", CheckStatus.NOT_VERIFIABLE, 0, 1, "mapping templates", "not on sandbox"), "two", 2,
                        "not verifiable on sandbox (needs apigateway.mapping-templates)").penalized(1));
        return new LabGrade("api-gateway", "Tickets API", "/ws", "ab".repeat(32), tests,
                new TreeMap<>(Map.of("one", 2)), List.of("two"), message, incomplete);
    }

    private static GradeReport report(String error) {
        return new GradeReport("1.2.3", "2026-11-27T16:00:00Z", "sandbox", List.of(lab(null, false)), error);
    }

    private static JsonNode json(GradeReport report) throws Exception {
        String text = JsonReport.write(report);
        ConsumerSchemas.assertExercism(text);
        return JSON.readTree(text);
    }

    private static Document junit(GradeReport report) throws Exception {
        String xml = JunitReport.write(report);
        ConsumerSchemas.assertJunit(xml);
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }

    private static JsonNode classroom(GradeReport report) throws Exception {
        return JSON.readTree(ConsumerSchemas.assertClassroom(ClassroomReport.write(report)));
    }

    @Test
    void jsonIsExercismV3AndListsWhatIsNotVerifiableApart() throws Exception {
        JsonNode doc = json(report(null));
        assertEquals(3, doc.get("version").asInt());
        assertEquals("fail", doc.get("status").asText());
        assertTrue(doc.get("message").isNull());
        assertEquals(2, doc.get("score").asInt());
        assertEquals(9, doc.get("max_score").asInt(), "the check that is not verifiable is not part of the maximum");
        assertEquals(List.of("api-gateway/one/builds", "api-gateway/one/lists", "api-gateway/one/stored"),
                names(doc.get("tests")), "tests holds only what can be earned on the target, in lab order");
        JsonNode failed = doc.get("tests").get(1);
        assertEquals("fail", failed.get("status").asText());
        assertEquals("Return 200 with a list.", failed.get("message").asText());
        assertEquals("status 200 -> status 500", failed.get("output").asText());
        assertEquals(1, failed.get("task_id").asInt());
        JsonNode blocked = doc.get("tests").get(2);
        assertEquals("error", blocked.get("status").asText(), "a blocked check could not run: exercism's error");
        assertEquals(BLOCKED_REASON, blocked.get("message").asText());
        assertEquals(4, blocked.get("max_score").asInt(), "its points are in the maximum");
        JsonNode apart = doc.get("not_verifiable");
        assertEquals(List.of("api-gateway/two/mapped"), names(apart));
        assertTrue(apart.get(0).get("message").asText().contains("mapping-templates"), apart.toString());
        assertEquals(1, apart.get(0).get("points").asInt());
        assertFalse(apart.get(0).has("status"), "exercism has no status for it");
        JsonNode lab = doc.get("labs").get(0);
        assertEquals("ab".repeat(32), lab.get("sha256").asText());
        assertEquals(9, lab.get("max_score").asInt());
        assertFalse(lab.get("complete").asBoolean());
        assertEquals(2, lab.get("hints_used").get("one").asInt());
        assertEquals("two", lab.get("solutions_seen").get(0).asText());
        assertEquals("1.2.3", doc.get("tierlab").get("version").asText());
    }

    @Test
    void allPassedIsPassAnErrorIsErrorAndACompileErrorIsAnExercismError() throws Exception {
        LabGrade ok = new LabGrade("l", "L", "/ws", "00", List.of(outcome(CheckResult.passed("a", 1, "x", "x"), "s", 1, null)),
                null, null, null);
        assertEquals("pass", json(new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox", List.of(ok), null)).get("status").asText());

        JsonNode error = json(report("the sandbox does not answer"));
        assertEquals("error", error.get("status").asText());
        assertEquals("the sandbox does not answer", error.get("message").asText());

        GradeReport compile = new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox",
                List.of(lab("the deploy failed: Tickets.java:12: cannot find symbol", true)), null);
        JsonNode doc = json(compile);
        assertEquals("error", doc.get("status").asText(), "the tests could not run: exercism expects error with a message");
        assertEquals("api-gateway: the deploy failed: Tickets.java:12: cannot find symbol", doc.get("message").asText());
        assertEquals(GradeReport.Status.FAIL, compile.status(), "for grade's exit code it is the learner's failure, not an error");
        assertEquals("fail", classroom(compile).get("status").asText());
    }

    @Test
    void aLongOutputIsCutToTheFiveHundredCharactersExercismAllows() throws Exception {
        String body = "x".repeat(2000);
        LabGrade lab = new LabGrade("l", "L", "/ws", "00",
                List.of(outcome(CheckResult.failed("a", 1, "status 200", body), "s", 1, null)), null, null, null);
        JsonNode doc = json(new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox", List.of(lab), null));
        String output = doc.get("tests").get(0).get("output").asText();
        assertEquals(JsonReport.MAX_OUTPUT, output.length());
        assertTrue(output.startsWith("status 200 -> xxx") && output.endsWith("(output truncated to 500 characters)"), output);
    }

    @Test
    void theSchemasRejectWhatTheirConsumersReject() {
        String skip = """
                {"version": 3, "status": "pass", "message": null, "tests": [{"name": "a", "status": "skip"}]}""";
        assertThrows(AssertionError.class, () -> ConsumerSchemas.assertExercism(skip), "exercism has no skip");
        String silentError = """
                {"version": 3, "status": "error", "message": null, "tests": []}""";
        assertThrows(AssertionError.class, () -> ConsumerSchemas.assertExercism(silentError), "error needs its message");
        String extra = """
                {"version": 3, "status": "fail", "message": null, "tests": [{"name": "a", "status": "fail", "score": 0}],
                 "not_verifiable": [], "labs": []}""";
        ConsumerSchemas.assertExercism(extra); // exercism ignores fields it does not know, as the spec allows

        String attributed = """
                <testsuites><testsuite name="l" tests="1"><testcase name="a"><skipped message="why"/></testcase></testsuite></testsuites>""";
        assertThrows(AssertionError.class, () -> ConsumerSchemas.assertJunit(attributed), "junit-4 allows no attributes on skipped");
        String skippedOnSuites = """
                <testsuites skipped="1"><testsuite name="l" tests="1"><testcase name="a"><skipped>why</skipped></testcase></testsuite></testsuites>""";
        assertThrows(AssertionError.class, () -> ConsumerSchemas.assertJunit(skippedOnSuites));

        String skipped = java.util.Base64.getEncoder().encodeToString("""
                {"version": 1, "status": "pass", "max_score": 1, "tests": [{"name": "a", "status": "skip", "score": 0}]}"""
                .getBytes(StandardCharsets.UTF_8));
        assertThrows(AssertionError.class, () -> ConsumerSchemas.assertClassroom(skipped), "the grader knows pass, fail and error");
    }

    @Test
    void junitIsValidJunit4WithTheReasonInSkippedsText() throws Exception {
        Document doc = junit(report(null));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("4", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("1", suites.getAttribute("errors"), "the blocked check");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("api-gateway", suite.getAttribute("name"));
        assertEquals("2026-11-27T16:00:00", suite.getAttribute("timestamp"));
        assertEquals("1.000", suite.getAttribute("time"));
        assertEquals(4, suite.getElementsByTagName("testcase").getLength());
        assertEquals(suite.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
        assertEquals(suite.getElementsByTagName("error").getLength(), Integer.parseInt(suite.getAttribute("errors")));
        assertEquals(suite.getElementsByTagName("skipped").getLength(), Integer.parseInt(suite.getAttribute("skipped")));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals("lists", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals("api-gateway.one", ((Element) failure.getParentNode()).getAttribute("classname"));
        Element blocked = (Element) suite.getElementsByTagName("error").item(0);
        assertEquals("blocked", blocked.getAttribute("type"));
        assertEquals(BLOCKED_REASON, blocked.getAttribute("message"));
        Element skipped = (Element) suite.getElementsByTagName("skipped").item(0);
        assertEquals("not verifiable on sandbox (needs apigateway.mapping-templates)", skipped.getTextContent());
        assertEquals("2/9", value(suite, "score") + "/" + value(suite, "max_score"));
        assertEquals("0/3", value(suite, "points.one.lists"));
        assertEquals("0/4", value(suite, "points.one.stored"));
        assertNull(value(suite, "points.two.mapped"), "no points for what cannot be earned here");
        assertTrue(value(suite, "not_verifiable.two.mapped").contains("mapping-templates"));
        assertEquals("false", value(suite, "complete"));
        assertEquals("ab".repeat(32), value(suite, "lab.sha256"));
        assertEquals("1.2.3", value(suite, "tierlab.version"));
    }

    @Test
    void junitErrorIsAnErrorElement() throws Exception {
        Document doc = junit(report("no target"));
        assertEquals("2", doc.getDocumentElement().getAttribute("errors"), "the blocked check and grading's own error");
        NodeList errors = doc.getElementsByTagName("error");
        assertEquals("no target", ((Element) errors.item(errors.getLength() - 1)).getAttribute("message"));
        junit(new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox", List.of(), "no lab"));
    }

    @Test
    void classroomCountsOnlyEarnableChecksAndListsTheRestApart() throws Exception {
        JsonNode doc = classroom(report(null));
        assertEquals(1, doc.get("version").asInt());
        assertEquals("fail", doc.get("status").asText());
        assertEquals(9, doc.get("max_score").asInt(), "the check that is not verifiable is left out with its point");
        assertEquals(List.of("api-gateway/one/builds", "api-gateway/one/lists", "api-gateway/one/stored"), names(doc.get("tests")));
        assertEquals(List.of("pass", "fail", "error"), doc.get("tests").findValuesAsText("status"));
        assertEquals(List.of("api-gateway/two/mapped"), names(doc.get("not_verifiable")));
        JsonNode first = doc.get("tests").get(0);
        for (String field : List.of("name", "status", "score", "message", "test_code", "filename", "line_no", "duration")) {
            assertTrue(first.has(field), field);
        }
        assertEquals(2, first.get("score").asInt());
        assertEquals(11, first.get("line_no").asInt());
        assertEquals("api-gateway/lab.yaml", first.get("filename").asText());
        assertEquals(250, first.get("duration").asInt());
        classroom(report("the sandbox does not answer"));
    }

    /**
     * Measured before: max_score 32 for a normal api-gateway submission, 33 when the code did not
     * compile. Whether a check can be earned depends on the target, so a submission where everything
     * failed or was blocked has the same total and the same tests as one that passes.
     */
    @Test
    void classroomMaxScoreAndTestsAreTheSameForEverySubmission() throws Exception {
        List<TestOutcome> passing = new ArrayList<>();
        List<TestOutcome> broken = new ArrayList<>();
        String[] ids = {"project-builds", "api-lists-tickets", "api-summary-mapped", "post-creates-ticket"};
        for (int i = 0; i < ids.length; i++) {
            String id = ids[i];
            int points = i + 1;
            if (id.equals("api-summary-mapped")) {
                CheckResult nv = new CheckResult(id, CheckStatus.NOT_VERIFIABLE, 0, points, "mapping templates", "not on sandbox");
                passing.add(outcome(nv, "s", 1, "not verifiable on sandbox"));
                broken.add(outcome(nv, "s", 1, "not verifiable on sandbox"));
                continue;
            }
            passing.add(outcome(CheckResult.passed(id, points, "x", "x"), "s", 1, null));
            broken.add(outcome(i == 0 ? CheckResult.failed(id, points, "compiles", "compile errors")
                    : new CheckResult(id, CheckStatus.BLOCKED, 0, points, "x", "not checked"), "s", 1, "the deploy failed"));
        }
        GradeReport good = new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox",
                List.of(new LabGrade("api-gateway", "T", "/ws", "00", passing, null, null, null)), null);
        GradeReport bad = new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox",
                List.of(new LabGrade("api-gateway", "T", "/ws", "00", broken, null, null, "the deploy failed", true)), null);
        JsonNode a = classroom(good);
        JsonNode b = classroom(bad);
        assertEquals(7, a.get("max_score").asInt());
        assertEquals(a.get("max_score"), b.get("max_score"));
        assertEquals(names(a.get("tests")), names(b.get("tests")));
        assertEquals(List.of("pass", "pass", "pass"), a.get("tests").findValuesAsText("status"));
        assertEquals(List.of("fail", "error", "error"), b.get("tests").findValuesAsText("status"));
        assertEquals(json(good).get("max_score"), json(bad).get("max_score"), "the json report's total too");
        assertEquals(value((Element) junit(good).getElementsByTagName("testsuite").item(0), "max_score"),
                value((Element) junit(bad).getElementsByTagName("testsuite").item(0), "max_score"), "and the junit report's");
    }

    @Test
    void aLabIsCompleteWhenEveryEarnableCheckPassed() {
        TestOutcome nv = outcome(new CheckResult("mapped", CheckStatus.NOT_VERIFIABLE, 0, 1, "m", "n"), "two", 2, "needs mapping templates");
        LabGrade done = new LabGrade("l", "L", "/ws", "00", List.of(outcome(CheckResult.passed("a", 1, "x", "x"), "one", 1, null), nv),
                null, null, null);
        Completion c = done.completion();
        assertTrue(c.complete());
        assertEquals(List.of(new Completion.Check("two", "mapped", CheckStatus.NOT_VERIFIABLE, "needs mapping templates")), c.notVerifiable());
        assertFalse(lab(null, false).completion().complete(), "a failed or blocked check leaves it incomplete");
        assertFalse(new LabGrade("l", "L", "/ws", "00", List.of(nv), null, null, null).completion().complete(),
                "nothing verifiable passed: not complete");
    }

    @Test
    void penaltiesNeverGoBelowZeroAndOnlyPassedChecksScore() {
        TestOutcome passed = outcome(CheckResult.passed("a", 3, "x", "x"), "s", 1, null);
        assertEquals(1, passed.penalized(2).score());
        assertEquals(2, passed.penalized(2).penalty());
        assertEquals(0, passed.penalized(5).score());
        assertEquals(3, passed.penalized(5).penalty());
        assertThrows(IllegalArgumentException.class, () -> new TestOutcome("x", "s", 1, "t", CheckStatus.FAILED, null, "",
                1, 1, 0, "f", 0, 0, ""));
    }

    private static List<String> names(JsonNode tests) {
        List<String> names = new ArrayList<>();
        tests.forEach(t -> names.add(t.get("name").asText()));
        return names;
    }

    private static String value(Element suite, String name) {
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
