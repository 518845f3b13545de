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

    /**
     * The home directory, created if needed. Fails with a clear message when it exists but is not a
     * directory or cannot be created.
     */
    public Path ensureHome() {
        if (java.nio.file.Files.isDirectory(home)) {
            return home;
        }
        if (java.nio.file.Files.exists(home)) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.home.notDirectory", home);
        }
        try {
            return java.nio.file.Files.createDirectories(home);
        } catch (java.io.IOException e) {
            TierlabException io = TierlabException.io(home, e);
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.home.cannotCreate", home, io.args()[1]);
        }
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
                                   Environment env, boolean colorCapable, int terminalWidth, ConfigStore.Listener config) {
        if (homeFlag != null && homeFlag.isBlank()) {
            throw new TierlabException(ExitCode.USAGE, "error.home.empty");
        }
        Path home = homeFlag != null ? Path.of(homeFlag)
                : env.get("TIERLAB_HOME").map(Path::of).orElse(env.userHome().resolve(".tierlab"));
        if (java.nio.file.Files.exists(home) && !java.nio.file.Files.isDirectory(home)) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.home.notDirectory", home);
        }
        Lang lang;
        if (langFlag != null) {
            lang = Lang.parse(langFlag).orElseThrow(() ->
                    new TierlabException(ExitCode.USAGE, "error.badLang", langFlag, "en, ko"));
        } else {
            lang = new ConfigStore(home, config).get(ConfigStore.Key.LANG).flatMap(Lang::parse)
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
