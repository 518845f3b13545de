package dev.tierlab.verify.engine;

/**
 * Thrown by a port when this machine lacks what a check needs (e.g. no Maven for a project's own
 * tests): the check is reported as not verifiable here with this message, never as failed or passed.
 */
public final class NotVerifiableHere extends RuntimeException {
    public NotVerifiableHere(String message) {
        super(message, null, false, false);
    }
}
