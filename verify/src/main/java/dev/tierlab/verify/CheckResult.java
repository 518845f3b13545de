package dev.tierlab.verify;

import java.util.Objects;

/**
 * What one check found: what it expected, what it found, and the points it earned out of its maximum.
 * A check that failed or could not be verified earns no points.
 */
public record CheckResult(String id, CheckStatus status, int points, int maxPoints, String expected, String found) {

    public CheckResult {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
        if (maxPoints < 0 || points < 0 || points > maxPoints) {
            throw new IllegalArgumentException("points must be between 0 and maxPoints: " + points + "/" + maxPoints);
        }
        if (status != CheckStatus.PASSED && points != 0) {
            throw new IllegalArgumentException("only a passed check earns points: " + id);
        }
    }

    public static CheckResult passed(String id, int maxPoints, String expected, String found) {
        return new CheckResult(id, CheckStatus.PASSED, maxPoints, maxPoints, expected, found);
    }

    public static CheckResult failed(String id, int maxPoints, String expected, String found) {
        return new CheckResult(id, CheckStatus.FAILED, 0, maxPoints, expected, found);
    }

    public boolean passed() {
        return status == CheckStatus.PASSED;
    }
}
