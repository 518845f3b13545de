package dev.tierlab.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
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
 * {@code result} via {@code <RUNNER>_RESULTS}. {@code max_score} and {@code tests} come only from the
 * checks that can be earned on the target, whatever their status, so the assignment's total is the
 * same for every submission there. Those the target cannot verify are in {@code not_verifiable}
 * (the reporter reads only {@code status}, {@code max_score} and {@code tests}, so it ignores them).
 * When grading stopped, one test with status error carries the reason.
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
        doc.put("max_score", report.maxScore());
        List<Map<String, Object>> tests = new ArrayList<>();
        List<Map<String, Object>> notVerifiable = new ArrayList<>();
        for (LabGrade lab : report.labs()) {
            for (TestOutcome t : lab.tests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", JsonReport.name(lab, t));
                if (!t.earnable()) {
                    m.put("message", t.message() == null ? t.output() : t.message());
                    notVerifiable.add(m);
                    continue;
                }
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
        doc.put("not_verifiable", notVerifiable);
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
