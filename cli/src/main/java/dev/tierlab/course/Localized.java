package dev.tierlab.course;

import dev.tierlab.i18n.Lang;

/** A text given in English and Korean; either may be missing, but not both. */
public record Localized(String en, String ko) {

    public static Localized of(String en, String ko) {
        return new Localized(blankToNull(en), blankToNull(ko));
    }

    /** The text in {@code lang}, else in the other language. */
    public String get(Lang lang) {
        String preferred = raw(lang);
        return preferred != null ? preferred : raw(lang.other());
    }

    public String raw(Lang lang) {
        return lang == Lang.KO ? ko : en;
    }

    public boolean isEmpty() {
        return en == null && ko == null;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
