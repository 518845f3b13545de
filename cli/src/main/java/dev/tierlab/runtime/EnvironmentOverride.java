package dev.tierlab.runtime;

import java.lang.reflect.Field;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets environment variables for an in-process invocation and restores them afterwards. Java has
 * no API for this; the JVM's own copy of the environment is changed by reflection, which needs
 * {@code --add-opens java.base/java.util=ALL-UNNAMED} (the launcher passes it). Without it, nothing
 * is changed and the names that could not be set are reported.
 */
final class EnvironmentOverride implements AutoCloseable {
    private final Map<String, String> live;
    private final Map<String, String> previous = new HashMap<>();
    private final List<String> notSet;

    private EnvironmentOverride(Map<String, String> live, List<String> notSet) {
        this.live = live;
        this.notSet = notSet;
    }

    static EnvironmentOverride apply(Map<String, String> values) {
        Map<String, String> live = writableEnvironment();
        if (live == null) {
            return new EnvironmentOverride(null, List.copyOf(values.keySet()));
        }
        EnvironmentOverride o = new EnvironmentOverride(live, List.of());
        values.forEach((k, v) -> o.previous.put(k, live.put(k, v)));
        return o;
    }

    /** Names that could not be set (empty when all were). */
    List<String> notSet() {
        return notSet;
    }

    @Override
    public void close() {
        if (live != null) {
            previous.forEach((k, v) -> {
                if (v == null) {
                    live.remove(k);
                } else {
                    live.put(k, v);
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> writableEnvironment() {
        try {
            Map<String, String> env = System.getenv();
            Field m = env.getClass().getDeclaredField("m");
            m.setAccessible(true);
            return (Map<String, String>) m.get(env);
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
