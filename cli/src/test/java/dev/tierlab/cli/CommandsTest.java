package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.course.Chapter;
import dev.tierlab.course.ContentSource;
import dev.tierlab.course.CourseLoader;
import dev.tierlab.course.Quiz;
import dev.tierlab.error.ExitCode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every one-shot command in-process through Main.run, including JSON shapes and error paths. */
class CommandsTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Chapter THREE_TIER = new CourseLoader(ContentSource.bundled()).load().chapter("three-tier");

    @TempDir
    Path home;

    private static JsonNode json(Run run) throws Exception {
        assertEquals(0, run.code, run::toString);
        return JSON.readTree(run.out);
    }

    /** Answers derived from the quiz data: all right, or all right but the first {@code wrong}. */
    private static String[] answers(int wrong) {
        List<String> args = new ArrayList<>(List.of("quiz", "three-tier"));
        int i = 0;
        for (Quiz.Question q : THREE_TIER.quiz().questions()) {
            Set<String> right = q.correctIds();
            String choice = i++ < wrong
                    ? q.options().stream().map(Quiz.Option::id).filter(id -> !right.contains(id)).findFirst().orElseThrow()
                    : String.join(",", right);
            args.add("--answer");
            args.add(q.id() + "=" + choice);
        }
        return args.toArray(String[]::new);
    }

    @Test
    void openGivesTheDeployedUrlOrSaysWhatIsMissing() throws Exception {
        Path ws = home.resolve("ws");
        assertEquals(0, Run.tierlab(home, "lab", "start", "presentation", "--dir", ws.toString()).code);
        Run notDeployed = Run.tierlab(home, "open", "--dir", ws.toString());
        assertEquals(ExitCode.NOT_FOUND.code(), notDeployed.code, notDeployed::toString);
        assertTrue(notDeployed.err.contains("nothing is deployed") && notDeployed.err.contains("tierlab deploy"), notDeployed.err);

        // on AWS the output is the address: printed as it is, nothing forwarded
        var outputs = Map.of("SiteUrl", "https://d111abcdef8.cloudfront.net", "ApiUrl", "https://abc.execute-api.eu-west-1.amazonaws.com/dev",
                "TableName", "tickets");
        new dev.tierlab.provision.DeployState(dev.tierlab.provision.TargetKind.AWS, null, "eu-west-1", "123456789012",
                "tierlab-presentation-0123abcd", null, null, outputs, null, null, null, null).write(ws);
        Run site = Run.tierlab(home, "open", "--dir", ws.toString());
        assertEquals(0, site.code, site::toString);
        assertEquals("SiteUrl: https://d111abcdef8.cloudfront.net", site.out.strip());
        Run api = Run.tierlab(home, "open", "--dir", ws.toString(), "--output", "ApiUrl");
        assertEquals("ApiUrl: https://abc.execute-api.eu-west-1.amazonaws.com/dev", api.out.strip(), api::toString);

        Run notAUrl = Run.tierlab(home, "open", "--dir", ws.toString(), "--output", "TableName");
        assertEquals(ExitCode.NOT_FOUND.code(), notAUrl.code, notAUrl::toString);
        assertTrue(notAUrl.err.contains("TableName") && notAUrl.err.contains("ApiUrl") && notAUrl.err.contains("--output"), notAUrl.err);
        Run ko = Run.tierlab(home, "--lang", "ko", "open", "--dir", ws.toString(), "--output", "Missing");
        assertTrue(ko.err.contains("출력"), ko.err);
    }

    @Test
    void aTargetThatDoesNotAnswerIsSaidSoNotCalledABug() {
        String endpoint = "http://127.0.0.1:" + dev.tierlab.net.Ports.free();
        Run destroy = Run.tierlab(home, "destroy", "--all", "--yes", "--target", "endpoint", "--endpoint", endpoint);
        assertEquals(dev.tierlab.error.ExitCode.UNREACHABLE.code(), destroy.code, destroy.toString());
        assertTrue(destroy.err.contains(endpoint + " does not answer"), "which endpoint: " + destroy.err);
        assertTrue(destroy.err.contains("hint:"), "what to do: " + destroy.err);
        assertFalse(destroy.err.contains("bug"), destroy.err);
    }

    @Test
    void aBadConfigIsReportedOnceInOneLanguage() throws Exception {
        java.nio.file.Files.createDirectories(home);
        java.nio.file.Files.writeString(home.resolve("config.json"), "{\"lang\":\"xx\"}");
        Run invalid = Run.tierlab(home, "status");
        assertEquals(0, invalid.code, invalid.toString());
        assertEquals(1, count(invalid.err, "sets lang to 'xx'"), "said once: " + invalid.err);
        assertTrue(invalid.err.contains("en, ko"), "what it can be: " + invalid.err);

        java.nio.file.Files.writeString(home.resolve("config.json"), "{ not json");
        Run broken = Run.tierlab(home, "status");
        assertEquals(0, broken.code, broken.toString());
        assertEquals(1, count(broken.err, "config.json.bak-"), "one notice, not one per language: " + broken.err);
        assertFalse(broken.err.contains("설정 파일"), "in the language in use only: " + broken.err);
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) {
            n++;
        }
        return n;
    }

    @Test
    void lessonsJsonHasTheDocumentedShape() throws Exception {
        JsonNode doc = json(Run.tierlab(home, "lessons", "--json"));
        JsonNode first = doc.get("chapters").get(0);
        assertEquals("three-tier", first.get("id").asText());
        assertFalse(first.get("title").asText().isBlank());
        assertEquals("[\"en\",\"ko\"]", first.get("languages").toString());
        assertEquals(THREE_TIER.pageCount(), first.get("pages").asInt());
        assertEquals(THREE_TIER.quiz().size(), first.get("quiz").asInt());
        assertTrue(first.get("quiz").asInt() >= 6);
        assertTrue(first.get("lab").isNull());
        assertFalse(first.get("done").asBoolean());
        assertEquals(List.of("id", "title", "languages", "pages", "quiz", "lab", "done"), fieldNames(first));
        java.util.Map<String, String> labs = new java.util.TreeMap<>();
        doc.get("chapters").forEach(c -> {
            if (!c.get("lab").isNull()) {
                labs.put(c.get("id").asText(), c.get("lab").asText());
            }
        });
        assertEquals(java.util.Map.of("api-gateway", "api-gateway", "api-auth", "api-auth", "access-control", "access-control", "presentation", "presentation",
                "cloudfront", "cloudfront"), labs,
                "the chapters whose labs are bundled name them");
    }

    @Test
    void lessonsJsonListsTheElevenChaptersInOrderInBothLanguages() throws Exception {
        JsonNode chapters = json(Run.tierlab(home, "lessons", "--json")).get("chapters");
        List<String> ids = new ArrayList<>();
        for (JsonNode c : chapters) {
            ids.add(c.get("id").asText());
            assertEquals("[\"en\",\"ko\"]", c.get("languages").toString(), c.toString());
            assertTrue(c.get("quiz").asInt() >= 6, c.toString());
            assertTrue(c.get("pages").asInt() >= 2, c.toString());
        }
        assertEquals(dev.tierlab.course.BundledContentTest.CHAPTERS, ids);
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    @Test
    void lessonsTextShowsMarksAndDetails() {
        Run run = Run.tierlab(home, "lessons");
        assertEquals(0, run.code, run::toString);
        assertTrue(run.out.contains("[ ] three-tier"), run.out);
        assertTrue(run.out.contains("3 pages"), run.out);
        Run.tierlab(home, "read", "three-tier");
        assertTrue(Run.tierlab(home, "lessons").out.contains("[~] three-tier"));
    }

    @Test
    void readingEveryPageAndPassingTheQuizMarksTheChapterDone() throws Exception {
        for (int p = 1; p <= THREE_TIER.pageCount(); p++) {
            Run read = Run.tierlab(home, "read", "three-tier", "--page", String.valueOf(p));
            assertEquals(0, read.code, read::toString);
            assertTrue(read.out.startsWith("three-tier · page " + p + "/" + THREE_TIER.pageCount()), read.out);
        }
        assertFalse(json(Run.tierlab(home, "lessons", "--json")).get("chapters").get(0).get("done").asBoolean());
        Run quiz = Run.tierlab(home, answers(0));
        assertEquals(0, quiz.code, quiz::toString);
        int max = THREE_TIER.quiz().size();
        assertTrue(quiz.out.contains("Score: " + max + "/" + max + " (100%)"), quiz.out);
        assertTrue(json(Run.tierlab(home, "lessons", "--json")).get("chapters").get(0).get("done").asBoolean());
        JsonNode status = json(Run.tierlab(home, "status", "--json"));
        assertEquals("done", status.get("chapters").get(0).get("status").asText());
        assertEquals(max, status.get("chapters").get(0).get("quiz").get("score").asInt());
        assertEquals(1, status.get("done").asInt());
    }

    @Test
    void quizJsonReportsEachQuestionAndTheScore() throws Exception {
        JsonNode doc = json(Run.tierlab(home, concat(answers(2), "--json")));
        int max = THREE_TIER.quiz().size();
        assertEquals(max - 2, doc.get("score").asInt());
        assertEquals(max, doc.get("max_score").asInt());
        assertFalse(doc.get("questions").get(0).get("correct").asBoolean());
        assertTrue(doc.get("questions").get(2).get("correct").asBoolean());
        assertEquals(max - 2, json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("quiz").get("score").asInt());
    }

    @Test
    void interactiveQuizExplainsEveryOptionAndRecordsTheScore() throws Exception {
        StringBuilder input = new StringBuilder();
        for (Quiz.Question q : THREE_TIER.quiz().questions()) {
            input.append("zz\n"); // not an option: asked again
            input.append(String.join(",", q.correctIds())).append('\n');
        }
        Run run = Run.withInput(home, input.toString(), "quiz", "three-tier");
        assertEquals(0, run.code, run::toString);
        Quiz.Question q1 = THREE_TIER.quiz().questions().get(0);
        for (Quiz.Option o : q1.options()) {
            String firstWords = o.why().en().split("\\s+")[0];
            assertTrue(run.out.contains(o.id() + ") " + (o.correct() ? "✓" : "✗") + " " + firstWords), run.out);
        }
        assertTrue(run.out.contains("'zz' is not an option"), run.out);
        int max = THREE_TIER.quiz().size();
        assertEquals(max, json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("quiz").get("score").asInt());
    }

    @Test
    void interactiveQuizStoppedEarlyRecordsNothing() throws Exception {
        Run run = Run.withInput(home, "b\n", "quiz", "three-tier");
        assertEquals(ExitCode.CANCELLED.code(), run.code, run::toString);
        assertTrue(json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("quiz").isNull());
    }

    @Test
    void badAnswersAreUsageErrorsWithHints() {
        Run format = Run.tierlab(home, "quiz", "three-tier", "--answer", "q1");
        assertEquals(ExitCode.USAGE.code(), format.code);
        assertTrue(format.err.contains("hint: write answers like --answer q1=b"), format.err);
        Run unknown = Run.tierlab(home, "quiz", "three-tier", "--answer", "q99=a");
        assertEquals(ExitCode.NOT_FOUND.code(), unknown.code);
        assertTrue(unknown.err.contains("questions: q1, q2"), unknown.err);
        Run single = Run.tierlab(home, "quiz", "three-tier", "--answer", singleChoiceId() + "=a,b");
        assertEquals(ExitCode.USAGE.code(), single.code);
        assertTrue(single.err.contains("takes exactly one option"), single.err);
    }

    private static String singleChoiceId() {
        return THREE_TIER.quiz().questions().stream().filter(q -> q.kind() == Quiz.Kind.SINGLE).findFirst().orElseThrow().id();
    }

    @Test
    void unknownChapterListsTheValidIds() {
        Run run = Run.tierlab(home, "read", "four-tier");
        assertEquals(ExitCode.NOT_FOUND.code(), run.code);
        assertTrue(run.err.contains("error: no chapter 'four-tier'."), run.err);
        assertTrue(run.err.contains("valid chapters: three-tier"), run.err);
        assertFalse(run.err.contains("at dev.tierlab"), "no stack trace without --stacktrace");
        Run page = Run.tierlab(home, "read", "three-tier", "--page", "9");
        assertEquals(ExitCode.NOT_FOUND.code(), page.code);
        assertTrue(page.err.contains("page 9 does not exist"), page.err);
    }

    @Test
    void stacktraceFlagPrintsTheTrace() {
        Run run = Run.tierlab(home, "read", "four-tier", "--stacktrace");
        assertEquals(ExitCode.NOT_FOUND.code(), run.code);
        assertTrue(run.err.contains("at dev.tierlab"), run.err);
    }

    @Test
    void unknownCommandSuggestsTheNearestOne() {
        Run run = Run.tierlab(home, "lesons");
        assertEquals(ExitCode.USAGE.code(), run.code);
        assertTrue(run.err.contains("Did you mean: tierlab lessons"), run.err);
        assertTrue(run.err.contains("Usage: tierlab"), run.err);
    }

    @Test
    void badOptionPrintsTheUsageLine() {
        Run run = Run.tierlab(home, "read", "three-tier", "--pag", "2");
        assertEquals(ExitCode.USAGE.code(), run.code);
        assertTrue(run.err.contains("Usage: tierlab read"), run.err);
        assertTrue(run.err.contains("Try 'tierlab read --help'"), run.err);
    }

    @Test
    void badLanguageIsAUsageError() {
        Run run = Run.tierlab(home, "--lang", "fr", "lessons");
        assertEquals(ExitCode.USAGE.code(), run.code);
        assertTrue(run.err.contains("unknown language 'fr'"), run.err);
    }

    @Test
    void koreanMessagesAndLessons() {
        Run run = Run.tierlab(home, "read", "three-tier", "--lang", "ko");
        assertEquals(0, run.code, run::toString);
        assertTrue(run.out.contains("1/3쪽"), run.out);
        Run err = Run.tierlab(home, "--lang", "ko", "read", "four-tier");
        assertTrue(err.err.contains("'four-tier' 챕터가 없습니다."), err.err);
    }

    @Test
    void languageComesFromConfigThenLocale() {
        assertTrue(Run.tierlab(home, "read", "three-tier").out.contains("page 1/3"));
        Run set = Run.tierlab(home, "config", "set", "lang", "KO");
        assertEquals(0, set.code, set::toString);
        assertEquals("ko", Run.tierlab(home, "config", "get", "lang").out.trim());
        assertTrue(Run.tierlab(home, "read", "three-tier").out.contains("1/3쪽"));
        assertTrue(Run.tierlab(home, "read", "three-tier", "--lang", "en").out.contains("page 1/3"), "flag beats config");
        Run bad = Run.tierlab(home, "config", "set", "lang", "fr");
        assertEquals(ExitCode.USAGE.code(), bad.code);
        assertTrue(bad.err.contains("en, ko"), bad.err);
        Run unknown = Run.tierlab(home, "config", "get", "colour", "--lang", "en");
        assertEquals(ExitCode.NOT_FOUND.code(), unknown.code);
        assertTrue(unknown.err.contains("settings: lang"), unknown.err);
    }

    @Test
    void koreanLocaleIsTheDefaultWhenNothingElseIsSet() {
        var env = new dev.tierlab.config.Environment(Map.of("TIERLAB_HOME", home.toString()), false,
                java.util.Locale.KOREA, home);
        assertTrue(Run.with(env, "", "read", "three-tier").out.contains("1/3쪽"));
    }

    @Test
    void resetAsksFirstAndKeepsProgressWhenDeclined() throws Exception {
        Run.tierlab(home, "read", "three-tier");
        Run declined = Run.withInput(home, "n\n", "reset");
        assertEquals(ExitCode.CANCELLED.code(), declined.code, declined::toString);
        assertTrue(declined.out.contains("Reset all progress? [y/N]"), declined.out);
        assertEquals("in-progress", json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("status").asText());
        Run noInput = Run.withInput(home, "", "reset", "three-tier");
        assertEquals(ExitCode.CANCELLED.code(), noInput.code, "end of input counts as no");
        Run yes = Run.withInput(home, "y\n", "reset", "three-tier");
        assertEquals(0, yes.code, yes::toString);
        assertEquals("new", json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("status").asText());
        Run.tierlab(home, "read", "three-tier");
        assertEquals(0, Run.tierlab(home, "reset", "--yes").code);
        assertTrue(json(Run.tierlab(home, "status", "--json")).get("current").isNull());
        assertEquals(ExitCode.NOT_FOUND.code(), Run.tierlab(home, "reset", "nope", "--yes").code);
    }

    @Test
    void progressExportThenImportRoundTripsExactly() throws Exception {
        Run.tierlab(home, "read", "three-tier", "--page", "2");
        Run.tierlab(home, answers(1));
        Path exported = home.resolve("out/progress-export.json");
        Run noDir = Run.tierlab(home, "progress", "export", exported.toString());
        assertEquals(ExitCode.NOT_FOUND.code(), noDir.code, "directories are not created behind the user's back");
        assertTrue(noDir.err.contains("does not exist"), noDir.err);
        Files.createDirectories(exported.getParent());
        assertEquals(0, Run.tierlab(home, "progress", "export", exported.toString()).code);
        byte[] before = Files.readAllBytes(exported);
        assertEquals(0, Run.tierlab(home, "reset", "--yes").code);
        Run imported = Run.tierlab(home, "progress", "import", exported.toString());
        assertEquals(0, imported.code, imported::toString);
        assertTrue(imported.out.contains("previous progress is kept in"), imported.out);
        Path again = home.resolve("again.json");
        assertEquals(0, Run.tierlab(home, "progress", "export", again.toString()).code);
        assertEquals(new String(before, "UTF-8"), Files.readString(again));
        Run exists = Run.tierlab(home, "progress", "export", again.toString());
        assertEquals(ExitCode.USAGE.code(), exists.code);
        assertTrue(exists.err.contains("--force"), exists.err);
        assertEquals(0, Run.tierlab(home, "progress", "export", again.toString(), "--force").code);
    }

    @Test
    void importOfAnUnknownSchemaVersionChangesNothing() throws Exception {
        Run.tierlab(home, "read", "three-tier");
        Path progress = home.resolve("progress.json");
        String before = Files.readString(progress);
        Path future = home.resolve("future.json");
        Files.writeString(future, before.replaceFirst("\"schemaVersion\" : \\d+", "\"schemaVersion\" : 7"));
        assertNotEquals(before, Files.readString(future));
        Run run = Run.tierlab(home, "progress", "import", future.toString());
        assertEquals(ExitCode.BAD_INPUT.code(), run.code, run::toString);
        assertTrue(run.err.contains("schema version 7; this tierlab reads version " + dev.tierlab.progress.Progress.SCHEMA_VERSION), run.err);
        assertEquals(before, Files.readString(progress));
        Run missing = Run.tierlab(home, "progress", "import", home.resolve("nope.json").toString());
        assertEquals(ExitCode.NOT_FOUND.code(), missing.code);
    }

    @Test
    void versionAndCompletion() {
        Run version = Run.tierlab(home, "--version");
        assertEquals(0, version.code);
        assertTrue(version.out.startsWith("tierlab "), version.out);
        Run completion = Run.tierlab(home, "completion");
        assertEquals(0, completion.code);
        assertTrue(completion.out.contains("complete -F _complete_tierlab"), completion.out);
        assertTrue(completion.out.contains("three-tier"), "chapter ids are completion candidates");
    }

    @Test
    void everyCommandHasHelpInBothLanguages() {
        for (String[] cmd : List.of(new String[] {}, new String[] {"lessons"}, new String[] {"read"},
                new String[] {"quiz"}, new String[] {"status"}, new String[] {"reset"}, new String[] {"progress"},
                new String[] {"progress", "export"}, new String[] {"progress", "import"}, new String[] {"config"},
                new String[] {"config", "get"}, new String[] {"config", "set"}, new String[] {"completion"})) {
            Run en = Run.tierlab(home, concat(cmd, "--help"));
            assertEquals(0, en.code, en::toString);
            assertTrue(en.out.startsWith("Usage: tierlab"), en.out);
            Run ko = Run.tierlab(home, concat(concat(cmd, "--help"), "--lang", "ko"));
            assertTrue(ko.out.startsWith("사용법: tierlab"), ko.out);
            assertNotEquals(en.out, ko.out);
        }
    }

    static String[] concat(String[] a, String... b) {
        String[] all = new String[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    @Test
    void noColorAndTheNoColorFlagPrintNoEscapeCodes() {
        var tty = Run.env(home, Map.of(), true);
        assertTrue(Run.with(tty, "", "read", "three-tier").out.contains("\u001B["), "a terminal gets styles");
        assertFalse(Run.with(tty, "", "read", "three-tier", "--no-color").out.contains("\u001B"));
        assertFalse(Run.with(Run.env(home, Map.of("NO_COLOR", "1"), true), "", "read", "three-tier").out.contains("\u001B"));
        assertFalse(Run.tierlab(home, "read", "three-tier").out.contains("\u001B"), "not a terminal: no styles");
    }

    @Test
    void aCorruptProgressFileIsReportedInOneLineAndKept() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{ this is not json");
        Run run = Run.tierlab(home, "status");
        assertEquals(0, run.code, run::toString);
        assertEquals(1, run.err.lines().count(), run.err);
        assertTrue(run.err.startsWith("Your progress file could not be read; it was kept as "), run.err);
        try (var files = Files.list(home)) {
            Path backup = files.filter(f -> f.getFileName().toString().startsWith("progress.json.bak-")).findFirst().orElseThrow();
            assertEquals("{ this is not json", Files.readString(backup));
        }
        assertTrue(run.out.contains("You have not started yet."), run.out);
    }

    @Test
    void aPageMissingInTheRequestedLanguageFallsBackWithANotice() throws Exception {
        Path content = home.resolve("content");
        Files.createDirectories(content.resolve("solo/en"));
        Files.writeString(content.resolve("course.yaml"), "chapters: [solo]\n");
        Files.writeString(content.resolve("solo/chapter.yaml"), "title: {en: Solo}\npages: [only]\n");
        Files.writeString(content.resolve("solo/en/only.md"), "# Only in English\n\nText.\n");
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.PrintWriter pw = new java.io.PrintWriter(out, true);
        CliContext ctx = new CliContext(Run.env(home, Map.of(), false), pw, pw,
                Prompter.of(java.io.InputStream.nullInputStream(), pw), Pager.printing(pw),
                GlobalOptions.prescan(new String[] {"--lang", "ko"}), false, false, () -> 0);
        ctx.useContent(dev.tierlab.course.ContentSource.directory(content));
        assertEquals(0, Cli.execute(ctx, "read", "solo", "--lang", "ko"), out::toString);
        assertTrue(out.toString().contains("(이 페이지는 아직 한국어로 쓰이지 않아 영어 버전을 보여 줍니다.)"), out.toString());
        assertTrue(out.toString().contains("Only in English"), out.toString());
    }

    @Test
    void helpTextHasNoMessageFormatQuoting() {
        for (String lang : List.of("en", "ko")) {
            for (String cmd : List.of("read", "quiz", "help")) {
                Run run = Run.tierlab(home, cmd, "--help", "--lang", lang);
                assertFalse(run.out.contains("''"), run.out);
            }
            assertFalse(Run.tierlab(home, "--help", "--lang", lang).out.contains("''"));
        }
        assertTrue(Run.tierlab(home, "--help", "--lang", "ko").out.contains("명령의 도움말을 보여 줍니다."));
    }

    @Test
    void aHomeThatIsAFileIsAClearError() throws Exception {
        Path file = home.resolve("not-a-dir");
        Files.writeString(file, "x");
        Run run = Run.tierlab(home, "--home", file.toString(), "lessons");
        assertEquals(ExitCode.BAD_INPUT.code(), run.code, run::toString);
        assertTrue(run.err.contains("is not a directory"), run.err);
        assertTrue(run.err.contains("hint: point --home or TIERLAB_HOME"), run.err);
        Run empty = Run.tierlab(home, "--home", "", "lessons");
        assertEquals(ExitCode.USAGE.code(), empty.code, empty::toString);
    }

    @Test
    void aCorruptConfigIsMovedAsideAndCanBeFixed() throws Exception {
        Files.writeString(home.resolve("config.json"), "{ lang: ");
        Run run = Run.tierlab(home, "lessons");
        assertEquals(0, run.code, run::toString);
        assertTrue(run.err.contains("Your config file could not be read; it was kept as"), run.err);
        assertEquals(0, Run.tierlab(home, "config", "set", "lang", "ko").code);
        assertEquals("ko", Run.tierlab(home, "config", "get", "lang").out.trim());
        try (var files = Files.list(home)) {
            assertEquals(1, files.filter(f -> f.getFileName().toString().startsWith("config.json.bak-")).count());
        }
    }

    @Test
    void importReplacesEvenAProgressPathThatIsADirectory() throws Exception {
        Run.tierlab(home, "read", "three-tier");
        Path exported = home.resolve("export.json");
        assertEquals(0, Run.tierlab(home, "progress", "export", exported.toString()).code);
        Files.delete(home.resolve("progress.json"));
        Files.createDirectory(home.resolve("progress.json"));
        Run run = Run.tierlab(home, "progress", "import", exported.toString());
        assertEquals(0, run.code, run::toString);
        assertEquals(Files.readString(exported), Files.readString(home.resolve("progress.json")));
    }

    @Test
    void aProgressFileFromANewerTierlabNeitherBlocksReadingNorIsLost() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{\"schemaVersion\": 9}");
        Run read = Run.tierlab(home, "read", "three-tier");
        assertEquals(0, read.code, read::toString);
        assertTrue(read.out.contains("three-tier · page 1/3"), read.out);
        assertTrue(read.out.contains("Your progress could not be saved"), read.out);
        Run reset = Run.tierlab(home, "reset", "--yes");
        assertEquals(0, reset.code, reset::toString);
        assertTrue(reset.out.contains("previous progress is kept in"), reset.out);
        try (var files = Files.list(home)) {
            Path backup = files.filter(f -> f.getFileName().toString().startsWith("progress.json.bak-")).findFirst().orElseThrow();
            assertEquals("{\"schemaVersion\": 9}", Files.readString(backup));
        }
    }

    @Test
    void aWeakerQuizAttemptDoesNotUndoAPass() throws Exception {
        assertEquals(0, Run.tierlab(home, answers(0)).code);
        assertEquals(0, Run.tierlab(home, answers(5)).code);
        int max = THREE_TIER.quiz().size();
        assertEquals(max, json(Run.tierlab(home, "status", "--json")).get("chapters").get(0).get("quiz").get("score").asInt());
    }

    @Test
    void progressForChaptersThatDoNotExistIsIgnoredInTheStatus() throws Exception {
        Path file = home.resolve("other.json");
        Files.writeString(file, "{\"schemaVersion\": 1, \"current\": {\"chapter\": \"gone\", \"page\": 7},"
                + " \"chapters\": {\"three-tier\": {\"pagesRead\": [1, 11]}}}");
        assertEquals(0, Run.tierlab(home, "progress", "import", file.toString()).code);
        JsonNode status = json(Run.tierlab(home, "status", "--json"));
        assertEquals("[1]", status.get("chapters").get(0).get("pagesRead").toString());
        Run lessons = Run.tierlab(home, "lessons");
        assertEquals(0, lessons.code, lessons::toString);
        assertTrue(lessons.out.contains("[~] three-tier"), lessons.out);
    }

    @Test
    void parseErrorsAreInTheUsersLanguage() {
        Run run = Run.tierlab(home, "read", "three-tier", "--bogus", "--lang", "ko");
        assertEquals(ExitCode.USAGE.code(), run.code);
        assertTrue(run.err.contains("알 수 없는 옵션: --bogus"), run.err);
        Run missing = Run.tierlab(home, "read");
        assertTrue(missing.err.contains("missing: <chapter>"), missing.err);
    }
}
