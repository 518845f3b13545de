package dev.tierlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.i18n.Lang;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.Heading;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.Node;
import org.commonmark.parser.Parser;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The course as shipped: all eleven chapters, complete and structurally identical in both languages. */
public class BundledContentTest {
    public static final List<String> CHAPTERS = List.of("three-tier", "api-gateway", "cloudwatch", "api-auth", "cloudfront",
            "access-control", "serverless-storage", "non-serverless-storage", "presentation", "web-service-layers", "vpc");
    private static final Course COURSE = new CourseLoader(ContentSource.bundled()).load();
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();

    static List<String> chapters() {
        return CHAPTERS;
    }

    @Test
    void allElevenChaptersLoadInOrder() {
        assertEquals(CHAPTERS, COURSE.chapters().stream().map(Chapter::id).toList());
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void koreanAndEnglishAreStructurallyIdentical(String id) {
        Chapter chapter = COURSE.chapter(id);
        assertEquals(Set.of(Lang.EN, Lang.KO), chapter.languages());
        assertNotNull(chapter.title().en());
        assertNotNull(chapter.title().ko());
        assertTrue(chapter.pageCount() >= 2, id);
        for (Chapter.Page page : chapter.pages()) {
            assertNotNull(page.markdown().en(), id + "/en/" + page.id());
            assertNotNull(page.markdown().ko(), id + "/ko/" + page.id());
            assertEquals(structure(page.markdown().en()), structure(page.markdown().ko()),
                    id + "/" + page.id() + ": headings, lists, tables, code blocks and quotes must match");
            assertTrue(page.markdown().en().startsWith("# ") && page.markdown().ko().startsWith("# "), page.id());
        }
        assertTrue(chapter.pages().stream().anyMatch(p -> structure(p.markdown().en()).contains("code")),
                id + " has no ASCII diagram");
    }

    /** A chapter with a lab tells how to start it in both languages and no longer promises it for later. */
    @ParameterizedTest
    @MethodSource("chapters")
    void theTryItPageMatchesWhetherTheChapterHasALab(String id) {
        Chapter chapter = COURSE.chapter(id);
        for (Lang lang : Lang.values()) {
            String all = chapter.pages().stream().map(p -> p.markdown().raw(lang)).reduce("", String::concat);
            boolean promised = all.contains("later release") || all.contains("이후 릴리스");
            if (chapter.lab() != null) {
                assertTrue(all.contains("tierlab lab start " + chapter.lab()), id + "/" + lang + " does not say how to start its lab");
                assertFalse(promised, id + "/" + lang + " still says its lab comes in a later release");
            } else {
                assertTrue(promised, id + "/" + lang + " has no lab and does not say so");
            }
        }
    }

    /**
     * Bold that CommonMark cannot close shows as literal asterisks, a common trap in Korean where a
     * particle follows the closing {@code **} directly after punctuation (for example {@code **`x`**와}).
     */
    @ParameterizedTest
    @MethodSource("chapters")
    void emphasisIsNeverLeftAsLiteralAsterisks(String id) {
        for (Chapter.Page page : COURSE.chapter(id).pages()) {
            for (Lang lang : Lang.values()) {
                List<String> texts = new ArrayList<>();
                PARSER.parse(page.markdown().raw(lang)).accept(new org.commonmark.node.AbstractVisitor() {
                    @Override
                    public void visit(org.commonmark.node.Text text) {
                        texts.add(text.getLiteral());
                    }
                });
                for (String t : texts) {
                    assertTrue(!t.contains("**") && !t.contains("__"),
                            id + "/" + lang + "/" + page.id() + ": unrendered emphasis in \"" + t + "\"");
                }
            }
        }
    }

    /** The sequence of block kinds that make a page's structure (paragraph text may differ). */
    private static List<String> structure(String markdown) {
        List<String> kinds = new ArrayList<>();
        for (Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h) {
                kinds.add("h" + h.getLevel());
            } else if (n instanceof FencedCodeBlock) {
                kinds.add("code");
            } else if (n instanceof TableBlock) {
                kinds.add("table");
            } else if (n instanceof ListBlock) {
                kinds.add("list");
            } else if (n instanceof BlockQuote) {
                kinds.add("quote");
            }
        }
        return kinds;
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void theLastPageEndsWithGlossaryTryItAndDatedSources(String id) {
        Chapter chapter = COURSE.chapter(id);
        Chapter.Page last = chapter.pages().get(chapter.pageCount() - 1);
        assertSectionsInOrder(last.markdown().en(), List.of("Glossary", "Try it", "Sources"), id);
        assertSectionsInOrder(last.markdown().ko(), List.of("용어 정리", "직접 해 보기", "출처"), id);
        for (String md : List.of(last.markdown().en(), last.markdown().ko())) {
            String sources = md.substring(md.lastIndexOf("\n## "));
            assertTrue(countLinks(sources) >= 2, id + ": the sources list needs links to the pages checked");
            assertTrue(sources.contains("2026"), id + ": sources must be dated");
        }
    }

    private static void assertSectionsInOrder(String markdown, List<String> titles, String id) {
        List<String> h2 = new ArrayList<>();
        for (Node n = PARSER.parse(markdown).getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Heading h && h.getLevel() == 2 && h.getFirstChild() instanceof org.commonmark.node.Text t) {
                h2.add(t.getLiteral());
            }
        }
        assertTrue(h2.size() >= 3, id + ": " + h2);
        assertEquals(titles, h2.subList(h2.size() - 3, h2.size()), id + ": the last page must end with " + titles);
    }

    private static int countLinks(String markdown) {
        int[] count = {0};
        PARSER.parse(markdown).accept(new org.commonmark.node.AbstractVisitor() {
            @Override
            public void visit(Link link) {
                count[0]++;
            }
        });
        return count[0];
    }

    @ParameterizedTest
    @MethodSource("chapters")
    void quizzesHaveBothKindsScenariosAndExplainEveryOption(String id) {
        Quiz quiz = COURSE.chapter(id).quiz();
        assertTrue(quiz.size() >= 6, id + ": at least 6 questions");
        assertTrue(quiz.questions().stream().anyMatch(q -> q.kind() == Quiz.Kind.SINGLE), id);
        assertTrue(quiz.questions().stream().anyMatch(q -> q.kind() == Quiz.Kind.MULTIPLE), id);
        assertTrue(quiz.questions().stream().filter(Quiz.Question::isScenario).count() >= 2, id + ": two scenario questions");
        for (Quiz.Question q : quiz.questions()) {
            String where = id + " " + q.id();
            assertNotNull(q.prompt().en(), where);
            assertNotNull(q.prompt().ko(), where);
            int correct = q.correctIds().size();
            assertTrue(q.kind() == Quiz.Kind.SINGLE ? correct == 1 : correct >= 1, where);
            for (Quiz.Option o : q.options()) {
                assertNotNull(o.text().en(), where + o.id());
                assertNotNull(o.text().ko(), where + o.id());
                assertNotNull(o.why().en(), where + o.id() + " explanation");
                assertNotNull(o.why().ko(), where + o.id() + " explanation");
            }
        }
    }
}
