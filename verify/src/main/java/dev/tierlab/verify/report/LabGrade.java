package dev.tierlab.verify.report;

import dev.tierlab.verify.CheckStatus;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The grade of one lab: its checks' outcomes, what identifies the definition they came from, and
 * what the learner used along the way. Its score counts only the checks that can be earned on the
 * target; those the target cannot verify are kept apart ({@link #notVerifiable()}).
 *
 * @param lab           the lab id
 * @param title         the lab title in the report's language
 * @param workspace     the workspace graded, or null when the learner has none for this lab
 * @param sha256        SHA-256 over the lab definition and the check inputs used
 * @param tests         one outcome per check, in lab order
 * @param hintsUsed     step id → hint levels opened
 * @param solutionsSeen ids of the steps whose solution was shown or applied
 * @param message       why the lab could not be graded fully (e.g. the deploy failed), or null
 * @param incomplete    true when the checks could not run against the learner's work as the lab
 *                      intends, because the learner's build or deploy failed ({@code message} says
 *                      why); exercism calls this an error of the test run
 */
public record LabGrade(String lab, String title, String workspace, String sha256, List<TestOutcome> tests,
                       SortedMap<String, Integer> hintsUsed, List<String> solutionsSeen, String message,
                       boolean incomplete) {

    public LabGrade {
        tests = List.copyOf(tests);
        hintsUsed = Collections.unmodifiableSortedMap(new TreeMap<>(hintsUsed == null ? Map.of() : hintsUsed));
        solutionsSeen = solutionsSeen == null ? List.of() : List.copyOf(solutionsSeen);
    }

    /** A grade whose checks all could run (see {@code incomplete}). */
    public LabGrade(String lab, String title, String workspace, String sha256, List<TestOutcome> tests,
                    SortedMap<String, Integer> hintsUsed, List<String> solutionsSeen, String message) {
        this(lab, title, workspace, sha256, tests, hintsUsed, solutionsSeen, message, false);
    }

    /** The checks whose points count on the target, whatever their status. */
    public List<TestOutcome> earnable() {
        return tests.stream().filter(TestOutcome::earnable).toList();
    }

    /** The checks the target cannot verify: listed apart, not part of the score. */
    public List<TestOutcome> notVerifiable() {
        return tests.stream().filter(t -> !t.earnable()).toList();
    }

    public int score() {
        return earnable().stream().mapToInt(TestOutcome::score).sum();
    }

    /** The points that can be earned on the target: the same for every submission of this lab there. */
    public int maxScore() {
        return earnable().stream().mapToInt(TestOutcome::maxScore).sum();
    }

    public int penalty() {
        return tests.stream().mapToInt(TestOutcome::penalty).sum();
    }

    public long count(CheckStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    public long durationMillis() {
        return tests.stream().mapToLong(TestOutcome::durationMillis).sum();
    }

    /** Whether every check that can be verified on the target passed, and what remains for another target. */
    public Completion completion() {
        return Completion.of(tests.stream().map(t -> new Completion.Check(t.step(), t.name(), t.status(), t.message())).toList());
    }
}
