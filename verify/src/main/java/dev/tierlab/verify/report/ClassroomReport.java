package dev.tierlab.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.CheckStatus;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as GitHub Classroom's grader output: base64 of
 * {@code {version: 1, status, max_score, tests: [{name, status, score, message, test_code, filename,
 * line_no, duration}]}}, which {@code autograding-grading-reporter} reads from the step output
 * {@code result} via {@code <RUNNER>_RESULTS}. That format knows only pass, fail and error, so checks
 * the target cannot verify are left out, and their points with them (the JSON and JUnit reports list
 * them with their reason). When grading stopped, one test with status error
 * carries the reason.
 */
public final class ClassroomReport {
    private static final ObjectMapper JSON = new ObjectMapper();

    private ClassroomReport() {
    }

    /** The JSON document before encoding. */
    public static String json(GradeReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", 1);
        doc.put("status", report.status().word());
        doc.put("max_score", report.tests().stream().filter(t -> t.status() != CheckStatus.NOT_VERIFIABLE)
                .mapToInt(TestOutcome::maxScore).sum());
        List<Map<String, Object>> tests = new ArrayList<>();
        for (LabGrade lab : report.labs()) {
            for (TestOutcome t : lab.tests()) {
                if (t.status() == CheckStatus.NOT_VERIFIABLE) {
                    continue; // the grader knows only pass, fail and error; nobody can earn these points on this target
                }
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", JsonReport.name(lab, t));
                m.put("status", t.statusWord());
                m.put("score", t.score());
                m.put("message", t.message() == null ? t.output() : t.message() + " (" + t.output() + ")");
                m.put("test_code", t.testCode());
                m.put("filename", t.filename());
                m.put("line_no", t.line());
                m.put("duration", t.durationMillis());
                tests.add(m);
            }
        }
        if (report.error() != null) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("name", "tierlab grade");
            m.put("status", "error");
            m.put("score", 0);
            m.put("message", report.error());
            m.put("test_code", "tierlab grade");
            m.put("filename", "");
            m.put("line_no", 0);
            m.put("duration", 0);
            tests.add(m);
        }
        doc.put("tests", tests);
        try {
            return JSON.writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The base64 text a workflow step puts in its {@code result} output. */
    public static String write(GradeReport report) {
        return Base64.getEncoder().encodeToString(json(report).getBytes(StandardCharsets.UTF_8));
    }
}
