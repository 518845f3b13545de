package dev.tierlab.cli;

/**
 * The global options as given on the command line (null or false when absent). The root command
 * holds them; {@link #prescan} reads them before parsing so help can be shown in the right language.
 */
record GlobalOptions(String lang, boolean noColor, boolean stacktrace, String home) {
    static final GlobalOptions NONE = new GlobalOptions(null, false, false, null);

    /** A best-effort look at the raw arguments, stopping at {@code --}; parsing stays with picocli. */
    static GlobalOptions prescan(String[] args) {
        String lang = null;
        String home = null;
        boolean noColor = false;
        boolean stacktrace = false;
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
            } else if ("--no-color".equals(a)) {
                noColor = true;
            } else if ("--stacktrace".equals(a)) {
                stacktrace = true;
            }
        }
        return new GlobalOptions(lang, noColor, stacktrace, home);
    }

    /** These options with any option given in {@code line} taking precedence. */
    GlobalOptions overriddenBy(GlobalOptions line) {
        return new GlobalOptions(line.lang != null ? line.lang : lang, noColor || line.noColor,
                stacktrace || line.stacktrace, line.home != null ? line.home : home);
    }
}
