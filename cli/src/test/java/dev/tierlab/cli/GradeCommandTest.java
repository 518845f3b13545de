package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** grade's contract without a target: exit codes for bad options, and a lab with no workspace scores zero. */
class GradeCommandTest {
    @TempDir
    Path root;

    private Run run(String... args) {
        Environment env = new Environment(Map.of("TIERLAB_HOME", root.resolve("home").toString()), false, Locale.ENGLISH,
                root.resolve("user"), root);
        return Run.with(env, "", args);
    }

    @Test
    void aLabWithoutAWorkspaceFailsEveryCheck() throws Exception {
        Files.createDirectories(root.resolve("submission"));
        Run run = run("grade", "--lab", "api-gateway", "--dir", "submission", "--format", "json");
        assertEquals(1, run.code, run::toString);
        JsonNode report = new ObjectMapper().readTree(run.out);
        assertEquals("fail", report.get("status").asText());
        assertEquals(0, report.get("score").asInt());
        assertTrue(report.get("max_score").asInt() > 0);
        report.get("tests").forEach(t -> assertEquals("fail", t.get("status").asText(), t.toString()));
        assertTrue(report.get("labs").get(0).get("message").asText().contains("tierlab lab start api-gateway"));
        assertTrue(run.err.contains("Grade: 0/"), "the summary goes to standard error when the report is on standard output: " + run.err);
    }

    @Test
    void badRequestsExitWithTwoAndStillWriteTheReport() throws Exception {
        Run both = run("grade", "--lab", "api-gateway", "--all", "--format", "json");
        assertEquals(2, both.code, both::toString);
        assertEquals("error", new ObjectMapper().readTree(both.out).get("status").asText());
        assertTrue(both.err.contains("--lab and --all cannot be used together"), both.err);

        Run aws = run("grade", "--all", "--target", "aws");
        assertEquals(2, aws.code, aws::toString);
        assertTrue(aws.err.contains("--yes"), aws.err);

        Run nothing = run("grade");
        assertEquals(2, nothing.code, nothing::toString);
        assertTrue(nothing.out.contains("no lab workspace in " + root), nothing.out);

        Path labs = root.resolve("labs");
        dev.tierlab.TestFiles.copyLab("api-gateway", labs);
        dev.tierlab.TestFiles.edit(labs.resolve("api-gateway/lab.yaml"), "id: project-builds\n        type: build",
                "id: project-builds\n        type: compile");
        Run invalid = run("--labs-dir", labs.toString(), "grade", "--lab", "api-gateway", "--format", "json");
        assertEquals(2, invalid.code, invalid::toString);
        assertTrue(invalid.err.contains("lab.yaml:"), "the invalid lab is named with its position: " + invalid.err);

        dev.tierlab.TestFiles.edit(labs.resolve("api-gateway/lab.yaml"), "id: project-builds\n        type: compile",
                "id: project-builds\n        type: command\n        params: {run: [\"true\"]}");
        Run untrusted = run("--labs-dir", labs.toString(), "grade", "--lab", "api-gateway", "--format", "json");
        assertEquals(2, untrusted.code, untrusted::toString);
        assertTrue(untrusted.err.contains("--trust"), untrusted.err);

        Run unknown = run("grade", "--lab", "no-such-lab", "--format", "junit", "--out", "r.xml");
        assertEquals(2, unknown.code, unknown::toString);
        assertTrue(Files.readString(root.resolve("r.xml")).contains("errors=\"1\""), "the error is in the report");
    }
}
