package dev.tierlab.render;

import java.util.ArrayList;
import java.util.List;
import org.commonmark.ext.gfm.tables.TableBlock;
import org.commonmark.ext.gfm.tables.TableCell;
import org.commonmark.ext.gfm.tables.TableHead;
import org.commonmark.ext.gfm.tables.TableRow;
import org.commonmark.node.Node;

/**
 * Lays out a GFM table in ASCII borders within the renderer's width: columns take their natural
 * width when it fits, otherwise the widest columns give up space and their cells wrap.
 */
final class TableLayout {
    private static final int MIN_COLUMN = 4;

    private final TerminalRenderer renderer;
    private final List<List<List<Span>>> rows = new ArrayList<>();
    private final List<Boolean> header = new ArrayList<>();
    private int columns;

    TableLayout(TerminalRenderer renderer, TableBlock table) {
        this.renderer = renderer;
        collectRows(table);
    }

    private void collectRows(Node node) {
        for (Node n = node.getFirstChild(); n != null; n = n.getNext()) {
            if (n instanceof TableRow row) {
                boolean head = isHeader(row);
                List<List<Span>> cells = new ArrayList<>();
                for (TableCell cell : cells(row)) {
                    cells.add(renderer.inlines(cell, head ? Styles.BOLD : Styles.NONE));
                }
                rows.add(cells);
                header.add(head);
                columns = Math.max(columns, cells.size());
            } else {
                collectRows(n);
            }
        }
    }

    void render(String first, String rest, List<String> out) {
        if (columns == 0) {
            return;
        }
        int[] widths = fit(renderer.available(rest) - (3 * columns + 1));
        Styles styles = renderer.styles();
        String border = styles.apply(borderLine(widths), Styles.DIM);
        String bar = styles.apply("|", Styles.DIM);
        boolean firstLine = true;
        for (int r = 0; r < rows.size(); r++) {
            List<List<List<Span>>> wrapped = new ArrayList<>();
            int height = 1;
            for (int c = 0; c < columns; c++) {
                List<Span> cell = c < rows.get(r).size() ? rows.get(r).get(c) : List.of();
                List<List<Span>> lines = Wrapper.wrap(cell, widths[c], widths[c]);
                wrapped.add(lines);
                height = Math.max(height, lines.size());
            }
            for (int l = 0; l < height; l++) {
                StringBuilder sb = new StringBuilder(firstLine ? first : rest).append(bar);
                firstLine = false;
                for (int c = 0; c < columns; c++) {
                    List<Span> part = l < wrapped.get(c).size() ? wrapped.get(c).get(l) : List.of();
                    int w = 0;
                    sb.append(' ');
                    for (Span s : part) {
                        sb.append(styles.apply(s.text(), s.style()));
                        w += DisplayWidth.of(s.text());
                    }
                    sb.append(" ".repeat(Math.max(0, widths[c] - w))).append(' ').append(bar);
                }
                out.add(sb.toString());
            }
            if (header.get(r) && (r + 1 >= rows.size() || !header.get(r + 1))) {
                out.add(rest + border);
            }
        }
    }

    private String borderLine(int[] widths) {
        StringBuilder sb = new StringBuilder("|");
        for (int w : widths) {
            sb.append("-".repeat(w + 2)).append('|');
        }
        return sb.toString();
    }

    /**
     * Natural column widths, shrunk until they fit {@code budget} columns: first the widest column
     * gives up space down to its longest word, then, if that is not enough, below it.
     */
    private int[] fit(int budget) {
        int[] widths = new int[columns];
        int[] longestWord = new int[columns];
        for (List<List<Span>> row : rows) {
            for (int c = 0; c < row.size(); c++) {
                String text = Span.plain(row.get(c));
                widths[c] = Math.max(widths[c], DisplayWidth.of(text));
                for (String word : text.split("\\s+")) {
                    longestWord[c] = Math.max(longestWord[c], DisplayWidth.of(word));
                }
            }
        }
        int total = 0;
        for (int i = 0; i < columns; i++) {
            widths[i] = Math.max(1, widths[i]);
            total += widths[i];
        }
        // never narrower than two columns: a wide (Hangul, CJK) character needs two
        int floor = Math.max(2, Math.min(MIN_COLUMN, budget / Math.max(1, columns)));
        total = shrink(widths, longestWord, total, budget);
        shrink(widths, new int[columns], total, budget, floor);
        return widths;
    }

    private int shrink(int[] widths, int[] keep, int total, int budget) {
        return shrink(widths, keep, total, budget, 1);
    }

    /** Takes one column at a time from the widest column that is wider than its {@code keep}, down to {@code floor}. */
    private int shrink(int[] widths, int[] keep, int total, int budget, int floor) {
        while (total > budget) {
            int widest = -1;
            for (int i = 0; i < columns; i++) {
                if (widths[i] > Math.max(keep[i], floor) && (widest < 0 || widths[i] > widths[widest])) {
                    widest = i;
                }
            }
            if (widest < 0) {
                break;
            }
            widths[widest]--;
            total--;
        }
        return total;
    }

    /** True for the rows of the table head. */
    private static boolean isHeader(TableRow row) {
        return row.getParent() instanceof TableHead;
    }

    private static List<TableCell> cells(TableRow row) {
        List<TableCell> cells = new ArrayList<>();
        for (Node c = row.getFirstChild(); c != null; c = c.getNext()) {
            if (c instanceof TableCell cell) {
                cells.add(cell);
            }
        }
        return cells;
    }
}
