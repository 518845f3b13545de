package dev.tierlab.verify.report;

import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.util.Objects;

/**
 * One graded check: where it is defined, what it found and the points it earned after penalties.
 *
 * @param name       the check id
 * @param step       the id of the step the check belongs to
 * @param taskId     the step's position in the lab, from 1
 * @param type       the check type, e.g. {@code http}
 * @param status     passed, failed, blocked, or not verifiable on the target
 * @param message    for a failed check the hint, for a blocked or not verifiable one the reason; else null
 * @param output     what the check expected and what it found
 * @param score      points earned, after penalties
 * @param maxScore   points the check is worth (part of the lab's maximum only when {@link #earnable()})
 * @param penalty    points taken for hints used or solutions seen in the step
 * @param filename   the lab definition file, relative to the labs folder
 * @param line       the line of the check in that file (0 when unknown)
 * @param durationMillis how long the check ran
 * @param testCode   the check's definition in one line
 */
public record TestOutcome(String name, String step, int taskId, String type, CheckStatus status, String message,
                          String output, int score, int maxScore, int penalty, String filename, int line,
                          long durationMillis, String testCode) {

    public TestOutcome {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(status, "status");
        if (score < 0 || score > maxScore || penalty < 0) {
            throw new IllegalArgumentException("score out of range for " + name + ": " + score + "/" + maxScore);
        }
        if (status != CheckStatus.PASSED && score != 0) {
            throw new IllegalArgumentException("only a passed check scores: " + name);
        }
    }

    /** An outcome from a check result, before penalties. */
    public static TestOutcome of(CheckResult r, String step, int taskId, String type, String message, String filename,
                                 int line, long durationMillis, String testCode) {
        return new TestOutcome(r.id(), step, taskId, type, r.status(), message, r.expected() + " -> " + r.found(),
                r.points(), r.maxPoints(), 0, filename, line, durationMillis, testCode);
    }

    /** This outcome with {@code points} more taken away (never below zero); returns how many were taken. */
    public TestOutcome penalized(int points) {
        int taken = Math.min(points, score);
        return new TestOutcome(name, step, taskId, type, status, message, output, score - taken, maxScore, penalty + taken,
                filename, line, durationMillis, testCode);
    }

    /** Whether this check's points are part of the score on the target (it is not "not verifiable"). */
    public boolean earnable() {
        return status.earnable();
    }

    /**
     * The status word of the exercism and GitHub Classroom formats, which know pass, fail and error:
     * a blocked check could not run, which both call error. A check that is not verifiable has no
     * word there; those formats list it apart.
     */
    public String statusWord() {
        return switch (status) {
            case PASSED -> "pass";
            case FAILED -> "fail";
            case BLOCKED -> "error";
            case NOT_VERIFIABLE -> throw new IllegalStateException("not verifiable, so not a test of these formats: " + name);
        };
    }
}
