package dev.tierlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CourseLoaderTest {
    @TempDir
    Path root;

    @Test
    void theBundledThreeTierChapterIsCompleteInBothLanguages() {
        Course course = new CourseLoader(ContentSource.bundled()).load();
        Chapter chapter = course.chapter("three-tier");
        assertEquals(Set.of(Lang.EN, Lang.KO), chapter.languages());
        for (Chapter.Page page : chapter.pages()) {
            String en = page.markdown().en();
            String ko = page.markdown().ko();
            assertNotNull(en, page.id());
            assertNotNull(ko, page.id());
            assertEquals(headingCount(en), headingCount(ko), "same structure in both languages: " + page.id());
            assertEquals(en.split("```", -1).length, ko.split("```", -1).length, "same code blocks: " + page.id());
        }
        Quiz quiz = chapter.quiz();
        assertTrue(quiz.size() >= 6);
        assertTrue(quiz.questions().stream().anyMatch(q -> q.kind() == Quiz.Kind.MULTIPLE));
        for (Quiz.Question q : quiz.questions()) {
            assertNotNull(q.prompt().en());
            assertNotNull(q.prompt().ko());
            for (Quiz.Option o : q.options()) {
                assertNotNull(o.why().en(), q.id() + o.id());
                assertNotNull(o.why().ko(), q.id() + o.id());
            }
        }
        String all = String.join("\n", chapter.pages().stream().map(p -> p.markdown().en()).toList());
        for (String service : List.of("S3", "CloudFront", "API Gateway", "Lambda", "DynamoDB")) {
            assertTrue(all.contains(service), service);
        }
    }

    private static long headingCount(String markdown) {
        return Arrays.stream(markdown.split("\n")).filter(l -> l.startsWith("#")).count();
    }

    @Test
    void chaptersWithoutContentAreNotListed() throws IOException {
        write("course.yaml", "chapters: [alpha, beta]\n");
        writeChapter("beta");
        Course course = new CourseLoader(ContentSource.directory(root)).load();
        assertEquals(List.of("beta"), course.chapters().stream().map(Chapter::id).toList());
        TierlabException e = assertThrows(TierlabException.class, () -> course.chapter("alpha"));
        assertEquals(ExitCode.NOT_FOUND, e.exitCode());
    }

    @Test
    void aMissingPageFallsBackToTheOtherLanguage() throws IOException {
        write("course.yaml", "chapters: [beta]\n");
        writeChapter("beta");
        Files.delete(root.resolve("beta/ko/two.md"));
        Chapter chapter = new CourseLoader(ContentSource.directory(root)).load().chapter("beta");
        Chapter.PageText two = chapter.text(2, Lang.KO).orElseThrow();
        assertTrue(two.fallback());
        assertEquals(Lang.EN, two.lang());
        assertTrue(two.markdown().startsWith("# Two"));
        assertFalse(chapter.text(1, Lang.KO).orElseThrow().fallback());
    }

    @Test
    void yamlErrorsNameFileLineAndColumn() throws IOException {
        write("course.yaml", "chapters: [beta]\n");
        writeChapter("beta");
        write("beta/quiz.yaml", "questions:\n  - id: q1\n    kind: single\n   prompt: {en: x}\n");
        TierlabException e = assertThrows(TierlabException.class, () -> new CourseLoader(ContentSource.directory(root)).load().chapter("beta").quiz());
        assertEquals("error.content.parse", e.key());
        assertTrue(e.args()[0].toString().matches(".*beta/quiz\\.yaml:\\d+:\\d+"), e.args()[0].toString());
    }

    @Test
    void semanticErrorsNameTheFileAndTheProblem() throws IOException {
        write("course.yaml", "chapters: [beta]\n");
        writeChapter("beta");
        write("beta/quiz.yaml", """
                questions:
                  - id: q1
                    kind: single
                    prompt: {en: "Which?"}
                    options:
                      - {id: a, correct: true, text: {en: A}, why: {en: yes}}
                      - {id: b, correct: true, text: {en: B}, why: {en: also}}
                """);
        TierlabException e = assertThrows(TierlabException.class, () -> new CourseLoader(ContentSource.directory(root)).load().chapter("beta").quiz());
        assertEquals("error.content.correctCount", e.key());
        assertTrue(e.args()[0].toString().endsWith("beta/quiz.yaml"));

        write("beta/quiz.yaml", "questions:\n  - {id: q1, kind: single, prompt: {en: x}, options: [{id: a, correct: true, text: {en: A}}, {id: b, correct: false, text: {en: B}, why: {en: no}}]}\n");
        e = assertThrows(TierlabException.class, () -> new CourseLoader(ContentSource.directory(root)).load().chapter("beta").quiz());
        assertEquals("error.content.missingField", e.key());
        assertEquals("questions[q1].options[a].why", e.args()[1]);

        write("beta/chapter.yaml", "title: {en: Beta}\npages: [one, missing]\n");
        e = assertThrows(TierlabException.class, () -> new CourseLoader(ContentSource.directory(root)).load().chapter("beta").quiz());
        assertEquals("error.content.missingPage", e.key());
    }

    private void writeChapter(String id) throws IOException {
        write(id + "/chapter.yaml", "title: {en: Beta, ko: 베타}\nlab: null\npages: [one, two]\n");
        write(id + "/en/one.md", "# One\n\ntext\n");
        write(id + "/ko/one.md", "# 하나\n\n본문\n");
        write(id + "/en/two.md", "# Two\n\ntext\n");
        write(id + "/ko/two.md", "# 둘\n\n본문\n");
    }

    private void write(String path, String text) throws IOException {
        Path file = root.resolve(path);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }
}
