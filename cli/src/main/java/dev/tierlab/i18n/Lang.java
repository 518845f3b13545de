package dev.tierlab.i18n;

import java.util.Locale;
import java.util.Optional;

/** The languages tierlab speaks. Lessons, messages and help exist in each of them. */
public enum Lang {
    EN("en", Locale.ROOT),
    KO("ko", Locale.KOREAN);

    private final String code;
    private final Locale bundleLocale;

    Lang(String code, Locale bundleLocale) {
        this.code = code;
        this.bundleLocale = bundleLocale;
    }

    /** The two-letter code used in file names, config and on the command line. */
    public String code() {
        return code;
    }

    /** The locale of this language's resource bundle ({@link Locale#ROOT} for the base bundle). */
    public Locale bundleLocale() {
        return bundleLocale;
    }

    /** The other language, used as the fallback when a page is missing. */
    public Lang other() {
        return this == EN ? KO : EN;
    }

    public static Optional<Lang> parse(String value) {
        if (value == null) {
            return Optional.empty();
        }
        String v = value.trim().toLowerCase(Locale.ROOT);
        for (Lang lang : values()) {
            if (lang.code.equals(v)) {
                return Optional.of(lang);
            }
        }
        return Optional.empty();
    }

    /** The language for a system locale: Korean for a Korean locale, English otherwise. */
    public static Lang fromLocale(Locale locale) {
        return locale != null && "ko".equals(locale.getLanguage()) ? KO : EN;
    }

    @Override
    public String toString() {
        return code;
    }
}
