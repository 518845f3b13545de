package dev.tierlab.i18n;

import java.text.MessageFormat;
import java.util.Arrays;
import java.util.MissingResourceException;
import java.util.Optional;
import java.util.ResourceBundle;

/**
 * User-facing text in one language, from {@code dev/tierlab/i18n/messages*.properties}. The base
 * bundle is English; a missing Korean key falls back to English, never to the JVM's default locale.
 */
public final class Messages {
    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private final Lang lang;
    private final ResourceBundle bundle;

    private Messages(Lang lang, ResourceBundle bundle) {
        this.lang = lang;
        this.bundle = bundle;
    }

    public static Messages of(Lang lang) {
        return new Messages(lang, bundle("dev.tierlab.i18n.messages", lang));
    }

    /** Loads {@code baseName} for {@code lang} without falling back to the JVM's default locale. */
    public static ResourceBundle bundle(String baseName, Lang lang) {
        return ResourceBundle.getBundle(baseName, lang.bundleLocale(), Messages.class.getClassLoader(), NO_FALLBACK);
    }

    public Lang lang() {
        return lang;
    }

    /**
     * The message for {@code key}, formatted with {@link MessageFormat}; the key itself if it is missing.
     * {@link Wording} arguments are put into words in this language first.
     */
    public String get(String key, Object... args) {
        return find(key, args).orElse(key);
    }

    public Optional<String> find(String key, Object... args) {
        try {
            String pattern = bundle.getString(key);
            Object[] shown = args == null ? new Object[0]
                    : Arrays.stream(args).map(a -> a instanceof Wording l ? l.in(this) : a).toArray();
            return Optional.of(new MessageFormat(pattern, lang.bundleLocale()).format(shown));
        } catch (MissingResourceException e) {
            return Optional.empty();
        }
    }
}
