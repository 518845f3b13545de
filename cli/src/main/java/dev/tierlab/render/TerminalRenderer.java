package dev.tierlab.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TablesExtension;
import org.commonmark.node.BlockQuote;
import org.commonmark.node.BulletList;
import org.commonmark.node.Code;
import org.commonmark.node.Emphasis;
import org.commonmark.node.FencedCodeBlock;
import org.commonmark.node.HardLineBreak;
import org.commonmark.node.Heading;
import org.commonmark.node.HtmlBlock;
import org.commonmark.node.HtmlInline;
import org.commonmark.node.Image;
import org.commonmark.node.IndentedCodeBlock;
import org.commonmark.node.Link;
import org.commonmark.node.ListBlock;
import org.commonmark.node.ListItem;
import org.commonmark.node.Node;
import org.commonmark.node.OrderedList;
import org.commonmark.node.Paragraph;
import org.commonmark.node.SoftLineBreak;
import org.commonmark.node.StrongEmphasis;
import org.commonmark.node.Text;
import org.commonmark.node.ThematicBreak;
import org.commonmark.parser.Parser;

/**
 * Renders Markdown (CommonMark with GFM tables) to terminal lines of at most {@code width} display
 * columns: headings, emphasis, lists, tables, code blocks, block quotes, and links as text followed
 * by the URL. Styles are ANSI escape codes when {@code color} is on and absent otherwise; line
 * width is always measured without them.
 */
public final class TerminalRenderer {
    private static final Parser PARSER = Parser.builder().extensions(List.of(TablesExtension.create())).build();
    private static final int MIN_WIDTH = 20;

    private final int width;
    private final Styles styles;

    public TerminalRenderer(int width, boolean color) {
        this.width = Math.max(MIN_WIDTH, width);
        this.styles = new Styles(color);
    }

    public int width() {
        return width;
    }

    public List<String> render(String markdown) {
        List<String> out = new ArrayList<>();
        blocks(PARSER.parse(markdown), "", "", out);
        while (!out.isEmpty() && out.get(out.size() - 1).isEmpty()) {
            out.remove(out.size() - 1);
        }
        return out;
    }

    /**
     * Renders one paragraph of inline Markdown (emphasis, code, links) wrapped to the width, the
     * first line prefixed with {@code first} and the others with {@code rest}.
     */
    public List<String> renderInline(String markdown, String first, String rest) {
        Node doc = PARSER.parse(markdown);
        List<Span> spans = new ArrayList<>();
        for (Node n = doc.getFirstChild(); n != null; n = n.getNext()) {
            if (!spans.isEmpty()) {
                spans.add(Span.BREAK);
            }
            spans.addAll(inlines(n, Styles.NONE));
        }
        return wrap(spans, first, rest);
    }

    /**
     * Wraps plain text (no Markdown) to the width, with the given prefixes. Lines that fit are kept
     * exactly as they are (spacing included); a wrapped line keeps its leading indentation.
     */
    public List<String> wrapPlain(String text, String first, String rest) {
        if (!text.contains("\n") && DisplayWidth.of(text) <= available(first)) {
            return List.of(first + text);
        }
        String indent = text.substring(0, text.length() - text.stripLeading().length());
        if (!indent.isEmpty() && !text.contains("\n")) {
            return wrapPlain(text.stripLeading(), first + indent, rest + indent);
        }
        List<Span> spans = new ArrayList<>();
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (i > 0) {
                spans.add(Span.BREAK);
            }
            spans.add(new Span(lines[i], Styles.NONE));
        }
        return wrap(spans, first, rest);
    }

    /** Renders the children of {@code parent}, the first line prefixed with {@code first}, the rest with {@code rest}. */
    private void blocks(Node parent, String first, String rest, List<String> out) {
        boolean firstBlock = true;
        for (Node n = parent.getFirstChild(); n != null; n = n.getNext()) {
            String p = firstBlock ? first : rest;
            int before = out.size();
            block(n, p, rest, out);
            boolean tight = parent instanceof ListItem && isTight(parent.getParent());
            if (out.size() > before && !tight && !(n instanceof ListBlock && parent instanceof ListItem)) {
                out.add(rest.stripTrailing());
            }
            firstBlock = false;
        }
    }

    private static boolean isTight(Node list) {
        return list instanceof ListBlock lb && lb.isTight();
    }

    private void block(Node n, String first, String rest, List<String> out) {
        if (n instanceof Heading h) {
            heading(h, first, rest, out);
        } else if (n instanceof Paragraph) {
            out.addAll(wrap(inlines(n, Styles.NONE), first, rest));
        } else if (n instanceof BulletList || n instanceof OrderedList) {
            list((ListBlock) n, first, rest, out);
        } else if (n instanceof FencedCodeBlock f) {
            code(f.getLiteral(), first, rest, out);
        } else if (n instanceof IndentedCodeBlock c) {
            code(c.getLiteral(), first, rest, out);
        } else if (n instanceof BlockQuote) {
            String bar = styles.apply("> ", Styles.DIM);
            blocks(n, first + bar, rest + bar, out);
            trimTrailingQuoteLine(out, rest + bar);
        } else if (n instanceof TableBlock t) {
            new TableLayout(this, t).render(first, rest, out);
        } else if (n instanceof ThematicBreak) {
            out.add(first + styles.apply("-".repeat(available(first)), Styles.DIM));
        } else if (n instanceof HtmlBlock html) {
            code(html.getLiteral(), first, rest, out);
        } else {
            blocks(n, first, rest, out);
        }
    }

    private static void trimTrailingQuoteLine(List<String> out, String quotePrefix) {
        if (!out.isEmpty() && out.get(out.size() - 1).equals(quotePrefix.stripTrailing())) {
            out.remove(out.size() - 1);
        }
    }

    private void heading(Heading h, String first, String rest, List<String> out) {
        int style = h.getLevel() == 1 ? Styles.BOLD | Styles.CYAN | Styles.UNDERLINE : Styles.BOLD;
        List<Span> spans = inlines(h, style);
        List<String> lines = wrap(spans, first, rest);
        out.addAll(lines);
        if (h.getLevel() <= 2) {
            int w = Math.min(available(rest), DisplayWidth.of(Span.plain(spans)));
            out.add(rest + styles.apply((h.getLevel() == 1 ? "=" : "-").repeat(Math.max(1, w)), Styles.DIM));
        }
    }

    private void list(ListBlock list, String first, String rest, List<String> out) {
        int number = list instanceof OrderedList ol && ol.getMarkerStartNumber() != null ? ol.getMarkerStartNumber() : 1;
        boolean firstItem = true;
        for (Node item = list.getFirstChild(); item != null; item = item.getNext()) {
            String marker = list instanceof OrderedList ? (number++) + ". " : "- ";
            String pad = " ".repeat(marker.length());
            String p = firstItem ? first : rest;
            blocks(item, p + styles.apply(marker, Styles.BOLD), rest + pad, out);
            if (!list.isTight() && item.getNext() != null && !out.isEmpty() && !out.get(out.size() - 1).isBlank()) {
                out.add(rest.stripTrailing());
            }
            firstItem = false;
        }
    }

    private void code(String literal, String first, String rest, List<String> out) {
        String indent = "  ";
        int avail = Math.max(1, available(rest) - indent.length());
        String text = literal.endsWith("\n") ? literal.substring(0, literal.length() - 1) : literal;
        boolean firstLine = true;
        for (String line : text.split("\n", -1)) {
            for (String piece : hardWrap(line.replace("\t", "    "), avail)) {
                out.add((firstLine ? first : rest) + indent + styles.apply(piece, Styles.CODE));
                firstLine = false;
            }
        }
    }

    int available(String prefix) {
        return Math.max(1, width - DisplayWidth.of(Styles.strip(prefix)));
    }

    /** Collects the inline content below {@code node} as styled spans. */
    List<Span> inlines(Node node, int style) {
        List<Span> spans = new ArrayList<>();
        collect(node, style, spans);
        return spans;
    }

    private void collect(Node node, int style, List<Span> spans) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof Text t) {
                spans.add(new Span(t.getLiteral(), style));
            } else if (n instanceof Code c) {
                spans.add(new Span(styles.color() ? c.getLiteral() : "`" + c.getLiteral() + "`", style | Styles.CODE));
            } else if (n instanceof Emphasis) {
                collect(n, style | Styles.ITALIC, spans);
            } else if (n instanceof StrongEmphasis) {
                collect(n, style | Styles.BOLD, spans);
            } else if (n instanceof Link link) {
                int before = spans.size();
                collect(n, style | Styles.UNDERLINE, spans);
                String text = Span.plain(spans.subList(before, spans.size()));
                if (!text.equals(link.getDestination())) {
                    spans.add(new Span(" (" + link.getDestination() + ")", style | Styles.DIM));
                }
            } else if (n instanceof Image image) {
                List<Span> alt = new ArrayList<>();
                collect(n, style, alt);
                spans.add(new Span("[" + Span.plain(alt) + "] (" + image.getDestination() + ")", style | Styles.DIM));
            } else if (n instanceof SoftLineBreak) {
                spans.add(new Span(" ", style));
            } else if (n instanceof HardLineBreak) {
                spans.add(Span.BREAK);
            } else if (n instanceof HtmlInline html) {
                spans.add(new Span(html.getLiteral(), style));
            } else {
                collect(n, style, spans);
            }
        }
    }

    /** Greedy word wrap of {@code spans} into lines of at most the width, with the given prefixes. */
    List<String> wrap(List<Span> spans, String first, String rest) {
        List<String> lines = new ArrayList<>();
        for (List<Span> line : Wrapper.wrap(spans, available(first), available(rest))) {
            StringBuilder sb = new StringBuilder(lines.isEmpty() ? first : rest);
            for (Span s : line) {
                sb.append(styles.apply(s.text(), s.style()));
            }
            lines.add(sb.toString());
        }
        if (lines.isEmpty()) {
            lines.add(first.stripTrailing());
        }
        return lines;
    }

    Styles styles() {
        return styles;
    }

    /** Cuts {@code line} into pieces of at most {@code columns} display columns, between code points. */
    static List<String> hardWrap(String line, int columns) {
        List<String> pieces = new ArrayList<>();
        StringBuilder sb = new StringBuilder();
        int w = 0;
        for (int i = 0; i < line.length(); ) {
            int cp = line.codePointAt(i);
            int cw = DisplayWidth.of(cp);
            if (w + cw > columns && sb.length() > 0) {
                pieces.add(sb.toString());
                sb.setLength(0);
                w = 0;
            }
            sb.appendCodePoint(cp);
            w += cw;
            i += Character.charCount(cp);
        }
        pieces.add(sb.toString());
        return pieces;
    }
}
