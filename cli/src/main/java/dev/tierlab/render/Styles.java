package dev.tierlab.render;

import java.util.regex.Pattern;

/** ANSI styles as bit flags; with color off, {@link #apply} returns the text unchanged. */
final class Styles {
    static final int NONE = 0;
    static final int BOLD = 1;
    static final int ITALIC = 2;
    static final int UNDERLINE = 4;
    static final int DIM = 8;
    static final int CYAN = 16;
    static final int CODE = 32;

    private static final Pattern ESCAPES = Pattern.compile("\u001B\\[[0-9;]*m");

    private final boolean color;

    Styles(boolean color) {
        this.color = color;
    }

    boolean color() {
        return color;
    }

    String apply(String text, int style) {
        if (!color || style == NONE || text.isEmpty()) {
            return text;
        }
        StringBuilder codes = new StringBuilder();
        append(codes, style, BOLD, "1");
        append(codes, style, DIM, "2");
        append(codes, style, ITALIC, "3");
        append(codes, style, UNDERLINE, "4");
        append(codes, style, CYAN, "36");
        append(codes, style, CODE, "33");
        return "\u001B[" + codes + "m" + text + "\u001B[0m";
    }

    private static void append(StringBuilder codes, int style, int flag, String code) {
        if ((style & flag) != 0) {
            if (codes.length() > 0) {
                codes.append(';');
            }
            codes.append(code);
        }
    }

    /** {@code text} without ANSI style sequences. */
    static String strip(String text) {
        return ESCAPES.matcher(text).replaceAll("");
    }
}
