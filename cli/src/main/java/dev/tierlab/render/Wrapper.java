package dev.tierlab.render;

import java.util.ArrayList;
import java.util.List;

/**
 * Greedy word wrap of styled text by display width. Words are separated by white space and may
 * cross style boundaries ("**bold**," is one word); a word wider than a line is cut between code
 * points, never inside one.
 */
final class Wrapper {
    private Wrapper() {
    }

    static List<List<Span>> wrap(List<Span> spans, int firstWidth, int restWidth) {
        List<List<Span>> lines = new ArrayList<>();
        List<Span> line = new ArrayList<>();
        int lineWidth = 0;
        for (List<Span> word : words(spans)) {
            if (word == null) { // forced break
                lines.add(line);
                line = new ArrayList<>();
                lineWidth = 0;
                continue;
            }
            int avail = lines.isEmpty() ? firstWidth : restWidth;
            int w = width(word);
            if (lineWidth > 0 && lineWidth + 1 + w <= avail) {
                line.add(new Span(" ", Styles.NONE));
                line.addAll(word);
                lineWidth += 1 + w;
                continue;
            }
            if (lineWidth > 0) {
                lines.add(line);
                line = new ArrayList<>();
                lineWidth = 0;
                avail = restWidth;
            }
            if (w <= avail) {
                line.addAll(word);
                lineWidth = w;
            } else {
                List<List<Span>> pieces = cut(word, avail, restWidth);
                for (int i = 0; i < pieces.size() - 1; i++) {
                    lines.add(pieces.get(i));
                }
                line = new ArrayList<>(pieces.get(pieces.size() - 1));
                lineWidth = width(line);
            }
        }
        if (!line.isEmpty() || lines.isEmpty()) {
            lines.add(line);
        }
        return lines;
    }

    /** Words as lists of spans; a null entry marks a forced line break. */
    private static List<List<Span>> words(List<Span> spans) {
        List<List<Span>> words = new ArrayList<>();
        List<Span> word = new ArrayList<>();
        for (Span span : spans) {
            if (span == Span.BREAK) {
                flush(words, word);
                word = new ArrayList<>();
                words.add(null);
                continue;
            }
            StringBuilder sb = new StringBuilder();
            String t = span.text();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                if (Character.isWhitespace(cp)) {
                    if (sb.length() > 0) {
                        word.add(new Span(sb.toString(), span.style()));
                        sb.setLength(0);
                    }
                    if (flush(words, word)) {
                        word = new ArrayList<>();
                    }
                } else {
                    sb.appendCodePoint(cp);
                }
            }
            if (sb.length() > 0) {
                word.add(new Span(sb.toString(), span.style()));
            }
        }
        flush(words, word);
        return words;
    }

    private static boolean flush(List<List<Span>> words, List<Span> word) {
        if (word.isEmpty()) {
            return false;
        }
        words.add(word);
        return true;
    }

    private static int width(List<Span> spans) {
        int w = 0;
        for (Span s : spans) {
            w += DisplayWidth.of(s.text());
        }
        return w;
    }

    private static List<List<Span>> cut(List<Span> word, int firstWidth, int restWidth) {
        List<List<Span>> pieces = new ArrayList<>();
        List<Span> piece = new ArrayList<>();
        int pieceWidth = 0;
        int avail = Math.max(1, firstWidth);
        for (Span s : word) {
            StringBuilder sb = new StringBuilder();
            String t = s.text();
            for (int i = 0; i < t.length(); ) {
                int cp = t.codePointAt(i);
                i += Character.charCount(cp);
                int cw = DisplayWidth.of(cp);
                if (pieceWidth + cw > avail && pieceWidth > 0) {
                    if (sb.length() > 0) {
                        piece.add(new Span(sb.toString(), s.style()));
                        sb.setLength(0);
                    }
                    pieces.add(piece);
                    piece = new ArrayList<>();
                    pieceWidth = 0;
                    avail = Math.max(1, restWidth);
                }
                sb.appendCodePoint(cp);
                pieceWidth += cw;
            }
            if (sb.length() > 0) {
                piece.add(new Span(sb.toString(), s.style()));
            }
        }
        pieces.add(piece);
        return pieces;
    }
}
