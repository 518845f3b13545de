package dev.tierlab.config;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What tierlab reads from the process it runs in, captured once at start-up so that nothing deeper
 * in the code reads {@code System.getenv} and tests can run with any environment.
 *
 * @param terminal true when standard output is an interactive terminal
 */
public record Environment(Map<String, String> variables, boolean terminal, Locale locale, Path userHome, Path workingDir) {

    public Environment {
        variables = Map.copyOf(variables);
        workingDir = workingDir.toAbsolutePath().normalize();
    }

    /** An environment whose working directory is the process's. */
    public Environment(Map<String, String> variables, boolean terminal, Locale locale, Path userHome) {
        this(variables, terminal, locale, userHome, Path.of(""));
    }

    public static Environment system() {
        return new Environment(System.getenv(), isTerminal(System.console()), Locale.getDefault(),
                Path.of(System.getProperty("user.home")), Path.of(""));
    }

    /**
     * Whether standard input and output are a terminal. Up to JDK 21 a console exists only then; from
     * JDK 22 one always exists and {@code Console.isTerminal()} (called reflectively, as tierlab is
     * built for 17) tells.
     */
    static boolean isTerminal(java.io.Console console) {
        if (console == null) {
            return false;
        }
        try {
            return (Boolean) java.io.Console.class.getMethod("isTerminal").invoke(console);
        } catch (ReflectiveOperationException e) {
            return true;
        }
    }

    public Optional<String> get(String name) {
        String value = variables.get(name);
        return value == null || value.isEmpty() ? Optional.empty() : Optional.of(value);
    }
}
