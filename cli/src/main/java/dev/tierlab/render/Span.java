package dev.tierlab.render;

import java.util.List;

/** A run of text in one style; {@link #BREAK} forces a line break. */
record Span(String text, int style) {
    static final Span BREAK = new Span("\n", Styles.NONE);

    static String plain(List<Span> spans) {
        StringBuilder sb = new StringBuilder();
        for (Span s : spans) {
            sb.append(s.text());
        }
        return sb.toString();
    }
}
