package dev.tierlab.generate;

import dev.tierlab.workspace.Workspace;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every template generates with its defaults into a real project: a Maven project must build and
 * pass its own tests with {@code mvn -B -q verify} (as SAM's template CI does), and CloudFormation
 * must pass cfn-lint with zero errors. cfn-lint comes from PyPI, pinned, in a virtualenv under
 * {@code cli/target/tools} that this test creates on first use.
 */
class TemplatesIT {
    static final String CFN_LINT_VERSION = "1.58.0";
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path work;

    @TestFactory
    Stream<DynamicTest> everyTemplateGeneratesIntoAProjectThatBuildsAndLints() throws IOException {
        List<String> ids;
        try (Stream<Path> list = Files.list(REPO.resolve("templates"))) {
            ids = list.filter(p -> Files.isRegularFile(p.resolve(TemplateManifest.FILE)))
                    .map(p -> p.getFileName().toString()).sorted().toList();
        }
        assertTrue(ids.containsAll(List.of("lambda-java-api", "lambda-java-authorizer", "cfn-api")), ids.toString());
        TemplateRepository repo = TemplateRepository.directory(REPO.resolve("templates"));
        return ids.stream().map(id -> DynamicTest.dynamicTest(id, () -> {
            Path out = work.resolve(id);
            Workspace ws = new Workspace(out, Clock.systemUTC());
            Map<String, byte[]> files = new Generator().render(repo.load(id), Map.of());
            ws.apply(ws.plan(files), false, "template-test", Map.of(id, repo.load(id).manifest().version()));
            boolean checked = false;
            if (Files.exists(out.resolve("pom.xml"))) {
                run(out, List.of("mvn", "-B", "-q", "verify"), 900);
                checked = true;
            }
            for (String file : files.keySet()) {
                if (file.endsWith(".yml") || file.endsWith(".yaml")) {
                    run(out, List.of(cfnLint().toString(), file), 300);
                    checked = true;
                }
                if (file.endsWith(".js")) {
                    run(out, List.of("node", "--check", file), 60); // a page's script parses (Node is on our machines)
                    checked = true;
                }
            }
            assertTrue(checked, id + " produced neither a Maven project, CloudFormation nor a script");
        }));
    }

    /**
     * Each bundled lab's CloudFormation as the learner gets it — generated with the lab's own template
     * parameters, then after each step's solution is applied — passes cfn-lint too: the sandbox accepts
     * templates AWS would reject, so a lab must not teach one. Driven through the packaged jar, as a user.
     */
    @TestFactory
    Stream<DynamicTest> everyLabsTemplatesLintAsGeneratedAndAsSolved() throws IOException {
        com.fasterxml.jackson.databind.JsonNode catalog = new com.fasterxml.jackson.databind.ObjectMapper(
                new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(REPO.resolve("labs/labs.yaml").toFile());
        List<String> labs = new ArrayList<>();
        catalog.path("labs").forEach(l -> labs.add(l.asText()));
        assertTrue(labs.contains("api-auth") && labs.contains("access-control"), labs.toString());
        return labs.stream().map(lab -> DynamicTest.dynamicTest(lab, () -> {
            Path home = work.resolve(lab + "-home");
            Path ws = work.resolve(lab);
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            String jar = REPO.resolve("cli/target/tierlab.jar").toString();
            run(work, List.of(java, "-jar", jar, "--home", home.toString(), "lab", "start", lab, "--dir", ws.toString()), 300);
            lintAll(ws, lab + " as generated");
            com.fasterxml.jackson.databind.JsonNode def = new com.fasterxml.jackson.databind.ObjectMapper(
                    new com.fasterxml.jackson.dataformat.yaml.YAMLFactory()).readTree(REPO.resolve("labs/" + lab + "/lab.yaml").toFile());
            for (com.fasterxml.jackson.databind.JsonNode step : def.path("steps")) {
                if (step.has("solution")) {
                    run(ws, List.of(java, "-jar", jar, "--home", home.toString(), "solution", step.path("id").asText(), "--apply", "--yes",
                            "--dir", ws.toString()), 300);
                    lintAll(ws, lab + " after the solution of " + step.path("id").asText());
                }
            }
        }));
    }

    /** cfn-lint on every CloudFormation file of a workspace (not its build output or tierlab's own files). */
    private static void lintAll(Path ws, String what) throws IOException, InterruptedException {
        List<Path> templates;
        try (Stream<Path> walk = Files.walk(ws)) {
            templates = walk.filter(p -> p.toString().endsWith(".yml") || p.toString().endsWith(".yaml"))
                    .filter(p -> !ws.relativize(p).toString().contains("target") && !ws.relativize(p).startsWith(".tierlab"))
                    .filter(p -> {
                        try {
                            return Files.readString(p).contains("AWSTemplateFormatVersion");
                        } catch (IOException e) {
                            return false;
                        }
                    }).toList();
        }
        assertFalse(templates.isEmpty(), what + ": no CloudFormation found");
        for (Path t : templates) {
            run(ws, List.of(cfnLint().toString(), ws.relativize(t).toString()), 300);
        }
    }

    private static void run(Path dir, List<String> command, int seconds) throws IOException, InterruptedException {
        Path log = Files.createTempFile("tierlab-template-", ".log");
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                .redirectOutput(log.toFile()).start();
        assertTrue(p.waitFor(seconds, TimeUnit.SECONDS), command + " did not finish in " + seconds + " s");
        String output = Files.readString(log, StandardCharsets.UTF_8);
        assertEquals(0, p.exitValue(), command + " in " + dir + " failed:\n" + output);
        Files.deleteIfExists(log);
    }

    /** cfn-lint, pinned, installed into a private virtualenv the first time it is needed. */
    static synchronized Path cfnLint() throws IOException, InterruptedException {
        Path venv = REPO.resolve("cli/target/tools/cfn-lint-" + CFN_LINT_VERSION);
        Path bin = venv.resolve("bin/cfn-lint");
        if (!Files.isExecutable(bin)) {
            Files.createDirectories(venv.getParent());
            List<String> create = new ArrayList<>(List.of("python3", "-m", "venv", venv.toString()));
            run(venv.getParent(), create, 300);
            run(venv.getParent(), List.of(venv.resolve("bin/pip").toString(), "install", "--quiet",
                    "cfn-lint==" + CFN_LINT_VERSION), 900);
        }
        assertFalse(!Files.isExecutable(bin), "cfn-lint was not installed at " + bin);
        return bin;
    }
}
