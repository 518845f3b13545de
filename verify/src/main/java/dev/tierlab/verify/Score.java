package dev.tierlab.verify;

import java.util.Collection;

/**
 * Points earned out of a maximum, summed over check results. Checks the target cannot verify are not
 * part of it (nobody can earn them there); blocked and failed checks are, with nothing earned.
 */
public record Score(int points, int max) {

    public Score {
        if (max < 0 || points < 0 || points > max) {
            throw new IllegalArgumentException("score out of range: " + points + "/" + max);
        }
    }

    public static Score of(Collection<CheckResult> results) {
        int points = 0;
        int max = 0;
        for (CheckResult r : results) {
            if (!r.status().earnable()) {
                continue;
            }
            points += r.points();
            max += r.maxPoints();
        }
        return new Score(points, max);
    }

    /** The share of points earned, from 0 to 100, rounded down; 100 when there is nothing to earn. */
    public int percent() {
        return max == 0 ? 100 : (int) ((long) points * 100 / max);
    }

    /** True when at least {@code thresholdPercent} of the points were earned. */
    public boolean reaches(int thresholdPercent) {
        return (long) points * 100 >= (long) thresholdPercent * max;
    }
}
