package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

/** Instructor tooling through the command line: lab new, lab validate, external labs and --trust. */
class LabAuthoringTest {
    private static final Pattern EXPECT = Pattern.compile("^# expect: line (\\d+) (.*)$");

    @TempDir
    Path home;

    private Environment env(Path cwd, Map<String, String> vars) {
        return env(cwd, vars, false);
    }

    /** {@code terminal}: whether tierlab may ask (as in a terminal) or must not (a script, CI). */
    private Environment env(Path cwd, Map<String, String> vars, boolean terminal) {
        Map<String, String> all = new java.util.HashMap<>(vars);
        all.put("TIERLAB_HOME", home.resolve("state").toString());
        return new Environment(all, terminal, Locale.ENGLISH, Path.of(System.getProperty("user.home")), cwd);
    }

    /** A run in a terminal, answering {@code answer} when asked. */
    private Run runAsked(Path cwd, String answer, String... args) {
        return Run.with(env(cwd, Map.of(), true), answer + "\n", args);
    }

    private Run run(Path cwd, String... args) {
        return Run.with(env(cwd, Map.of()), "", args);
    }

    private static Path resource(String name) {
        try {
            return Path.of(LabAuthoringTest.class.getClassLoader().getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aNewLabValidatesAndRunsFromItsLabsFolder() throws IOException {
        Path labs = home.resolve("my-labs");
        Run created = run(home, "lab", "new", "first-lab", "--chapter", "api-gateway", "--into", labs.toString());
        assertEquals(0, created.code, created::toString);
        Path lab = labs.resolve("first-lab");
        assertTrue(Files.readString(lab.resolve("lab.yaml")).startsWith("# yaml-language-server: $schema=../lab.schema.json\n"));
        for (String file : List.of("steps/first-step.en.md", "steps/first-step.ko.md", "events/sample.json", "solution/first-step/NOTES.md")) {
            assertTrue(Files.isRegularFile(lab.resolve(file)), file);
        }
        assertTrue(Files.isRegularFile(labs.resolve("lab.schema.json")), "editors find the schema beside the labs");
        assertTrue(created.out.contains("tierlab lab validate " + lab), created.out);
        assertTrue(created.out.contains("tierlab --labs-dir " + labs + " lab start first-lab"), created.out);

        Run valid = run(home, "lab", "validate", lab.toString());
        assertEquals(0, valid.code, valid::toString);
        assertTrue(valid.out.contains("1 lab(s) checked: no problems."), valid.out);

        Run second = run(labs, "lab", "new", "second-lab");
        assertEquals(0, second.code, second::toString);
        assertEquals(List.of("first-lab", "second-lab"), Files.readAllLines(labs.resolve("labs.yaml")).stream()
                .filter(l -> l.startsWith("  - ")).map(l -> l.substring(4)).toList(), "existing entries are kept");
        Run both = run(home, "lab", "validate", labs.toString());
        assertEquals(0, both.code, both::toString);
        assertTrue(both.out.contains("2 lab(s) checked"), both.out);

        Path ws = home.resolve("ws");
        Run start = run(home, "--labs-dir", labs.toString(), "lab", "start", "first-lab", "--dir", ws.toString());
        assertEquals(0, start.code, start::toString);
        assertTrue(start.out.contains("NOTES.md"), "the instructions come from the lab's folder: " + start.out);
        Run before = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.FAILED.code(), before.code, before::toString);
        Run solved = run(ws, "--labs-dir", labs.toString(), "solution", "--apply", "--yes");
        assertEquals(0, solved.code, solved::toString);
        Run after = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(0, after.code, after::toString);
    }

    @Test
    void hugeBinaryAndLinkedLabFilesAreRefusedWithTheirName() throws IOException {
        Path labs = home.resolve("bad-labs");
        assertEquals(0, run(home, "lab", "new", "big-lab", "--chapter", "api-gateway", "--into", labs.toString()).code);
        Path lab = labs.resolve("big-lab");
        String valid = Files.readString(lab.resolve("lab.yaml"));

        try (var out = new java.io.BufferedWriter(Files.newBufferedWriter(lab.resolve("lab.yaml")))) {
            out.write(valid);
            String comment = "# " + "x".repeat(1021) + "\n";
            for (int i = 0; i < 50 * 1024; i++) { // 50 MB
                out.write(comment);
            }
        }
        Run big = run(home, "lab", "validate", lab.toString());
        assertEquals(1, big.code, big::toString);
        assertTrue(big.out.contains("lab.yaml is 52") && big.out.contains("at most 1048576 bytes"), "refused by its size: " + big);

        byte[] bytes = (valid + "\n# caf\u00e9\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
        bytes[bytes.length - 3] = (byte) 0xff; // not UTF-8
        Files.write(lab.resolve("lab.yaml"), bytes);
        Run binary = run(home, "lab", "validate", lab.toString());
        assertEquals(1, binary.code, binary::toString);
        assertTrue(binary.out.contains("lab.yaml is not UTF-8 text (the first bad byte is at offset " + (bytes.length - 3) + ")"),
                binary.toString());

        Files.writeString(lab.resolve("lab.yaml"), valid);
        Path notes = lab.resolve("solution/first-step/NOTES.md");
        Path elsewhere = Files.writeString(home.resolve("secret.txt"), "not part of the lab");
        Files.delete(notes);
        Files.createSymbolicLink(notes, elsewhere);
        Path ws = home.resolve("linked-ws");
        assertEquals(0, run(home, "--labs-dir", labs.toString(), "lab", "start", "big-lab", "--dir", ws.toString()).code);
        Run apply = run(ws, "--labs-dir", labs.toString(), "solution", "--apply", "--yes");
        assertEquals(ExitCode.BAD_INPUT.code(), apply.code, apply::toString);
        assertTrue(apply.err.contains("solution/first-step/NOTES.md is a symbolic link"), apply.err);
    }

    @Test
    void aTemplateParameterThatWouldBeCodeIsRefusedAtValidateAndAtGeneration() throws IOException {
        Path labs = home.resolve("inject-labs");
        assertEquals(0, run(home, "lab", "new", "inject-lab", "--chapter", "api-gateway", "--into", labs.toString()).code);
        Path file = labs.resolve("inject-lab/lab.yaml");
        String yaml = Files.readString(file).replace("    instructions: {en: steps/first-step.en.md, ko: steps/first-step.ko.md}\n",
                "    instructions: {en: steps/first-step.en.md, ko: steps/first-step.ko.md}\n"
                        + "    generate:\n"
                        + "      - template: lambda-java-api\n"
                        + "        into: app\n"
                        + "        parameters: {tableEnvVar: 'TABLE_NAME\" + new Object(){ { System.exit(9); } } + \"'}\n");
        Files.writeString(file, yaml);
        int line = java.util.Arrays.asList(yaml.split("\n")).indexOf("        parameters: {tableEnvVar: 'TABLE_NAME\" + new Object(){ { System.exit(9); } } + \"'}") + 1;
        Run validate = run(home, "lab", "validate", labs.resolve("inject-lab").toString());
        assertEquals(1, validate.code, validate::toString);
        assertTrue(validate.out.contains("lab.yaml:" + line + ":"), "file:line of the parameters: " + validate.out);
        assertTrue(validate.out.contains("the parameter tableEnvVar of template lambda-java-api cannot be"), validate.out);

        Path ws = home.resolve("inject-ws");
        Run start = run(home, "--labs-dir", labs.toString(), "lab", "start", "inject-lab", "--dir", ws.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), start.code, start::toString);
        assertTrue(start.err.contains("it must be letters, digits and _"), start.err);
        assertFalse(Files.exists(ws.resolve("app")), "nothing was generated");
    }

    @Test
    void everyBundledTemplateParameterHasATypeItsDefaultFits() {
        dev.tierlab.generate.TemplateRepository templates = dev.tierlab.generate.TemplateRepository.bundled();
        for (String id : templates.ids()) {
            for (dev.tierlab.generate.TemplateManifest.Parameter p : templates.load(id).manifest().parameters()) {
                assertTrue(p.type() != null, id + "/" + p.name() + " has a type");
                assertTrue(p.type().accepts(p.defaultValue()), id + "/" + p.name() + " default fits its type");
            }
        }
    }

    @Test
    void labNewRefusesToOverwriteAndExplainsBadIdsAndChapters() throws IOException {
        Path labs = home.resolve("labs");
        assertEquals(0, run(home, "lab", "new", "mine", "--into", labs.toString()).code);
        Path yaml = labs.resolve("mine/lab.yaml");
        Files.writeString(yaml, Files.readString(yaml) + "# edited\n");
        Run again = run(home, "lab", "new", "mine", "--into", labs.toString());
        assertEquals(ExitCode.USAGE.code(), again.code, again::toString);
        assertTrue(again.err.contains("already exists"), again.err);
        assertTrue(Files.readString(yaml).endsWith("# edited\n"), "nothing was overwritten");

        Run badId = run(home, "lab", "new", "My_Lab", "--into", labs.toString());
        assertEquals(ExitCode.USAGE.code(), badId.code, badId::toString);
        assertTrue(badId.err.contains("'My_Lab' is not a valid lab id"), badId.err);
        assertFalse(Files.exists(labs.resolve("My_Lab")));

        Run badChapter = run(home, "lab", "new", "other", "--chapter", "no-such-chapter", "--into", labs.toString());
        assertEquals(ExitCode.NOT_FOUND.code(), badChapter.code, badChapter::toString);
        assertTrue(badChapter.err.contains("no chapter 'no-such-chapter'"), badChapter.err);
        assertTrue(badChapter.err.contains("three-tier, api-gateway"), "lists the valid chapters: " + badChapter.err);
        assertFalse(Files.exists(labs.resolve("other")));
    }

    @Test
    void everyBundledLabIsValid() {
        Run run = run(home, "lab", "validate");
        assertEquals(0, run.code, run::toString);
        assertTrue(run.out.contains("no problems"), run.out);
    }

    /** Each broken lab says in its first line where (line) and what the problem is; validate finds it there and exits 1. */
    @TestFactory
    Stream<DynamicTest> brokenLabsAreReportedAtTheirLine() throws IOException {
        List<Path> cases;
        try (Stream<Path> list = Files.list(resource("broken-labs"))) {
            cases = list.filter(Files::isDirectory).sorted().toList();
        }
        assertTrue(cases.size() >= 11, "a corpus of broken lab folders");
        return cases.stream().map(dir -> DynamicTest.dynamicTest(dir.getFileName().toString(), () -> {
            Matcher expect = EXPECT.matcher(Files.readAllLines(dir.resolve("lab.yaml")).get(0));
            assertTrue(expect.matches(), "first line must be # expect: line N ...");
            Run run = run(home, "lab", "validate", dir.toString());
            assertEquals(LabValidateCommand.PROBLEMS, run.code, run::toString);
            String where = dir.resolve("lab.yaml") + ":" + expect.group(1) + ":";
            assertTrue(run.out.lines().anyMatch(l -> l.startsWith(where) && l.contains(expect.group(2))),
                    "expected a line starting with " + where + " and containing '" + expect.group(2) + "' in:\n" + run.out);
            assertTrue(run.out.contains("problem(s) found; 1 lab(s) checked."), run.out);
        }));
    }

    /**
     * With --lang ko the problems are in Korean at the same file:line:column as in English: tierlab's own
     * sentences (one with a nested "what": step one hint 2) and the schema validator's.
     */
    @TestFactory
    Stream<DynamicTest> brokenLabsAreReportedInKoreanAtTheSamePlace() {
        return Stream.of(
                new String[] {"hint-one-language", "단계 one의 힌트 2에 ko 텍스트가 없습니다"},
                new String[] {"duplicate-check-id", "검사 id 'builds'이(가) 두 번 쓰였습니다"},
                new String[] {"unknown-chapter", "챕터 'no-such-chapter'은(는) 과정에 없습니다. 챕터: "},
                new String[] {"schema-error", "lab.yaml:12:17: steps[0].checks[0].points: string 발견, integer 예상"}).map(c -> DynamicTest.dynamicTest(c[0], () -> {
            Path dir = resource("broken-labs/" + c[0]);
            Run en = run(home, "lab", "validate", dir.toString());
            Run ko = run(home, "--lang", "ko", "lab", "validate", dir.toString());
            assertEquals(LabValidateCommand.PROBLEMS, ko.code, ko::toString);
            List<String> enLines = en.out.lines().filter(l -> l.startsWith(dir.toString())).toList();
            List<String> koLines = ko.out.lines().filter(l -> l.startsWith(dir.toString())).toList();
            assertEquals(enLines.stream().map(LabAuthoringTest::where).toList(), koLines.stream().map(LabAuthoringTest::where).toList(),
                    "the same places:\n" + en.out + "\n" + ko.out);
            assertTrue(koLines.stream().anyMatch(l -> l.contains(c[1])), "expected '" + c[1] + "' in:\n" + ko.out);
            assertTrue(ko.out.contains("문제 " + koLines.size() + "개를 찾았습니다"), ko.out);
        }));
    }

    /** {@code file:line:column} of a problem line. */
    private static String where(String line) {
        Matcher m = Pattern.compile("^(.*?lab\\.yaml:\\d+:\\d+): ").matcher(line);
        assertTrue(m.find(), line);
        return m.group(1);
    }

    @Test
    void allProblemsOfALabsFolderAreListedSortedWithTheMissingFolderOfTheIndex() throws IOException {
        Path labs = home.resolve("labs");
        assertEquals(0, run(home, "lab", "new", "good-one", "--into", labs.toString()).code);
        Path yaml = labs.resolve("good-one/lab.yaml");
        Files.writeString(yaml, Files.readString(yaml)
                .replace("chapter: three-tier", "chapter: nowhere")
                .replace("type: file-contains", "type: file-contains\n        needs: [warp.drive]"));
        Files.writeString(labs.resolve("labs.yaml"), "labs:\n  - good-one\n  - ghost-lab\n");
        Run run = run(home, "lab", "validate", labs.toString());
        assertEquals(1, run.code, run::toString);
        List<String> problems = run.out.lines().filter(l -> l.contains(".yaml:")).toList();
        assertEquals(3, problems.size(), run.out);
        assertTrue(problems.get(0).startsWith(yaml + ":3:10: chapter 'nowhere'"), problems.get(0));
        assertTrue(problems.get(1).contains("unknown capability 'warp.drive'"), problems.get(1));
        assertTrue(problems.get(2).startsWith(labs.resolve("labs.yaml") + ":3:5: lab 'ghost-lab' is listed"), problems.get(2));
        assertTrue(run.out.contains("3 problem(s) found; 1 lab(s) checked."), run.out);

        Run ko = run(home, "--lang", "ko", "lab", "validate", labs.toString());
        assertEquals(1, ko.code, ko::toString);
        assertTrue(ko.out.contains(labs.resolve("labs.yaml") + ":3:5: 실습 'ghost-lab'이(가) 목록에 있지만 ghost-lab/lab.yaml이 없습니다"), ko.out);
        assertTrue(ko.out.contains(yaml + ":21:17: 'warp.drive'은(는) 알 수 없는 기능입니다. 기능: "), ko.out);
    }

    /**
     * Writes a one-step lab {@code id} (step {@code step}, pages in both languages) into
     * {@code home/<folder>/} and returns that labs folder; {@code checks} is YAML for the step's checks.
     */
    private Path externalLab(String folder, String id, String chapter, String title, String step, String checks) throws IOException {
        Path labs = home.resolve(folder);
        Path lab = labs.resolve(id);
        Files.createDirectories(lab.resolve("steps"));
        Files.writeString(lab.resolve("steps/" + step + ".en.md"), "# " + title + "\n");
        Files.writeString(lab.resolve("steps/" + step + ".ko.md"), "# " + title + " (ko)\n");
        Files.writeString(lab.resolve("lab.yaml"), "id: " + id + "\nchapter: " + chapter + "\n"
                + "title: {en: \"" + title + "\", ko: \"" + title + " (ko)\"}\n"
                + "steps:\n  - id: " + step + "\n    title: {en: \"Step\", ko: \"단계\"}\n"
                + "    instructions: {en: steps/" + step + ".en.md, ko: steps/" + step + ".ko.md}\n" + checks);
        return labs;
    }

    /** A labs folder whose lab has a bundled lab's id. */
    private Path overridingLabs() throws IOException {
        return externalLab("override", "api-gateway", "api-gateway", "External gateway", "only", "");
    }

    @Test
    void anExternalLabReplacesTheBundledOneWithANotice() throws IOException {
        Path labs = overridingLabs();
        Run list = run(home, "--labs-dir", labs.toString(), "lab", "list");
        assertEquals(0, list.code, list::toString);
        assertTrue(list.out.contains("api-gateway  External gateway"), list.out);
        assertTrue(list.out.contains("from " + labs.resolve("api-gateway")), "says where it comes from: " + list.out);
        assertTrue(list.err.contains("lab api-gateway from " + labs.resolve("api-gateway") + " replaces the one in "), list.err);
        assertTrue(list.err.contains("labs/api-gateway"), "names the bundled folder: " + list.err);

        Run ko = Run.with(env(home, Map.of("TIERLAB_LABS_PATH", home.resolve("nothing-here") + java.io.File.pathSeparator + labs)),
                "", "--lang", "ko", "lab", "show", "api-gateway");
        assertEquals(ExitCode.NOT_FOUND.code(), ko.code, "a folder of the path that does not exist is an error: " + ko);
        Run show = Run.with(env(home, Map.of("TIERLAB_LABS_PATH", labs.toString())), "", "--lang", "ko", "lab", "show", "api-gateway");
        assertEquals(0, show.code, show::toString);
        assertTrue(show.out.contains("External gateway (ko)"), show.out);
        assertTrue(show.err.contains("알림"), show.err);

        Run json = run(home, "lab", "list", "--json");
        JsonNode bundled = new ObjectMapper().readTree(json.out).get("labs").get(0);
        assertTrue(bundled.get("bundled").asBoolean(), "without the folder the bundled lab is back: " + json.out);
    }

    /** A lab from elsewhere with one command check that passes and one that fails. */
    private Path commandLab() throws IOException {
        return externalLab("cmd-labs", "cmd-lab", "three-tier", "Commands", "run", """
                    checks:
                      - id: java-runs
                        type: command
                        params: {run: [java, -version], expectOutput: "version"}
                      - id: java-fails
                        type: command
                        params: {run: [java, -version], expectExit: 3, timeoutSeconds: 30}
                """);
    }

    @Test
    void commandChecksOfAnExternalLabRunOnlyWithTrust() throws IOException {
        Path labs = commandLab();
        Path ws = home.resolve("ws");
        Run start = run(home, "--labs-dir", labs.toString(), "lab", "start", "cmd-lab", "--dir", ws.toString());
        assertEquals(0, start.code, start::toString);

        Run refused = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.USAGE.code(), refused.code, refused::toString);
        assertTrue(refused.err.contains("lab cmd-lab comes from " + labs.resolve("cmd-lab")), refused.err);
        assertTrue(refused.err.contains("java-runs: runs the program `java -version` in the workspace"), refused.err);
        assertTrue(refused.err.contains("java-fails: runs the program `java -version`"), refused.err);
        assertTrue(refused.err.contains("--trust"), refused.err);
        assertFalse(refused.out.contains("java-runs"), "nothing ran: " + refused.out);
        Run ko = run(ws, "--labs-dir", labs.toString(), "--lang", "ko", "check");
        assertTrue(ko.err.contains("--trust를 붙여"), ko.err);

        Run trusted = run(ws, "--labs-dir", labs.toString(), "--trust", "check", "--json");
        assertEquals(ExitCode.FAILED.code(), trusted.code, trusted::toString);
        JsonNode checks = new ObjectMapper().readTree(trusted.out).get("checks");
        assertEquals("passed", checks.get(0).get("status").asText(), checks::toString);
        assertEquals("failed", checks.get(1).get("status").asText(), checks::toString);
        assertEquals("java -version exits with 3", checks.get(1).get("expected").asText());
        assertTrue(checks.get(1).get("found").asText().startsWith("exit 0: "), checks::toString);
    }

    /** A lab from elsewhere whose checks build, test and invoke its project: no command check at all. */
    private Path projectLab() throws IOException {
        return externalLab("project-labs", "project-lab", "api-gateway", "Project", "run", """
                    checks:
                      - id: builds
                        type: build
                      - id: tests-pass
                        type: unit-tests
                      - id: answers
                        type: invoke
                        params: {function: TicketsFunction, event: get-tickets}
                """);
    }

    @Test
    void buildTestAndInvokeOfAnExternalLabNeedTrustToo() throws IOException {
        Path labs = projectLab();
        Path ws = home.resolve("ws");
        Run start = run(home, "--labs-dir", labs.toString(), "lab", "start", "project-lab", "--dir", ws.toString());
        assertEquals(0, start.code, start::toString);

        Run check = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.USAGE.code(), check.code, check::toString);
        assertFalse(check.err.contains("builds:"), "a build check only compiles, in process: no trust needed: " + check.err);
        assertTrue(check.err.contains("tests-pass: runs the workspace's tests"), check.err);
        assertTrue(check.err.contains("answers: runs the handler of function TicketsFunction"), check.err);
        assertFalse(check.out.contains("builds"), "nothing ran: " + check.out);
        Map<String, java.util.List<String>> commands = Map.of(
                "tierlab build --with-maven: builds the workspace with Maven", java.util.List.of("build", "--with-maven"),
                "tierlab invoke: runs the handler of function TicketsFunction", java.util.List.of("invoke", "TicketsFunction", "--event", "get-tickets"),
                "tests-pass: runs the workspace's tests", java.util.List.of("lab", "test", "project-lab"));
        commands.forEach((says, command) -> {
            java.util.List<String> args = new java.util.ArrayList<>(java.util.List.of("--labs-dir", labs.toString()));
            args.addAll(command);
            Run refused = run(ws, args.toArray(String[]::new));
            assertEquals(ExitCode.USAGE.code(), refused.code, refused::toString);
            assertTrue(refused.err.contains("lab project-lab comes from " + labs.resolve("project-lab")), refused.err);
            assertTrue(refused.err.contains(says), "names what would run: " + refused.err);
        });
        assertFalse(Files.exists(ws.resolve("tickets-api/target")), "nothing was built");

        // the workspace remembers where its lab came from: without --labs-dir it is still that lab's code
        Run forgotten = run(ws, "invoke", "TicketsFunction", "--event", "get-tickets");
        assertEquals(ExitCode.USAGE.code(), forgotten.code, forgotten::toString);
        assertTrue(forgotten.err.contains("lab project-lab comes from " + labs.resolve("project-lab")), forgotten.err);

        // a lab linked into the labs folder is trusted by what it links to: a change there is asked about again
        Path linked = Files.createDirectories(home.resolve("linked-labs"));
        Files.createSymbolicLink(linked.resolve("project-lab"), labs.resolve("project-lab"));
        Run yes = runAsked(ws, "y", "--labs-dir", linked.toString(), "build", "--with-maven", "--help");
        assertEquals(0, yes.code, "help needs no trust: " + yes);
        Run trusted = runAsked(ws, "y", "--labs-dir", linked.toString(), "check", "run");
        assertTrue(trusted.out.contains("Do you trust that folder?"), trusted.out);
        Files.writeString(labs.resolve("project-lab/steps/run.en.md"), "# changed through the real folder\n");
        Run changed = run(ws, "--labs-dir", linked.toString(), "check", "run");
        assertEquals(ExitCode.USAGE.code(), changed.code, "the linked folder's content changed: " + changed);
    }

    @Test
    void trustIsAskedOnceInATerminalAndAskedAgainWhenTheLabChanges() throws IOException {
        Path labs = commandLab();
        Path ws = home.resolve("ws");
        assertEquals(0, run(home, "--labs-dir", labs.toString(), "lab", "start", "cmd-lab", "--dir", ws.toString()).code);
        Path store = home.resolve("state").resolve(dev.tierlab.lab.LabTrust.FILE);

        Run declined = runAsked(ws, "n", "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.USAGE.code(), declined.code, declined::toString);
        assertTrue(declined.out.contains("Do you trust that folder?"), "asked: " + declined.out);
        assertTrue(declined.out.contains("java-runs: runs the program `java -version`"), "says what will run: " + declined.out);
        assertFalse(declined.out.contains("✓"), "nothing ran: " + declined.out);
        assertFalse(Files.exists(store), "a no is not remembered");

        Run accepted = runAsked(ws, "y", "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.FAILED.code(), accepted.code, "ran: one check passes, one fails: " + accepted);
        assertTrue(accepted.out.contains("✓ run/java-runs"), accepted.out);
        assertTrue(Files.readString(store).contains(labs.resolve("cmd-lab").toString()), "remembered by folder");

        Run script = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.FAILED.code(), script.code, "remembered: runs without asking, even where nobody can be asked: " + script);
        assertFalse(script.out.contains("Do you trust"), script.out);

        Files.writeString(labs.resolve("cmd-lab/steps/run.en.md"), "# Commands, changed\n");
        Run changed = run(ws, "--labs-dir", labs.toString(), "check");
        assertEquals(ExitCode.USAGE.code(), changed.code, "a changed folder is not trusted any more: " + changed);
        Run askedAgain = runAsked(ws, "", "--labs-dir", labs.toString(), "--lang", "ko", "check");
        assertEquals(ExitCode.USAGE.code(), askedAgain.code, askedAgain::toString);
        assertTrue(askedAgain.out.contains("바뀌었습니다"), "says it changed, in the user's language: " + askedAgain.out);
    }

    @Test
    void solutionsThatWouldFailWhenAppliedAreReportedByValidate() throws IOException {
        Path labs = externalLab("ftl-labs", "ftl-lab", "api-gateway", "Templates", "run", "    solution: solution/run\n");
        Path solution = Files.createDirectories(labs.resolve("ftl-lab/solution/run"));
        Files.writeString(solution.resolve("Missing.java.ftl"), "class Missing {\n  String s = \"[=nope]\";\n}\n");
        Files.writeString(solution.resolve("New.txt.ftl"), "x\n[#assign run = \"freemarker.template.utility.Execute\"?new()][=run(\"id\")]\n");
        Files.writeString(solution.resolve("Api.txt.ftl"), "[#assign s = \"x\"][=s?api.getClass()]\n");
        Files.writeString(solution.resolve("Include.txt.ftl"), "[#include \"/etc/passwd\"]\n");
        Files.writeString(solution.resolve("Huge.txt.ftl"), "[#list 1..100000000 as i]0123456789abcdef[/#list]\n");
        Files.writeString(solution.resolve("Endless.txt.ftl"), "[#list 1..2000000000 as i][/#list]\n");
        Files.writeString(solution.resolve("Fine.txt.ftl"), "fine\n");

        long start = System.nanoTime();
        Run validate = run(home, "lab", "validate", labs.resolve("ftl-lab").toString());
        long seconds = java.util.concurrent.TimeUnit.NANOSECONDS.toSeconds(System.nanoTime() - start);
        assertEquals(LabValidateCommand.PROBLEMS, validate.code, validate::toString);
        assertTrue(validate.out.contains(solution.resolve("Missing.java.ftl") + ":2:"), "the file and line: " + validate.out);
        assertTrue(validate.out.contains("nope"), validate.out);
        for (String file : List.of("New.txt.ftl", "Api.txt.ftl", "Include.txt.ftl", "Huge.txt.ftl", "Endless.txt.ftl")) {
            assertTrue(validate.out.contains(solution.resolve(file).toString()), file + " is reported: " + validate.out);
        }
        assertTrue(validate.out.contains("larger than 1024 KiB"), validate.out);
        assertTrue(validate.out.contains("longer than 5 s"), validate.out);
        assertFalse(validate.out.contains("Fine.txt.ftl"), validate.out);
        assertTrue(validate.out.contains("6 problem(s) found"), validate.out);
        assertTrue(seconds < 30, "the endless template is stopped: " + seconds + " s");
        assertFalse(Thread.currentThread().isInterrupted(), "the deadline's interrupt stays in the renderer");

        Files.createSymbolicLink(solution.resolve("link.txt"), Path.of("/etc/hostname"));
        Run link = run(home, "lab", "validate", labs.resolve("ftl-lab").toString());
        assertTrue(link.out.contains(labs.resolve("ftl-lab/lab.yaml") + ":8:") && link.out.contains("solution/run/link.txt is a symbolic link"),
                "applying would refuse the link: validate says so at the step's solution: " + link.out);
    }
}
