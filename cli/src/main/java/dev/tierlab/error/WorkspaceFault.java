package dev.tierlab.error;

/**
 * An error caused by the workspace's content (its template, code or pom), not by the target or this
 * machine. A grade counts it against the learner (the lab's checks fail) where any other error stops
 * the grading; the lab self-test reports it as the step's failure.
 */
public class WorkspaceFault extends TierlabException {
    public WorkspaceFault(ExitCode exitCode, String key, Object... args) {
        super(exitCode, key, args);
    }

    public WorkspaceFault(ExitCode exitCode, Throwable cause, String key, Object... args) {
        super(exitCode, cause, key, args);
    }
}
