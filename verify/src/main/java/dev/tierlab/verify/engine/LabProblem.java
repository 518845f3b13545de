package dev.tierlab.verify.engine;

/**
 * A check's definition is wrong in a way only running it shows (a parameter that is not valid once
 * {@code ${...}} references are filled in): the lab's author must fix it.
 */
public final class LabProblem extends RuntimeException {
    public LabProblem(String message) {
        super(message, null, false, false);
    }
}
