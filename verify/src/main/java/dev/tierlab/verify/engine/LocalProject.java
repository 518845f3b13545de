package dev.tierlab.verify.engine;

import java.time.Duration;
import java.util.List;

/**
 * What checks ask of the learner's machine, supplied by the application: build the workspace's
 * projects, run their own unit tests, invoke a function of the template locally, run an author's
 * command. Implementations throw {@link NotVerifiableHere} when this machine lacks a tool, and any
 * other {@link RuntimeException} (put into words by {@link Texts#describe}) when the work failed.
 */
public interface LocalProject {
    /** @param firstError the first compile error's first line, or null when it compiled */
    record Build(boolean compiled, String firstError) {
    }

    /** @param summary the line that says what failed (null when the tests passed) */
    record Tests(boolean passed, String summary) {
    }

    /** @param payload the response JSON, or the Lambda-shaped error JSON; errorType null on success */
    record Invocation(boolean success, String payload, String errorType) {
    }

    /** @param started false when the program could not be started; output is stdout and stderr, merged */
    record Ran(boolean started, int exitCode, List<String> output) {
    }

    Build build();

    Tests unitTests();

    Invocation invoke(String function, String event);

    Ran run(List<String> command, Duration timeout);
}
