package dev.tierlab.check;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.course.ContentSource;
import dev.tierlab.i18n.Lang;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabFingerprint;
import dev.tierlab.lab.LabLoader;
import dev.tierlab.progress.Progress;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import dev.tierlab.verify.report.LabGrade;
import dev.tierlab.verify.report.TestOutcome;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** Grading turns check results into a lab grade: order, hints and reasons, and the lab's penalties. */
class GraderTest {
    private static final String LAB = """
            id: tiny
            chapter: api-gateway
            title: {en: Tiny, ko: 작은 랩}
            grading: {hintPenalty: 1, solutionPenalty: 3}
            steps:
              - id: one
                title: {en: One, ko: 하나}
                instructions: {en: one.en.md}
                checks:
                  - {id: a, type: file-contains, points: 2, params: {file: x, contains: y}}
                  - {id: b, type: file-contains, points: 1, params: {file: x, contains: y}, hint: {en: Write y into x., ko: x에 y를 쓰세요.}}
              - id: two
                title: {en: Two, ko: 둘}
                instructions: {en: two.en.md}
                checks:
                  - {id: c, type: file-contains, points: 2, params: {file: x, contains: y}}
                  - {id: d, type: http, points: 1, needs: [xray], params: {url: "http://example.test"}}
            """;

    private final Lab lab = new LabLoader(ContentSource.directory(Path.of("."))).parse("tiny/lab.yaml", LAB, null);
    private final Grader grader = new Grader(lab, new LabFingerprint("f".repeat(64), Map.of("a", 9)), "tiny/lab.yaml", Lang.EN);

    private static CheckResult pass(Lab.Check c) {
        return c.id().equals("d") ? new CheckResult("d", CheckStatus.NOT_VERIFIABLE, 0, 1, "x-ray", "no x-ray here")
                : CheckResult.passed(c.id(), c.points(), "y in x", "found");
    }

    @Test
    void penaltiesComeOffTheStepsPointsAndNeverBelowZero() {
        Progress.LabProgress learner = new Progress.LabProgress("/ws", new TreeMap<>(Map.of("one", 2)), List.of("two"), null);
        LabGrade grade = grader.grade("/ws", GraderTest::pass, learner, null);
        assertEquals(List.of("a", "b", "c", "d"), grade.tests().stream().map(TestOutcome::name).toList());
        assertEquals(List.of(1, 0, 0, 0), grade.tests().stream().map(TestOutcome::score).toList(),
                "two hint levels take 2 points from step one (the last check first); the solution takes all of step two");
        assertEquals(4, grade.penalty());
        assertEquals(1, grade.score());
        assertEquals(5, grade.maxScore(), "d cannot be verified on the target: its point is not part of the maximum");
        assertEquals(Map.of("one", 2), grade.hintsUsed());
        assertEquals(List.of("two"), grade.solutionsSeen());
    }

    @Test
    void noPenaltyByDefaultAndEachOutcomeSaysWhereItIsDefined() {
        Lab plain = new LabLoader(ContentSource.directory(Path.of("."))).parse("tiny/lab.yaml",
                LAB.replace("grading: {hintPenalty: 1, solutionPenalty: 3}\n", ""), null);
        Progress.LabProgress learner = new Progress.LabProgress("/ws", new TreeMap<>(Map.of("one", 2)), List.of("two"), null);
        LabGrade grade = new Grader(plain, new LabFingerprint("f".repeat(64), Map.of("a", 9)), "tiny/lab.yaml", Lang.EN)
                .grade("/ws", GraderTest::pass, learner, null);
        assertEquals(5, grade.score());
        assertEquals(0, grade.penalty());
        TestOutcome a = grade.tests().get(0);
        assertEquals(9, a.line());
        assertEquals("tiny/lab.yaml", a.filename());
        assertEquals(1, a.taskId());
        assertEquals("file-contains {\"contains\":\"y\",\"file\":\"x\"}", a.testCode());
        assertNull(a.message());
        TestOutcome d = grade.tests().get(3);
        assertEquals(2, d.taskId());
        assertEquals("no x-ray here", d.message(), "a check that is not verifiable carries its reason");
    }

    @Test
    void aFailedDeployMakesTheGradeIncompleteAndABlockedCheckCarriesItsReason() {
        String reason = "nothing is deployed: run tierlab deploy";
        LabGrade grade = grader.grade("/ws", c -> c.id().equals("a") ? CheckResult.failed("a", 2, "compiles", "compile errors")
                : c.id().equals("d") ? pass(c) : new CheckResult(c.id(), CheckStatus.BLOCKED, 0, c.points(), "x", reason),
                Progress.LabProgress.NONE, "the deploy failed: compile errors");
        assertTrue(grade.incomplete(), "the checks could not run against the learner's work");
        assertEquals(reason, grade.tests().get(1).message());
        assertEquals(5, grade.maxScore(), "the same maximum as a passing submission: blocked checks count, d does not");
        assertEquals(grader.grade("/ws", GraderTest::pass, Progress.LabProgress.NONE, null).maxScore(), grade.maxScore());
        assertFalse(grader.grade("/ws", GraderTest::pass, Progress.LabProgress.NONE, null).incomplete());
        assertFalse(grader.none("a workspace", "none", "no workspace", java.util.Set.of(), java.util.Set.of()).incomplete(), "nothing to grade is a plain failure");
    }

    @Test
    void aFailedCheckCarriesItsHintInTheReportLanguage() {
        LabGrade grade = new Grader(lab, new LabFingerprint("f".repeat(64), Map.of()), "tiny/lab.yaml", Lang.KO)
                .grade("/ws", c -> CheckResult.failed(c.id(), c.points(), "y in x", "no x"), Progress.LabProgress.NONE, null);
        assertEquals("x에 y를 쓰세요.", grade.tests().get(1).message());
        assertEquals("y in x -> no x", grade.tests().get(1).output());
        assertEquals(0, grade.score());
    }
}
