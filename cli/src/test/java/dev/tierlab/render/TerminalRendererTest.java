package dev.tierlab.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.course.Chapter;
import dev.tierlab.course.ContentSource;
import dev.tierlab.course.CourseLoader;
import dev.tierlab.i18n.Lang;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TerminalRendererTest {
    private static final String KOREAN = "서버리스 3계층 아키텍처에서 프레젠테이션 계층은 S3와 CloudFront가, "
            + "로직 계층은 API Gateway와 Lambda가, 데이터 계층은 DynamoDB가 맡습니다. "
            + "띄어쓰기가없는아주긴한국어낱말도폭에맞게잘려야하며글자중간에서잘리면안됩니다.";

    private static int width(String line) {
        return DisplayWidth.of(Styles.strip(line));
    }

    private static void assertFits(List<String> lines, int width) {
        for (String line : lines) {
            assertTrue(width(line) <= width, "line of " + width(line) + " columns exceeds " + width + ": [" + line + "]");
        }
    }

    /** The visible characters, without spaces, so wrapping can be checked to lose or split nothing. */
    private static String letters(String text) {
        return Styles.strip(text).replaceAll("\\s+", "");
    }

    @ParameterizedTest
    @ValueSource(ints = {20, 21, 33, 40, 57, 80})
    void koreanWrapsByDisplayColumnsWithoutLosingOrSplittingCharacters(int width) {
        List<String> lines = new TerminalRenderer(width, true).render(KOREAN);
        assertFits(lines, width);
        assertEquals(letters(KOREAN), letters(String.join("", lines)));
        assertTrue(lines.size() > 1);
        for (String line : lines) {
            for (char ch : line.toCharArray()) {
                assertFalse(Character.isSurrogate(ch) && line.indexOf(ch) == line.length() - 1, "split surrogate pair");
            }
        }
    }

    @Test
    void aKoreanLineFillsTheWidthByColumnsNotByCharacters() {
        List<String> lines = new TerminalRenderer(20, false).render("가나다라마바사아자차카타파하 가나다");
        assertEquals(List.of("가나다라마바사아자차", "카타파하 가나다"), lines, "10 Hangul syllables fill 20 columns");
    }

    @Test
    void tablesAreAlignedByDisplayWidth() {
        String md = "| 계층 | AWS service |\n|---|---|\n| 프레젠테이션 | S3 + CloudFront |\n| logic | API Gateway + Lambda |\n";
        List<String> lines = new TerminalRenderer(60, false).render(md);
        assertEquals(4, lines.size(), lines::toString);
        int w = width(lines.get(0));
        assertTrue(lines.stream().allMatch(l -> width(l) == w), "every row has the same width:\n" + String.join("\n", lines));
        assertTrue(lines.get(1).matches("\\|-+\\|-+\\|"), lines.get(1));
        assertTrue(lines.get(2).startsWith("| 프레젠테이션 | S3 + CloudFront"), lines.get(2));
    }

    @Test
    void narrowTablesWrapTheirCells() {
        String md = "| Tier | Services on AWS |\n|---|---|\n| presentation | Amazon S3 static website behind Amazon CloudFront |\n";
        List<String> lines = new TerminalRenderer(30, false).render(md);
        assertFits(lines, 30);
        StringBuilder first = new StringBuilder();
        StringBuilder second = new StringBuilder();
        for (String line : lines) {
            String[] cells = line.split("\\|");
            if (cells.length == 3 && !line.contains("---")) {
                first.append(cells[1]);
                second.append(cells[2]);
            }
        }
        assertEquals("Tierpresentation", letters(first.toString()), "a word that fits a column is not cut");
        assertEquals(letters("Services on AWS Amazon S3 static website behind Amazon CloudFront"), letters(second.toString()));
    }

    @Test
    void codeBlocksKeepTheirLinesAndSpacing() {
        String md = "```\n+---+   +---+\n| A |-->| B |\n+---+   +---+\n```\n";
        List<String> lines = new TerminalRenderer(80, false).render(md);
        assertEquals(List.of("  +---+   +---+", "  | A |-->| B |", "  +---+   +---+"), lines);
        List<String> narrow = new TerminalRenderer(20, false).render("```\n" + "x".repeat(50) + "\n```\n");
        assertFits(narrow, 20);
    }

    @Test
    void headingsListsQuotesAndLinks() {
        String md = "# Title\n\nSome *emphasis* and **strong** text with `code`.\n\n"
                + "- first item\n- second item\n\n1. one\n2. two\n\n> quoted\n\nSee [the docs](https://docs.aws.amazon.com/).\n";
        List<String> lines = new TerminalRenderer(80, false).render(md);
        String all = String.join("\n", lines);
        assertEquals("Title", lines.get(0));
        assertEquals("=====", lines.get(1));
        assertTrue(all.contains("Some emphasis and strong text with `code`."), all);
        assertTrue(all.contains("- first item\n- second item"), all);
        assertTrue(all.contains("1. one\n2. two"), all);
        assertTrue(all.contains("> quoted"), all);
        assertTrue(all.contains("See the docs (https://docs.aws.amazon.com/)."), all);
    }

    @Test
    void colorOnlyWhenAskedFor() {
        String md = "# Title\n\n**bold** and [link](https://example.com)\n\n| a | b |\n|---|---|\n| 1 | 2 |\n";
        String plain = String.join("\n", new TerminalRenderer(80, false).render(md));
        assertFalse(plain.contains("\u001B"), plain);
        String colored = String.join("\n", new TerminalRenderer(80, true).render(md));
        assertTrue(colored.contains("\u001B[1m"), colored);
        assertEquals(plain, Styles.strip(colored).replace("`", ""));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80, 100, 120})
    void everyBundledPageFitsInBothLanguages(int width) {
        for (Chapter chapter : new CourseLoader(ContentSource.bundled()).load().chapters()) {
            for (int p = 1; p <= chapter.pageCount(); p++) {
                for (Lang lang : Lang.values()) {
                    String md = chapter.text(p, lang).orElseThrow().markdown();
                    List<String> lines = new TerminalRenderer(width, true).render(md);
                    assertFits(lines, width);
                    assertTrue(lines.size() > 10, chapter.id() + " page " + p + " " + lang);
                }
            }
        }
    }

    @Test
    void inlineRenderingUsesHangingIndent() {
        List<String> lines = new TerminalRenderer(24, false).renderInline("The logic tier runs in AWS Lambda functions", "  a) ", "     ");
        assertTrue(lines.get(0).startsWith("  a) The"), lines.toString());
        assertTrue(lines.stream().skip(1).allMatch(l -> l.startsWith("     ")), lines.toString());
        assertFits(lines, 24);
        assertEquals("The logic tier runs in AWS Lambda functions",
                lines.stream().map(String::strip).collect(Collectors.joining(" ")).replaceFirst("^a\\) ", ""));
    }
}
