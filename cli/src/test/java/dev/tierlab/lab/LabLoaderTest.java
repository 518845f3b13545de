package dev.tierlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

class LabLoaderTest {
    private static final Path RESOURCES = resources();
    private static final Pattern EXPECT = Pattern.compile("^# expect: (?:line (\\d+) )?(.*)$");

    private static Path resources() {
        try {
            return Path.of(LabLoaderTest.class.getClassLoader().getResource("broken-labs").toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void aGoodLabLoads() {
        Lab lab = new LabLoader(ContentSource.directory(RESOURCES.resolve("test-labs"))).load("good");
        assertEquals("api-gateway", lab.chapter());
        Lab.Step step = lab.step("first").orElseThrow();
        assertEquals(2, step.hints().size());
        assertEquals("lambda-java-api", step.generate().get(0).template());
        assertEquals(17, step.generate().get(0).parameters().get("javaRelease"));
        assertEquals(2, step.checks().get(0).points());
        assertEquals(1, step.checks().get(1).points(), "points default to 1");
        assertEquals(List.of("lambda.java"), step.checks().get(1).needs());
        assertEquals("steps/first-ko.md", step.instructions().ko());
    }

    @Test
    void unknownLabsListTheValidOnes() {
        TierlabException e = assertThrows(TierlabException.class,
                () -> new LabLoader(ContentSource.directory(RESOURCES.resolve("test-labs"))).load("nope"));
        assertEquals(ExitCode.NOT_FOUND, e.exitCode());
    }

    /** Loading a broken lab fails with its problems in the reader's language; the parser's own words stay English. */
    @Test
    void problemsOfALoadedLabAreInTheReadersLanguage() throws IOException {
        LabLoader loader = new LabLoader(ContentSource.directory(RESOURCES.resolve("test-labs")));
        String name = "broken-labs/tab-indentation.yaml";
        TierlabException e = assertThrows(TierlabException.class,
                () -> loader.parse(name, Files.readString(RESOURCES.resolve(name)), "good"));
        String ko = Messages.of(Lang.KO).get(e.key(), e.args());
        assertTrue(ko.contains(name + ":6:14: while scanning for the next token"), ko);
        assertTrue(ko.endsWith("(들여쓰기를 확인하세요. 탭 없이 공백만 쓰고, 하위 항목은 부모보다 안쪽으로 들여 씁니다)"), ko);
        assertTrue(e.getMessage().contains("(check the indentation: spaces only"), "the exception's own message is English: " + e.getMessage());

        String steps = "broken-labs/steps-empty.yaml";
        e = assertThrows(TierlabException.class, () -> loader.parse(steps, Files.readString(RESOURCES.resolve(steps)), "good"));
        String en = Messages.of(Lang.EN).get(e.key(), e.args());
        assertTrue(en.endsWith(steps + ":5:8: steps: must have at least 1 items but found 0"), en);
        ko = Messages.of(Lang.KO).get(e.key(), e.args());
        assertTrue(ko.endsWith(steps + ":5:8: steps: 최소 1개의 항목이 있어야 하지만 0개를 찾았습니다."), ko);
    }

    /** Each broken file says in its first line what the error must contain; all errors name file:line:column. */
    @TestFactory
    Stream<DynamicTest> brokenLabsNameFileLineAndWhatWasExpected() throws IOException {
        List<Path> files;
        try (Stream<Path> list = Files.list(RESOURCES.resolve("broken-labs"))) {
            files = list.filter(Files::isRegularFile).sorted().toList(); // folders are lab validate's corpus
        }
        assertTrue(files.size() >= 20, "a corpus of at least 20 broken lab files");
        LabLoader loader = new LabLoader(ContentSource.directory(RESOURCES.resolve("test-labs")));
        Messages msg = Messages.of(Lang.EN);
        return files.stream().map(file -> DynamicTest.dynamicTest(file.getFileName().toString(), () -> {
            String text = Files.readString(file);
            Matcher expect = EXPECT.matcher(text.lines().findFirst().orElse(""));
            assertTrue(expect.matches(), "first line must be # expect: ...");
            String name = "broken-labs/" + file.getFileName();
            TierlabException e = assertThrows(TierlabException.class, () -> loader.parse(name, text, "good"));
            assertEquals(ExitCode.BAD_INPUT, e.exitCode());
            String message = msg.get(e.key(), e.args());
            Matcher at = Pattern.compile(Pattern.quote(name) + ":(\\d+):(\\d+)").matcher(message);
            assertTrue(at.find(), "no file:line:column in: " + message);
            if (expect.group(1) != null) {
                assertEquals(expect.group(1), at.group(1), message);
            }
            assertTrue(message.contains(expect.group(2)), message);
            List<String> problems = loader.check(name, text, "good").problems().stream().map(Object::toString).toList();
            assertEquals(problems.size(), problems.stream().distinct().count(), "each problem is reported once: " + problems);
        }));
    }
}
