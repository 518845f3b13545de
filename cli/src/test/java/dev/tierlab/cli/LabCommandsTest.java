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

    private Path generated() {
        Path ws = home.resolve("ws");
        Run gen = run(home, "generate", "api-gateway", "--dir", ws.toString());
        assertEquals(0, gen.code, gen::toString);
        return ws;
    }

    @Test
    void invokePrintsOnlyTheResponseOnStdoutAndLogsOnStderr() throws Exception {
        Path ws = generated();
        Run get = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(0, get.code, get::toString);
        JsonNode response = new ObjectMapper().readTree(get.out);
        assertEquals(200, response.get("statusCode").asInt());
        assertTrue(new ObjectMapper().readTree(response.get("body").asText()).isArray());
        assertTrue(get.err.contains("GET /tickets"), "the handler's log line goes to stderr: " + get.err);
        assertTrue(get.err.contains("TABLE_NAME is computed by CloudFormation"), get.err);

        Path event = home.resolve("my-event.json");
        Files.writeString(event, Files.readString(ws.resolve("tickets-api/src/test/resources/events/get-ticket.json")));
        Run byFile = run(home, "invoke", "TicketsFunction", "--event", event.toString(), "--dir", ws.toString());
        assertEquals(0, byFile.code, byFile::toString);
        assertTrue(byFile.out.contains("VPN drops every hour"), byFile.out);

        Run unknown = run(ws, "invoke", "TicketsFunction", "--event", "get-everything");
        assertEquals(ExitCode.NOT_FOUND.code(), unknown.code);
        assertTrue(unknown.err.contains("get-tickets"), "lists the sample events: " + unknown.err);
        Run noFunction = run(ws, "invoke", "NoSuchFunction", "--event", "get-tickets");
        assertEquals(ExitCode.NOT_FOUND.code(), noFunction.code);
        assertTrue(noFunction.err.contains("TicketsFunction"), noFunction.err);
    }

    @Test
    void theUnsolvedTaskFailsWithItsHintUntilTheSolutionIsApplied() throws Exception {
        Path ws = generated();
        Run before = run(ws, "check", "post-ticket");
        assertEquals(ExitCode.FAILED.code(), before.code, before::toString);
        assertTrue(before.out.contains("expected status 201; found status 501"), before.out);
        assertTrue(before.out.contains("hint: POST /tickets must store the ticket"), before.out);
        // nothing deployed: the remote checks are reported once as blocked, with what to do, and no hints about code
        assertEquals(1, before.out.split("checks not run:", -1).length - 1, "the reason once: " + before.out);
        assertTrue(before.out.contains("3 checks not run: nothing is deployed from this workspace"), before.out);
        assertFalse(before.out.contains("hint: Deploy your solved handler"), before.out);

        Run hint = run(ws, "hint");
        assertTrue(hint.out.contains("2. "), "a failed check unlocks the second hint: " + hint.out);
        assertTrue(hint.out.matches("(?s).*tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler\\.java:\\d+.*"),
                "the task is listed with file:line: " + hint.out);

        Run declined = Run.with(env(ws), "n\n", "solution", "--apply");
        assertEquals(ExitCode.CANCELLED.code(), declined.code, "asks first");
        Run applied = run(ws, "solution", "--apply", "--yes");
        assertEquals(0, applied.code, applied::toString);
        Run after = run(ws, "check", "post-ticket", "--json");
        assertEquals(ExitCode.FAILED.code(), after.code, "the step's remote checks are blocked until it is deployed, and check exits 6: " + after);
        JsonNode result = new ObjectMapper().readTree(after.out);
        assertEquals(3, result.get("score").asInt());
        assertEquals("post-creates-ticket", result.get("checks").get(0).get("id").asText());
        assertEquals("passed", result.get("checks").get(0).get("status").asText());
        for (int i = 1; i < result.get("checks").size(); i++) {
            JsonNode remote = result.get("checks").get(i);
            assertEquals("blocked", remote.get("status").asText(), remote::toString);
            assertTrue(remote.get("found").asText().contains("run tierlab deploy"), remote::toString);
            assertTrue(remote.get("hint").isNull(), "no hint about code that may be right: " + remote);
        }

        JsonNode progress = new ObjectMapper().readTree(Files.readString(home.resolve("state/progress.json")));
        JsonNode lab = progress.get("labs").get("api-gateway");
        assertEquals("[\"post-ticket\"]", lab.get("solutionsSeen").toString());
        assertEquals("PASSED", lab.get("checks").get("post-creates-ticket").get("status").asText());
    }

    @Test
    void generatingAgainKeepsTheLearnersEdit() throws Exception {
        Path ws = generated();
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        Files.writeString(handler, Files.readString(handler) + "\n// my notes\n");
        Run again = Run.with(env(home), "n\n", "generate", "api-gateway", "--dir", ws.toString());
        assertTrue(again.out.contains("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java"), again.out);
        assertTrue(Files.readString(handler).endsWith("// my notes\n"));
        Run forced = run(home, "generate", "api-gateway", "--dir", ws.toString(), "--force");
        assertEquals(0, forced.code, forced::toString);
        assertFalse(Files.readString(handler).contains("// my notes"));
        assertTrue(forced.out.contains(".tierlab/backup"), forced.out);
    }

    @Test
    void handlerFailuresBecomeLambdaShapedErrorsWithAHint() throws Exception {
        Path ws = generated();
        Path template = ws.resolve("infra/template.yml");
        String original = Files.readString(template);
        Files.writeString(template, original.replace("TicketsHandler::handleRequest", "NoSuchHandler::handleRequest"));
        Run missing = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.FAILED.code(), missing.code, missing::toString);
        JsonNode error = new ObjectMapper().readTree(missing.out);
        assertEquals("java.lang.ClassNotFoundException", error.get("errorType").asText());
        assertTrue(error.get("errorMessage").asText().contains("NoSuchHandler"));
        assertTrue(missing.err.contains("hint: the Handler class"), missing.err);

        Files.writeString(template, original.replace("Timeout: 20", "Timeout: 1"));
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        String code = Files.readString(handler);
        Files.writeString(handler, code.replace("return json(200, repository.findAll());",
                "try { Thread.sleep(30_000); } catch (InterruptedException e) { Thread.currentThread().interrupt(); }\n"
                        + "            return json(200, repository.findAll());"));
        Run slow = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.FAILED.code(), slow.code, slow::toString);
        assertEquals("Sandbox.Timedout", new ObjectMapper().readTree(slow.out).get("errorType").asText());
        assertTrue(slow.out.contains("Task timed out after 1.00 seconds"), slow.out);

        Files.writeString(handler, code.replace("return json(200, repository.findAll());",
                "throw new IllegalStateException(\"the repository is empty\");"));
        Run thrown = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.FAILED.code(), thrown.code, thrown::toString);
        JsonNode ex = new ObjectMapper().readTree(thrown.out);
        assertEquals("java.lang.IllegalStateException", ex.get("errorType").asText());
        assertEquals("the repository is empty", ex.get("errorMessage").asText());
        assertTrue(ex.get("stackTrace").get(0).asText().contains("TicketsHandler.handleRequest"), ex.toString());

        Files.writeString(handler, code.replace("return json(200, repository.findAll());", "System.exit(2);\n            return null;"));
        Run exited = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.FAILED.code(), exited.code, exited::toString);
        assertEquals("Runtime.ExitError", new ObjectMapper().readTree(exited.out).get("errorType").asText(), exited.out);
        assertTrue(exited.out.contains("Runtime exited with error: exit status 2"), exited.out);
        assertTrue(exited.err.contains("hint: the function ended its JVM"), exited.err);
        assertEquals(0, run(ws, "status").code, "tierlab itself goes on");
    }

    @Test
    void labStartGeneratesListsTheTasksAndBecomesTheCurrentLab() throws Exception {
        Path ws = home.resolve("started");
        Run start = run(home, "lab", "start", "api-gateway", "--dir", ws.toString());
        assertEquals(0, start.code, start::toString);
        assertTrue(start.out.contains("post-ticket"), start.out);
        assertTrue(start.out.matches("(?s).*TicketsHandler\\.java:\\d+.*"), "tasks with file:line: " + start.out);
        Run check = run(home, "check", "non-proxy");
        assertTrue(check.out.contains("✓ non-proxy/mapping-template-declared"), "found through the current lab, from any directory: " + check);
        Run ko = run(home, "--lang", "ko", "check", "post-ticket");
        assertEquals(ExitCode.FAILED.code(), ko.code);
        assertTrue(ko.out.contains("기대: 상태 코드 201; 실제: 상태 코드 501"), ko.out);
        Run unknownStep = run(home, "hint", "no-such-step");
        assertEquals(ExitCode.NOT_FOUND.code(), unknownStep.code);
        assertTrue(unknownStep.err.contains("resources-and-methods"), unknownStep.err);
    }

    @Test
    void generateInsideAWorkspaceRegeneratesThatWorkspace() throws Exception {
        Path ws = generated();
        Run again = run(ws.resolve("tickets-api/src"), "generate", "api-gateway");
        assertEquals(0, again.code, again::toString);
        assertTrue(again.out.contains(ws.toString()), again.out);
        JsonNode progress = new ObjectMapper().readTree(Files.readString(home.resolve("state/progress.json")));
        assertEquals(ws.toString(), progress.get("labs").get("api-gateway").get("workspace").asText(),
                "the lab's workspace stays the one the learner is in");
    }

    @Test
    void anAppliedSolutionIsNotSilentlyUndoneByGeneratingAgain() throws Exception {
        Path ws = generated();
        assertEquals(0, run(ws, "solution", "post-ticket", "--apply", "--yes").code);
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        String solved = Files.readString(handler);
        assertFalse(solved.contains("TODO(tierlab:post-ticket)"));
        Run again = Run.with(env(ws), "n\n", "generate", "api-gateway");
        assertTrue(again.out.contains("TicketsHandler.java"), "listed as changed: " + again.out);
        assertEquals(solved, Files.readString(handler));
    }

    @Test
    void aBusyLoopIsStoppedAtItsTimeout() throws Exception {
        Path ws = generated();
        Path template = ws.resolve("infra/template.yml");
        Files.writeString(template, Files.readString(template).replace("Timeout: 20", "Timeout: 1"));
        Path handler = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/TicketsHandler.java");
        Files.writeString(handler, Files.readString(handler).replace("return json(200, repository.findAll());",
                "long n = 0; while (n >= 0) { n = (n + 1) % 1000; }\n            return json(200, repository.findAll());"));
        Run slow = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.FAILED.code(), slow.code, slow::toString);
        assertTrue(slow.out.contains("Sandbox.Timedout"), slow.out);
        long deadline = System.currentTimeMillis() + 5000;
        while (strayWorkers().findAny().isPresent()) {
            assertTrue(System.currentTimeMillis() < deadline, "the function's worker still runs after its timeout: "
                    + strayWorkers().map(p -> p.pid() + " " + p.info().commandLine().orElse("")).toList());
            Thread.sleep(100);
        }
        assertTrue(slow.out.contains("Task timed out after 1.00 seconds"), slow.out);
    }

    /** Worker processes of this JVM that are not idle in the pool: a busy one after its timeout would be here. */
    private static java.util.stream.Stream<ProcessHandle> strayWorkers() {
        java.util.List<Long> idle = dev.tierlab.runtime.WorkerPool.processWide().pids();
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().commandLine().map(c -> c.contains("WorkerMain")).orElse(false))
                .filter(p -> !idle.contains(p.pid()));
    }

    @Test
    void labShowRendersAStepsInstructions() {
        Run show = run(home, "lab", "show", "api-gateway", "post-ticket");
        assertEquals(0, show.code, show::toString);
        assertTrue(show.out.contains("api-gateway · step 3/4"), show.out);
        assertTrue(show.out.contains("TODO(tierlab:post-ticket)"), show.out);
        assertTrue(run(home, "lab", "show", "api-gateway", "post-ticket", "--lang", "ko").out.contains("3/4단계"));
    }

    @Test
    void oldUnpackedPackagesAreRemoved() throws Exception {
        Path ws = generated();
        assertEquals(0, run(ws, "invoke", "TicketsFunction", "--event", "get-tickets").code);
        Path ticket = ws.resolve("tickets-api/src/main/java/dev/tierlab/tickets/Ticket.java");
        Files.writeString(ticket, Files.readString(ticket) + "\n// changed\n");
        Files.setLastModifiedTime(ticket, java.nio.file.attribute.FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(0, run(ws, "invoke", "TicketsFunction", "--event", "get-tickets").code);
        try (var list = Files.list(ws.resolve("tickets-api/target"))) {
            assertEquals(1, list.filter(p -> p.getFileName().toString().startsWith(".tierlab-tickets-api.zip-")).count());
        }
    }

    @Test
    void providedDependenciesAreCompiledAgainstButNotPackaged() throws Exception {
        Path ws = generated();
        Path pom = ws.resolve("tickets-api/pom.xml");
        Files.writeString(pom, Files.readString(pom).replace(
                "<artifactId>aws-lambda-java-core</artifactId>\n      <version>1.2.3</version>",
                "<artifactId>aws-lambda-java-core</artifactId>\n      <version>1.2.3</version>\n      <scope>provided</scope>"));
        Run build = run(ws, "build");
        assertEquals(0, build.code, build::toString);
        try (ZipFile zip = new ZipFile(ws.resolve("tickets-api/target/tickets-api.zip").toFile())) {
            assertFalse(zip.stream().anyMatch(e -> e.getName().startsWith("lib/aws-lambda-java-core-")), "provided stays out");
            assertTrue(zip.stream().anyMatch(e -> e.getName().startsWith("lib/aws-lambda-java-events-")));
        }
    }
}
