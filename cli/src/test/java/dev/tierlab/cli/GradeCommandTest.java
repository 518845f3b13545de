package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.config.Environment;
import dev.tierlab.verify.report.ConsumerSchemas;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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
        ConsumerSchemas.assertExercism(run.out);
        JsonNode report = new ObjectMapper().readTree(run.out);
        assertEquals("fail", report.get("status").asText());
        assertEquals(0, report.get("score").asInt());
        assertTrue(report.get("max_score").asInt() > 0);
        report.get("tests").forEach(t -> assertEquals("fail", t.get("status").asText(), t.toString()));
        assertTrue(report.get("labs").get(0).get("message").asText().contains("tierlab lab start api-gateway"));
        assertTrue(run.err.contains("Grade: 0/"), "the summary goes to standard error when the report is on standard output: " + run.err);
    }

    /** The correct answers of a chapter's quiz, as --answer arguments. */
    private static List<String> correctAnswers(String chapter) throws Exception {
        JsonNode quiz = new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory())
                .readTree(dev.tierlab.files.Bundled.folder("content").resolve(chapter).resolve("quiz.yaml").toFile());
        List<String> args = new ArrayList<>();
        for (JsonNode q : quiz.get("questions")) {
            List<String> right = new ArrayList<>();
            q.get("options").forEach(o -> {
                if (o.get("correct").asBoolean()) {
                    right.add(o.get("id").asText());
                }
            });
            args.add("--answer");
            args.add(q.get("id").asText() + "=" + String.join(",", right));
        }
        return args;
    }

    @Test
    void quizResultsHintsAndPenaltiesComeFromTheExportedProgress() throws Exception {
        Path labs = root.resolve("labs");
        assertEquals(0, run("lab", "new", "quiz-lab", "--chapter", "api-gateway", "--into", labs.toString()).code);
        Path yaml = labs.resolve("quiz-lab/lab.yaml");
        dev.tierlab.TestFiles.edit(yaml, "steps:\n", "grading: {hintPenalty: 1}\nsteps:\n");
        Files.writeString(yaml, Files.readString(yaml) + "      - {id: quiz-passed, type: quiz, points: 2, params: {chapter: api-gateway, minPercent: 80}}\n");
        Path ws = root.resolve("ws");
        Run start = run("--labs-dir", labs.toString(), "lab", "start", "quiz-lab", "--dir", ws.toString());
        assertEquals(0, start.code, start::toString);
        Files.writeString(ws.resolve("NOTES.md"), "What I learned with tierlab.\n");
        assertEquals(0, run("--labs-dir", labs.toString(), "hint", "first-step", "--dir", ws.toString()).code);
        List<String> quiz = new ArrayList<>(List.of("quiz", "api-gateway"));
        quiz.addAll(correctAnswers("api-gateway"));
        Run answered = run(quiz.toArray(String[]::new));
        assertEquals(0, answered.code, answered::toString);
        Path exported = root.resolve("progress.json");
        assertEquals(0, run("progress", "export", exported.toString()).code);

        // CI: a fresh home, the learner's exported progress
        Environment ci = new Environment(Map.of("TIERLAB_HOME", root.resolve("ci-home").toString()), false, Locale.ENGLISH,
                root.resolve("user"), root);
        Run graded = Run.with(ci, "", "--labs-dir", labs.toString(), "grade", "--dir", "ws", "--progress", "progress.json", "--format", "json");
        assertEquals(0, graded.code, graded::toString);
        ConsumerSchemas.assertExercism(graded.out);
        JsonNode report = new ObjectMapper().readTree(graded.out);
        assertEquals("pass", report.get("status").asText());
        assertEquals(3, report.get("max_score").asInt());
        assertEquals(2, report.get("score").asInt(), "one hint level opened costs one point");
        JsonNode lab = report.get("labs").get(0);
        assertEquals(1, lab.get("hints_used").get("first-step").asInt());
        assertEquals(1, lab.get("penalty").asInt());
        assertEquals(1, report.get("tests").get(1).get("penalty").asInt(), "taken from the step's last passed check");

        Run withoutProgress = Run.with(ci, "", "--labs-dir", labs.toString(), "grade", "--dir", "ws", "--format", "json");
        assertEquals(1, withoutProgress.code, "without the learner's progress the quiz was not taken: " + withoutProgress);
    }

    @Test
    void gradeAllCoversEveryBundledLabEvenWithoutItsWorkspace() throws Exception {
        Run all = run("grade", "--all", "--format", "json");
        assertEquals(1, all.code, all::toString);
        List<String> graded = new java.util.ArrayList<>();
        new ObjectMapper().readTree(all.out).get("labs").forEach(l -> graded.add(l.get("id").asText()));
        List<String> bundled = new java.util.ArrayList<>();
        new ObjectMapper(new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(
                Path.of(System.getProperty("tierlab.repo", "..")).resolve("labs/labs.yaml").toFile()).get("labs")
                .forEach(l -> bundled.add(l.asText()));
        assertEquals(bundled, graded, "every lab of labs/labs.yaml, in its order");
        assertTrue(graded.containsAll(List.of("api-gateway", "api-auth", "access-control")), graded.toString());
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
        ConsumerSchemas.assertJunit(Files.readString(root.resolve("r.xml")));
        ConsumerSchemas.assertExercism(both.out);
    }

    /** A lab with one check a target without X-Ray cannot verify, and a hint penalty. */
    private Path labWithACheckOnlyAwsCanVerify() throws Exception {
        Path labs = root.resolve("labs");
        assertEquals(0, run("lab", "new", "two-lab", "--chapter", "api-gateway", "--into", labs.toString()).code);
        Path yaml = labs.resolve("two-lab/lab.yaml");
        dev.tierlab.TestFiles.edit(yaml, "steps:\n", "grading: {hintPenalty: 1}\nsteps:\n");
        Files.writeString(yaml, Files.readString(yaml)
                + "      - {id: traced, type: file-contains, points: 5, needs: [xray], params: {file: NOTES.md, contains: tierlab}}\n");
        return labs;
    }

    /** A workspace of that lab, started, with the NOTES.md its check wants. */
    private Path startedWithNotes(Path labs) throws Exception {
        Path ws = root.resolve("ws");
        assertEquals(0, run("--labs-dir", labs.toString(), "lab", "start", "two-lab", "--dir", ws.toString()).code);
        Files.writeString(ws.resolve("NOTES.md"), "What I learned with tierlab.\n");
        return ws;
    }

    @Test
    void hintsOpenedInOneWorkspaceAreNotChargedToAnotherOnTheSameHome() throws Exception {
        Path labs = labWithACheckOnlyAwsCanVerify();
        for (String ws : List.of("alice", "bob")) {
            Run start = run("--labs-dir", labs.toString(), "lab", "start", "two-lab", "--dir", root.resolve(ws).toString());
            assertEquals(0, start.code, start::toString);
            Files.writeString(root.resolve(ws).resolve("NOTES.md"), "What I learned with tierlab.\n");
        }
        assertEquals(0, run("--labs-dir", labs.toString(), "hint", "first-step", "--dir", root.resolve("alice").toString()).code);
        assertTrue(Files.isRegularFile(root.resolve("alice/.tierlab/learner.json")), "the hint is recorded in the workspace");

        Run bob = run("--labs-dir", labs.toString(), "grade", "--dir", "bob", "--format", "json");
        assertEquals(0, bob.code, bob::toString);
        ConsumerSchemas.assertExercism(bob.out);
        JsonNode bobs = new ObjectMapper().readTree(bob.out).get("labs").get(0);
        assertEquals(0, bobs.get("hints_used").size(), "alice's hint is not bob's: " + bobs);
        assertEquals(0, bobs.get("penalty").asInt());

        Run alice = run("--labs-dir", labs.toString(), "grade", "--dir", "alice", "--format", "json");
        assertEquals(0, alice.code, alice::toString);
        JsonNode alices = new ObjectMapper().readTree(alice.out).get("labs").get(0);
        assertEquals(1, alices.get("hints_used").get("first-step").asInt());
        assertEquals(1, alices.get("penalty").asInt());
    }

    @Test
    void checkingOneStepSaysThatStepIsCompleteNotTheLab() throws Exception {
        Path labs = labWithACheckOnlyAwsCanVerify();
        Path ws = startedWithNotes(labs);

        Run one = run("--labs-dir", labs.toString(), "check", "first-step", "--dir", ws.toString());
        assertEquals(0, one.code, one::toString);
        assertTrue(one.out.contains("Step first-step of lab two-lab is complete on sandbox"), one.out);
        assertFalse(one.out.contains("Lab two-lab is complete"), "one step says nothing of the others: " + one.out);
        Run all = run("--labs-dir", labs.toString(), "check", "--dir", ws.toString());
        assertEquals(0, all.code, all::toString);
        assertTrue(all.out.contains("Lab two-lab is complete on sandbox"), all.out);
    }

    @Test
    void aCheckTheTargetCannotVerifyIsOutsideTheScoreInEveryFormat() throws Exception {
        Path labs = labWithACheckOnlyAwsCanVerify();
        Path ws = startedWithNotes(labs);

        Run text = run("--labs-dir", labs.toString(), "grade", "--dir", "ws");
        assertEquals(0, text.code, text::toString);
        assertTrue(text.out.contains("Not verifiable on sandbox, so not part of the score:\n    ? first-step/traced"), text.out);
        assertTrue(text.out.contains("Lab two-lab is complete on sandbox: every check that can be verified there passed."), text.out);
        assertTrue(text.out.contains("Verifiable only on AWS: first-step/traced"), text.out);
        assertTrue(text.out.contains("Grade: 1/1 points; 1 passed, 0 failed, 0 blocked; 1 not verifiable here"), text.out);

        Run json = run("--labs-dir", labs.toString(), "grade", "--dir", "ws", "--format", "json");
        ConsumerSchemas.assertExercism(json.out);
        JsonNode doc = new ObjectMapper().readTree(json.out);
        assertEquals(1, doc.get("max_score").asInt());
        assertEquals(1, doc.get("tests").size());
        assertEquals("two-lab/first-step/traced", doc.get("not_verifiable").get(0).get("name").asText());
        assertTrue(doc.get("labs").get(0).get("complete").asBoolean());

        Run junit = run("--labs-dir", labs.toString(), "grade", "--dir", "ws", "--format", "junit", "--out", "r.xml");
        assertEquals(0, junit.code, junit::toString);
        String xml = Files.readString(root.resolve("r.xml"));
        ConsumerSchemas.assertJunit(xml);
        assertTrue(xml.contains("<skipped>not verifiable"), xml);

        Run classroom = run("--labs-dir", labs.toString(), "grade", "--dir", "ws", "--format", "classroom");
        JsonNode graded = new ObjectMapper().readTree(ConsumerSchemas.assertClassroom(classroom.out));
        assertEquals(1, graded.get("max_score").asInt());
        assertEquals(1, graded.get("tests").size());
        assertEquals(1, graded.get("not_verifiable").size());

        Run ko = run("--lang", "ko", "--labs-dir", labs.toString(), "grade", "--dir", "ws");
        assertTrue(ko.out.contains("AWS에서만 확인할 수 있는 검사: first-step/traced"), ko.out);
    }
}
