package dev.tierlab.cli;

import java.io.PrintWriter;
import java.util.List;

/** Shows rendered lines: all at once, or a screen at a time in the interactive shell. */
interface Pager {

    void show(List<String> lines);

    static Pager printing(PrintWriter out) {
        return lines -> {
            lines.forEach(out::println);
            out.flush();
        };
    }
}
