package dev.tierlab.verify.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * The report as exercism's {@code results.json}, version 3 (exercism/docs,
 * {@code building/tooling/test-runners/interface.md}): {@code status} pass, fail or error (then
 * {@code message} says why), {@code tests[]} with {@code name, status, message, output, test_code,
 * task_id} in lab order, plus tierlab's points and lab data in fields exercism does not know and
 * ignores. {@code tests} holds only the checks that can be earned on the target, with status pass,
 * fail, or error for a blocked check; checks the target cannot verify are listed in
 * {@code not_verifiable}, because exercism has no status for them.
 */
public final class JsonReport {
    public static final int VERSION = 3;
    /** The spec limits a test's output to 500 characters. */
    static final int MAX_OUTPUT = 500;
    private static final String TRUNCATED = " … (output truncated to 500 characters)";
    private static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

    private JsonReport() {
    }

    public static String write(GradeReport report) {
        Map<String, Object> doc = new LinkedHashMap<>();
        List<LabGrade> incomplete = report.labs().stream().filter(LabGrade::incomplete).toList();
        doc.put("version", VERSION);
        // exercism's error: the tests could not run as intended (grading stopped, or the learner's build or deploy failed)
        doc.put("status", report.error() != null || !incomplete.isEmpty() ? "error" : report.status().word());
        doc.put("message", report.error() != null ? report.error() : incomplete.isEmpty() ? null
                : incomplete.stream().map(l -> l.lab() + ": " + l.message()).collect(Collectors.joining("\n")));
        doc.put("score", report.score());
        doc.put("max_score", report.maxScore());
        doc.put("tierlab", Map.of("version", report.version(), "timestamp", report.timestamp(),
                "target", report.target() == null ? "" : report.target()));
        List<Map<String, Object>> labs = new ArrayList<>();
        List<Map<String, Object>> tests = new ArrayList<>();
        List<Map<String, Object>> notVerifiable = new ArrayList<>();
        for (LabGrade lab : report.labs()) {
            Map<String, Object> l = new LinkedHashMap<>();
            l.put("id", lab.lab());
            l.put("title", lab.title());
            l.put("workspace", lab.workspace());
            l.put("sha256", lab.sha256());
            l.put("score", lab.score());
            l.put("max_score", lab.maxScore());
            l.put("penalty", lab.penalty());
            l.put("complete", lab.completion().complete());
            l.put("hints_used", lab.hintsUsed());
            l.put("solutions_seen", lab.solutionsSeen());
            l.put("message", lab.message());
            labs.add(l);
            for (TestOutcome t : lab.tests()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("name", name(lab, t));
                if (t.earnable()) {
                    m.put("status", t.statusWord());
                }
                m.put("message", t.message());
                m.put("output", truncated(t.output()));
                m.put("test_code", t.testCode());
                m.put("task_id", t.taskId());
                if (t.earnable()) {
                    m.put("score", t.score());
                    m.put("max_score", t.maxScore());
                    m.put("penalty", t.penalty());
                } else {
                    m.put("points", t.maxScore()); // what it would be worth on a target that can verify it
                }
                m.put("lab", lab.lab());
                m.put("step", t.step());
                m.put("type", t.type());
                (t.earnable() ? tests : notVerifiable).add(m);
            }
        }
        doc.put("labs", labs);
        doc.put("tests", tests);
        doc.put("not_verifiable", notVerifiable);
        try {
            return JSON.writeValueAsString(doc) + "\n";
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String truncated(String output) {
        if (output == null || output.length() <= MAX_OUTPUT) {
            return output;
        }
        int keep = MAX_OUTPUT - TRUNCATED.length();
        if (Character.isHighSurrogate(output.charAt(keep - 1))) {
            keep--; // never split a character in two
        }
        return output.substring(0, keep) + TRUNCATED;
    }

    /** A test's name in every format: lab, step and check id, unique across the report. */
    static String name(LabGrade lab, TestOutcome t) {
        return lab.lab() + "/" + t.step() + "/" + t.name();
    }
}
