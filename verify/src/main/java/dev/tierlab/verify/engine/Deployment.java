package dev.tierlab.verify.engine;

import java.util.Map;

/**
 * What the workspace deployed: the stack, its outputs, and whether the workspace has changed since
 * (then every check of what is deployed is blocked until the learner deploys again).
 *
 * @param stale true when the template or the code in the workspace is newer than what is deployed
 */
public record Deployment(String stack, Map<String, String> outputs, boolean stale) {
    public Deployment {
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }
}
