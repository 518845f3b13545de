package dev.tierlab.verify.engine;

/**
 * The sentences checks report, in the reader's language: a message key ({@code check.*}) and its
 * arguments. The application supplies it from its message bundles; tests can supply their own.
 */
@FunctionalInterface
public interface Texts {
    String get(String key, Object... args);

    /** An error raised by the application's ports, in one line of the reader's language. */
    default String describe(RuntimeException e) {
        return String.valueOf(e.getMessage());
    }
}
