package dev.tierlab.verify.engine;

/**
 * What a check type decided: passed or not, and what it expected and found, in the reader's words.
 * The runner turns it into a {@link dev.tierlab.verify.CheckResult} with the check's id and points.
 */
public record Verdict(boolean passed, String expected, String found) {
    public static Verdict pass(String expected, String found) {
        return new Verdict(true, expected, found);
    }

    public static Verdict fail(String expected, String found) {
        return new Verdict(false, expected, found);
    }

    public static Verdict of(boolean passed, String expected, String found) {
        return new Verdict(passed, expected, found);
    }
}
