package dev.tierlab.cli;

import java.util.ArrayList;
import java.util.List;

/**
 * The global options as given on the command line (null, false or empty when absent). The root
 * command holds them; {@link #prescan} reads them before parsing so help can be shown in the right
 * language (and so the shell keeps the labs folders and trust given when it was opened).
 *
 * @param labsDirs folders of labs that overlay the bundled ones ({@code --labs-dir}, repeatable)
 * @param trust    run {@code command} checks of labs that are not bundled ({@code --trust})
 */
record GlobalOptions(String lang, boolean noColor, boolean stacktrace, String home, List<String> labsDirs, boolean trust) {
    static final GlobalOptions NONE = new GlobalOptions(null, false, false, null);

    GlobalOptions {
        labsDirs = labsDirs == null ? List.of() : List.copyOf(labsDirs);
    }

    GlobalOptions(String lang, boolean noColor, boolean stacktrace, String home) {
        this(lang, noColor, stacktrace, home, List.of(), false);
    }

    /** A best-effort look at the raw arguments, stopping at {@code --}; parsing stays with picocli. */
    static GlobalOptions prescan(String[] args) {
        String lang = null;
        String home = null;
        boolean noColor = false;
        boolean stacktrace = false;
        boolean trust = false;
        List<String> labsDirs = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            String a = args[i];
            if ("--".equals(a)) {
                break;
            } else if ("--lang".equals(a) && i + 1 < args.length) {
                lang = args[++i];
            } else if (a.startsWith("--lang=")) {
                lang = a.substring("--lang=".length());
            } else if ("--home".equals(a) && i + 1 < args.length) {
                home = args[++i];
            } else if (a.startsWith("--home=")) {
                home = a.substring("--home=".length());
            } else if ("--labs-dir".equals(a) && i + 1 < args.length) {
                labsDirs.add(args[++i]);
            } else if (a.startsWith("--labs-dir=")) {
                labsDirs.add(a.substring("--labs-dir=".length()));
            } else if ("--no-color".equals(a)) {
                noColor = true;
            } else if ("--stacktrace".equals(a)) {
                stacktrace = true;
            } else if ("--trust".equals(a)) {
                trust = true;
            }
        }
        return new GlobalOptions(lang, noColor, stacktrace, home, labsDirs, trust);
    }

    /** These options with any option given in {@code line} taking precedence. */
    GlobalOptions overriddenBy(GlobalOptions line) {
        return new GlobalOptions(line.lang != null ? line.lang : lang, noColor || line.noColor,
                stacktrace || line.stacktrace, line.home != null ? line.home : home,
                line.labsDirs.isEmpty() ? labsDirs : line.labsDirs, trust || line.trust);
    }
}
