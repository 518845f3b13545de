package dev.tierlab.cli;

import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;

/**
 * Base of the *IT classes that work on the real sandbox: one sandbox per class, started from an empty
 * home in {@link #root} before the first test and stopped (no process left) after the last.
 */
abstract class OnSandbox {
    @TempDir
    static Path root;
    static TestSandbox sandbox;

    @BeforeAll
    static void startSandbox() throws IOException {
        sandbox = TestSandbox.start(root.resolve("home"));
    }

    @AfterAll
    static void stopSandbox() {
        sandbox.stop();
    }
}
