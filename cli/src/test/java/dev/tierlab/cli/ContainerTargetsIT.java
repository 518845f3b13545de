package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.tierlab.provision.Targets;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The container targets for machines with a Docker engine: the api-gateway lab deploys to Floci, and
 * to LocalStack when LOCALSTACK_AUTH_TOKEN is set, and destroys cleanly. Where there is no Docker
 * (our machines and CI) these tests are skipped and say why; DeployIT checks the messages users get.
 */
class ContainerTargetsIT {
    @TempDir
    Path root;

    private void deployAndDestroy(String target, Map<String, String> vars) {
        String why = Targets.dockerUnavailable();
        if (why != null) {
            System.out.println("ContainerTargetsIT: skipped " + target + ": " + why + " (the " + target + " target needs Docker)");
        }
        assumeTrue(why == null, "the " + target + " target needs Docker: " + why);
        Path home = root.resolve("home");
        Path ws = root.resolve("ws");
        var env = Run.env(home, vars, false);
        assertEquals(0, Run.with(env, "", "lab", "start", "api-gateway", "--dir", ws.toString()).code);
        Run deploy = Run.with(env, "", "deploy", "--dir", ws.toString(), "--target", target);
        assertEquals(0, deploy.code, deploy.toString());
        Run check = Run.with(env, "", "check", "resources-and-methods", "--dir", ws.toString());
        assertTrue(check.out.contains("✓ resources-and-methods/stack-deployed"), check.toString());
        Run destroy = Run.with(env, "", "destroy", "--all", "--yes", "--target", target);
        assertEquals(0, destroy.code, destroy.toString());
    }

    @Test
    void floci() {
        deployAndDestroy("floci", Map.of());
    }

    @Test
    void localstack() {
        String token = System.getenv("LOCALSTACK_AUTH_TOKEN");
        if (token == null) {
            System.out.println("ContainerTargetsIT: skipped localstack: LOCALSTACK_AUTH_TOKEN is not set (needed since 2026-03-23)");
        }
        assumeTrue(token != null, "LOCALSTACK_AUTH_TOKEN is not set");
        deployAndDestroy("localstack", Map.of("LOCALSTACK_AUTH_TOKEN", token));
    }
}
