package dev.tierlab.runtime;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Runs with --add-opens java.base/java.util=ALL-UNNAMED, as ./tierlab does (see the surefire argLine). */
class EnvironmentOverrideTest {
    @Test
    void setsVariablesForTheInvocationAndRestoresThem() {
        String name = "TIERLAB_TEST_VARIABLE_" + System.nanoTime();
        try (EnvironmentOverride o = EnvironmentOverride.apply(Map.of(name, "hello"))) {
            assertEquals(List.of(), o.notSet());
            assertEquals("hello", System.getenv(name));
        }
        assertNull(System.getenv(name));
    }
}
