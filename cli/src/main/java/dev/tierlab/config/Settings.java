package dev.tierlab.config;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import java.nio.file.Path;

/**
 * The settings one tierlab run works with, resolved once from command-line flags, environment and
 * the config file (in that order of precedence).
 *
 * @param home tierlab's state directory (progress, config, history)
 * @param width the width to wrap text to, in terminal columns
 */
public record Settings(Path home, Lang lang, boolean color, boolean stacktrace, int width) {
    public static final int DEFAULT_WIDTH = 80;

    public Settings withWidth(int newWidth) {
        return new Settings(home, lang, color, stacktrace, newWidth);
    }

    public Settings withColor(boolean newColor) {
        return new Settings(home, lang, newColor, stacktrace, width);
    }

    /**
     * Resolves the settings. Language: the flag, else the config file, else the system locale.
     * Home: the flag, else {@code TIERLAB_HOME}, else {@code ~/.tierlab}. Color: off with
     * {@code --no-color} or {@code NO_COLOR}, or when the output cannot show it. Width: the terminal's,
     * else {@code COLUMNS}, else 80.
     *
     * @param terminalWidth the terminal's width in columns, or 0 when unknown
     */
    public static Settings resolve(String langFlag, boolean noColor, boolean stacktrace, String homeFlag,
                                   Environment env, boolean colorCapable, int terminalWidth) {
        Path home = homeFlag != null ? Path.of(homeFlag)
                : env.get("TIERLAB_HOME").map(Path::of).orElse(env.userHome().resolve(".tierlab"));
        Lang lang;
        if (langFlag != null) {
            lang = Lang.parse(langFlag).orElseThrow(() ->
                    new TierlabException(ExitCode.USAGE, "error.badLang", langFlag, "en, ko"));
        } else {
            lang = new ConfigStore(home).get(ConfigStore.Key.LANG).flatMap(Lang::parse)
                    .orElse(Lang.fromLocale(env.locale()));
        }
        boolean color = colorCapable && !noColor && env.get("NO_COLOR").isEmpty();
        int width = terminalWidth > 0 ? terminalWidth : env.get("COLUMNS").map(Settings::parseWidth).orElse(DEFAULT_WIDTH);
        return new Settings(home, lang, color, stacktrace, width);
    }

    private static int parseWidth(String columns) {
        try {
            int w = Integer.parseInt(columns.trim());
            return w > 0 ? w : DEFAULT_WIDTH;
        } catch (NumberFormatException e) {
            return DEFAULT_WIDTH;
        }
    }
}
