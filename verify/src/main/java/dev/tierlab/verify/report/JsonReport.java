package dev.tierlab.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The report as JSON, shaped like exercism's {@code results.json} (version 3: {@code status},
 * {@code message}, {@code tests[]} with {@code name, status, message, output, task_id}) plus points:
 * {@code score}/{@code max_score} per test and in total. Exercism has no status for a check the target
 * cannot show; such tests carry {@code "skip"} and their reason in {@code message}.
 */
public final class JsonReport {
    public static final int VERSION = 3;
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String write(GradeReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("version", VERSION);
        doc.put("status", report.status().word());
        doc.put("message", report.error());
        doc.put("score", report.score());
        doc.put("max_score", report.maxScore());
        doc.put("tierlab", Map.of("version", report.version(), "timestamp", report.timestamp(),
                "target", report.target() == null ? "" : report.target()));
        List<Map<String, Object>> labs = new ArrayList<>();
        List<Map<String, Object>> tests = new ArrayList<>();
        for (LabGrade lab : report.labs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lab.lab());
            l.put("title", lab.title());
            l.put("workspace", lab.workspace());
            l.put("sha256", lab.sha256());
            l.put("score", lab.score());
            l.put("max_score", lab.maxScore());
            l.put("penalty", lab.penalty());
            l.put("hints_used", lab.hintsUsed());
            l.put("solutions_seen", lab.solutionsSeen());
            l.put("message", lab.message());
            labs.add(l);
            for (TestOutcome t : lab.tests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name(lab, t));
                m.put("status", t.statusWord());
                m.put("message", t.message());
                m.put("output", t.output());
                m.put("task_id", t.taskId());
                m.put("score", t.score());
                m.put("max_score", t.maxScore());
                m.put("penalty", t.penalty());
                m.put("lab", lab.lab());
                m.put("step", t.step());
                m.put("type", t.type());
                m.put("test_code", t.testCode());
                tests.add(m);
            }
        }
        doc.put("labs", labs);
        doc.put("tests", tests);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A test's name in every format: lab, step and check id, unique across the report. */
    static String name(LabGrade lab, TestOutcome t) {
        return lab.lab() + "/" + t.step() + "/" + t.name();
    }
}
