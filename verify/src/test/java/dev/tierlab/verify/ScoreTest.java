package dev.tierlab.verify;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ScoreTest {

    @Test
    void sumsPointsOfPassedChecksOnly() {
        Score score = Score.of(List.of(
                CheckResult.passed("q1", 2, "b", "b"),
                CheckResult.failed("q2", 1, "a,c", "a"),
                new CheckResult("q4", CheckStatus.BLOCKED, 0, 3, "x", "nothing deployed")));
        assertEquals(new Score(2, 6), score, "a blocked check is not earned, and its points are in the maximum");
        assertEquals(33, score.percent());
        assertFalse(score.reaches(70));
        assertTrue(score.reaches(33));
    }

    @Test
    void checksTheTargetCannotVerifyAreNotPartOfTheScore() {
        Score score = Score.of(List.of(
                CheckResult.passed("q1", 2, "b", "b"),
                new CheckResult("q3", CheckStatus.NOT_VERIFIABLE, 0, 3, "x", "not verifiable")));
        assertEquals(new Score(2, 2), score);
        assertEquals(100, score.percent());
    }

    @Test
    void emptyScoreIsComplete() {
        assertEquals(100, Score.of(List.of()).percent());
        assertTrue(Score.of(List.of()).reaches(100));
    }

    @Test
    void aCheckThatDidNotPassEarnsNothing() {
        assertThrows(IllegalArgumentException.class,
                () -> new CheckResult("q", CheckStatus.NOT_VERIFIABLE, 1, 1, "x", "y"));
        assertThrows(IllegalArgumentException.class, () -> new Score(3, 2));
    }
}
