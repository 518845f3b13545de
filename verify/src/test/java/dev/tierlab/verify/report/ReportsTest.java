package dev.tierlab.verify.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class ReportsTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static TestOutcome outcome(CheckResult r, String step, int task, String message) {
        return TestOutcome.of(r, step, task, "http", message, "api-gateway/lab.yaml", 10 + task, 250, "http GET /tickets");
    }

    private static GradeReport report(String error) {
        List<TestOutcome> tests = List.of(
                outcome(CheckResult.passed("builds", 2, "compiles", "compiled"), "one", 1, null),
                outcome(CheckResult.failed("lists", 3, "status 200", "status 500"), "one", 1, "Return 200 with a list."),
                outcome(new CheckResult("mapped", CheckStatus.NOT_VERIFIABLE, 0, 1, "mapping templates", "not on sandbox"), "two", 2,
                        "not verifiable on sandbox").penalized(1));
        LabGrade lab = new LabGrade("api-gateway", "Tickets API", "/ws", "ab".repeat(32), tests,
                new TreeMap<>(Map.of("one", 2)), List.of("two"), null);
        return new GradeReport("1.2.3", "2026-11-27T16:00:00Z", "sandbox", List.of(lab), error);
    }

    @Test
    void jsonIsExercismShapedWithPoints() throws Exception {
        JsonNode doc = JSON.readTree(JsonReport.write(report(null)));
        assertEquals(3, doc.get("version").asInt());
        assertEquals("fail", doc.get("status").asText());
        assertEquals(2, doc.get("score").asInt());
        assertEquals(6, doc.get("max_score").asInt());
        assertEquals(3, doc.get("tests").size());
        JsonNode failed = doc.get("tests").get(1);
        assertEquals("api-gateway/one/lists", failed.get("name").asText());
        assertEquals("fail", failed.get("status").asText());
        assertEquals("Return 200 with a list.", failed.get("message").asText());
        assertEquals("status 200 -> status 500", failed.get("output").asText());
        assertEquals(1, failed.get("task_id").asInt());
        assertEquals("skip", doc.get("tests").get(2).get("status").asText());
        assertEquals(2, doc.get("tests").get(2).get("task_id").asInt());
        assertEquals("ab".repeat(32), doc.get("labs").get(0).get("sha256").asText());
        assertEquals(2, doc.get("labs").get(0).get("hints_used").get("one").asInt());
        assertEquals("two", doc.get("labs").get(0).get("solutions_seen").get(0).asText());
        assertEquals("1.2.3", doc.get("tierlab").get("version").asText());
    }

    @Test
    void allPassedIsPassAndAnErrorIsError() throws Exception {
        LabGrade ok = new LabGrade("l", "L", "/ws", "00", List.of(outcome(CheckResult.passed("a", 1, "x", "x"), "s", 1, null)),
                null, null, null);
        assertEquals("pass", JSON.readTree(JsonReport.write(new GradeReport("v", "2026-11-27T16:00:00Z", "sandbox", List.of(ok), null)))
                .get("status").asText());
        JsonNode error = JSON.readTree(JsonReport.write(report("the sandbox does not answer")));
        assertEquals("error", error.get("status").asText());
        assertEquals("the sandbox does not answer", error.get("message").asText());
    }

    @Test
    void junitParsesAndCountsMatch() throws Exception {
        Document doc = parse(JunitReport.write(report(null)));
        Element suites = doc.getDocumentElement();
        assertEquals("testsuites", suites.getTagName());
        assertEquals("3", suites.getAttribute("tests"));
        assertEquals("1", suites.getAttribute("failures"));
        assertEquals("", suites.getAttribute("skipped"), "the junit-4 schema allows no skipped on testsuites");
        Element suite = (Element) suites.getElementsByTagName("testsuite").item(0);
        assertEquals("api-gateway", suite.getAttribute("name"));
        assertEquals("2026-11-27T16:00:00", suite.getAttribute("timestamp"));
        assertEquals("0.750", suite.getAttribute("time"));
        NodeList cases = suite.getElementsByTagName("testcase");
        assertEquals(3, cases.getLength());
        assertEquals(suite.getElementsByTagName("failure").getLength(), Integer.parseInt(suite.getAttribute("failures")));
        assertEquals(suite.getElementsByTagName("skipped").getLength(), Integer.parseInt(suite.getAttribute("skipped")));
        Element failure = (Element) suite.getElementsByTagName("failure").item(0);
        assertEquals("lists", ((Element) failure.getParentNode()).getAttribute("name"));
        assertEquals("api-gateway.one", ((Element) failure.getParentNode()).getAttribute("classname"));
        assertEquals("2/6", value(suite, "score") + "/" + value(suite, "max_score"));
        assertEquals("0/3", value(suite, "points.one.lists"));
        assertEquals("ab".repeat(32), value(suite, "lab.sha256"));
        assertEquals("1.2.3", value(suite, "tierlab.version"));
    }

    @Test
    void junitErrorIsAnErrorElement() throws Exception {
        Document doc = parse(JunitReport.write(report("no target")));
        assertEquals("1", doc.getDocumentElement().getAttribute("errors"));
        assertEquals("no target", ((Element) doc.getElementsByTagName("error").item(0)).getAttribute("message"));
    }

    @Test
    void classroomDecodesToTheGraderJson() throws Exception {
        String base64 = ClassroomReport.write(report(null));
        JsonNode doc = JSON.readTree(new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8));
        assertEquals(1, doc.get("version").asInt());
        assertEquals("fail", doc.get("status").asText());
        assertEquals(5, doc.get("max_score").asInt(), "the check that is not verifiable is left out with its point");
        assertEquals(2, doc.get("tests").size());
        doc.get("tests").forEach(t -> assertTrue(List.of("pass", "fail").contains(t.get("status").asText()), t.toString()));
        JsonNode first = doc.get("tests").get(0);
        for (String field : List.of("name", "status", "score", "message", "test_code", "filename", "line_no", "duration")) {
            assertTrue(first.has(field), field);
        }
        assertEquals(2, first.get("score").asInt());
        assertEquals(11, first.get("line_no").asInt());
        assertEquals("api-gateway/lab.yaml", first.get("filename").asText());
        assertEquals(250, first.get("duration").asInt());
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

    private static Document parse(String xml) throws Exception {
        return DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
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
