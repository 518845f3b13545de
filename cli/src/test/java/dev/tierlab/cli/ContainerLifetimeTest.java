package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.config.Environment;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A workspace deployed to a container target by an earlier tierlab process: its container ended with
 * that process, so {@code check} and {@code destroy} say so instead of asking a fresh, empty emulator.
 * Needs no Docker: the refusal comes before any container would start.
 */
class ContainerLifetimeTest {
    @TempDir
    Path home;

    private Run run(String lang, String... args) {
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.resolve("state").toString()), false,
                Locale.forLanguageTag(lang), Path.of(System.getProperty("user.home")), home);
        return Run.with(env, "", args);
    }

    @Test
    void checkAndDestroyAfterTheContainerIsGoneAreRefusedInBothLanguages() throws Exception {
        Path ws = home.resolve("ws");
        assertEquals(0, run("en", "generate", "api-gateway", "--dir", ws.toString()).code);
        Files.createDirectories(ws.resolve(".tierlab"));
        Files.writeString(ws.resolve(".tierlab/deploy.json"), """
                {"target": "floci", "endpoint": "http://localhost:32771", "region": "us-east-1", "account": "000000000000",
                 "stack": "tierlab-api-gateway-00000000", "bucket": "tierlab-artifacts-000000000000-us-east-1",
                 "outputs": {"ApiUrl": "https://abc.execute-api.us-east-1.amazonaws.com/dev"}}
                """);

        Run check = run("en", "check", "resources-and-methods", "--dir", ws.toString());
        assertEquals(6, check.code, check::toString);
        assertTrue(check.err.contains("the floci container this workspace was deployed to (http://localhost:32771) is gone"), check::toString);
        assertTrue(check.err.contains("tierlab grade --target floci"), check::toString);

        Run destroy = run("ko", "destroy", "--dir", ws.toString(), "--yes");
        assertEquals(6, destroy.code, destroy::toString);
        assertTrue(destroy.err.contains("floci 컨테이너(http://localhost:32771)가 종료되어"), destroy::toString);
        assertTrue(Files.exists(ws.resolve(".tierlab/deploy.json")), "the record stays until a new deploy replaces it");
    }
}
