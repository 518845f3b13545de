package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Labs through the command line: list, generate, build — on a real generated project. */
class LabCommandsTest {
    @TempDir
    Path home;

    private Environment env(Path cwd) {
        // the real ~/.m2 so that dependencies resolved once are not downloaded again for every test
        return new Environment(Map.of("TIERLAB_HOME", home.resolve("state").toString()), false, Locale.ENGLISH,
                Path.of(System.getProperty("user.home")), cwd);
    }

    private Run run(Path cwd, String... args) {
        return Run.with(env(cwd), "", args);
    }

    @Test
    void labListShowsTheApiGatewayLab() throws Exception {
        Run run = run(home, "lab", "list", "--json");
        assertEquals(0, run.code, run::toString);
        JsonNode lab = new ObjectMapper().readTree(run.out).get("labs").get(0);
        assertEquals("api-gateway", lab.get("id").asText());
        assertEquals(4, lab.get("steps").size());
        assertTrue(lab.get("points").asInt() > 0);
    }

    @Test
    void generateThenBuildPackagesTheDeploymentZip() throws Exception {
        Path ws = home.resolve("ws");
        Run gen = run(home, "generate", "api-gateway", "--dir", ws.toString());
        assertEquals(0, gen.code, gen::toString);
        assertTrue(Files.exists(ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java")));
        assertTrue(Files.exists(ws.resolve("infra/template.yml")));

        Run build = run(ws.resolve("tickets-api"), "build");
        assertEquals(0, build.code, build::toString);
        assertTrue(build.out.contains("tickets-api: compiled"), build.out);
        try (ZipFile zip = new ZipFile(ws.resolve("tickets-api/target/tickets-api.zip").toFile())) {
            assertTrue(zip.getEntry("dev/tierlab/tickets/TicketsHandler.class") != null);
            assertTrue(zip.stream().anyMatch(e -> e.getName().startsWith("lib/aws-lambda-java-events-")));
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("lib/junit")), "test dependencies stay out");
        }
        byte[] first = Files.readAllBytes(ws.resolve("tickets-api/target/tickets-api.zip"));
        assertEquals(0, run(ws, "build").code);
        assertTrue(java.util.Arrays.equals(first, Files.readAllBytes(ws.resolve("tickets-api/target/tickets-api.zip"))),
                "the same sources give the same zip");
    }

    @Test
    void compileErrorsLookLikeJavacsWithFileAndLine() throws Exception {
        Path ws = home.resolve("ws");
        assertEquals(0, run(home, "generate", "api-gateway", "--dir", ws.toString()).code);
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/Ticket.java");
        Files.writeString(handler, Files.readString(handler).replace("public Ticket withId", "public Ticket withId(int"));
        Run build = run(ws, "build");
        assertEquals(ExitCode.FAILED.code(), build.code, build::toString);
        assertTrue(build.err.contains("src/main/java/dev/tierlab/tickets/Ticket.java:"), build.err);
        assertTrue(build.err.contains(": error: "), build.err);
        assertTrue(build.err.contains("did not compile"), build.err);
    }

    @Test
    void buildOutsideAWorkspaceSaysWhatToDo() {
        Run build = run(home, "build");
        assertEquals(ExitCode.NOT_FOUND.code(), build.code, build::toString);
        assertTrue(build.err.contains("tierlab generate <lab>"), build.err);
    }
}
