package dev.tierlab.verify.report;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The grade of one lab: its checks' outcomes, what identifies the definition they came from, and
 * what the learner used along the way.
 *
 * @param lab           the lab id
 * @param title         the lab title in the report's language
 * @param workspace     the workspace graded, or null when the learner has none for this lab
 * @param sha256        SHA-256 over the lab definition and the check inputs used
 * @param tests         one outcome per check, in lab order
 * @param hintsUsed     step id → hint levels opened
 * @param solutionsSeen ids of the steps whose solution was shown or applied
 * @param message       why the lab could not be graded fully (e.g. the deploy failed), or null
 */
public record LabGrade(String lab, String title, String workspace, String sha256, List<TestOutcome> tests,
                       SortedMap<String, Integer> hintsUsed, List<String> solutionsSeen, String message) {

    public LabGrade {
        tests = List.copyOf(tests);
        hintsUsed = Collections.unmodifiableSortedMap(new TreeMap<>(hintsUsed == null ? Map.of() : hintsUsed));
        solutionsSeen = solutionsSeen == null ? List.of() : List.copyOf(solutionsSeen);
    }

    public int score() {
        return tests.stream().mapToInt(TestOutcome::score).sum();
    }

    public int maxScore() {
        return tests.stream().mapToInt(TestOutcome::maxScore).sum();
    }

    public int penalty() {
        return tests.stream().mapToInt(TestOutcome::penalty).sum();
    }

    public long count(dev.tierlab.verify.CheckStatus status) {
        return tests.stream().filter(t -> t.status() == status).count();
    }

    public long durationMillis() {
        return tests.stream().mapToLong(TestOutcome::durationMillis).sum();
    }
}
