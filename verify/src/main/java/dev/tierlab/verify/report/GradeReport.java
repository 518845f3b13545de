package dev.tierlab.verify.report;

import dev.tierlab.verify.CheckStatus;
import java.util.List;

/**
 * What {@code tierlab grade} found, written by {@link JsonReport}, {@link JunitReport} and
 * {@link ClassroomReport} (and as text by the CLI). One model, several formats: they cannot disagree.
 *
 * @param version   tierlab's version
 * @param timestamp when grading started, ISO-8601
 * @param target    the target the labs were checked on, e.g. sandbox
 * @param labs      the labs graded
 * @param error     why grading stopped (target unreachable, invalid lab), or null
 */
public record GradeReport(String version, String timestamp, String target, List<LabGrade> labs, String error) {

    public GradeReport {
        labs = List.copyOf(labs);
    }

    public enum Status {
        PASS, FAIL, ERROR;

        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * error when grading stopped; fail when any check that can be earned on the target did not pass
     * (failed or blocked); else pass. Checks that are not verifiable never fail a grade.
     */
    public Status status() {
        if (error != null) {
            return Status.ERROR;
        }
        return count(CheckStatus.FAILED) + count(CheckStatus.BLOCKED) > 0 ? Status.FAIL : Status.PASS;
    }

    public int score() {
        return labs.stream().mapToInt(LabGrade::score).sum();
    }

    public int maxScore() {
        return labs.stream().mapToInt(LabGrade::maxScore).sum();
    }

    public long count(CheckStatus status) {
        return labs.stream().mapToLong(l -> l.count(status)).sum();
    }

    public List<TestOutcome> tests() {
        return labs.stream().flatMap(l -> l.tests().stream()).toList();
    }

    /** The checks whose points count on the target, whatever their status. */
    public List<TestOutcome> earnable() {
        return labs.stream().flatMap(l -> l.earnable().stream()).toList();
    }
}
