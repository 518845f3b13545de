package dev.tierlab.course;

import dev.tierlab.i18n.Lang;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One chapter of the course: its pages in reading order, in one or both languages, and its quiz.
 *
 * @param lab the id of the chapter's lab, or null while it has none
 */
public record Chapter(String id, Localized title, Localized summary, String lab, List<Page> pages, Quiz quiz) {

    /** One lesson page; {@code markdown} holds the text per language, either may be missing. */
    public record Page(String id, Localized markdown) {
    }

    public Chapter {
        pages = List.copyOf(pages);
    }

    /** The languages in which at least one page of this chapter is written. */
    public Set<Lang> languages() {
        Set<Lang> langs = EnumSet.noneOf(Lang.class);
        for (Page page : pages) {
            for (Lang lang : Lang.values()) {
                if (page.markdown().raw(lang) != null) {
                    langs.add(lang);
                }
            }
        }
        return langs;
    }

    public int pageCount() {
        return pages.size();
    }

    /** Page {@code number}, counted from 1. */
    public Optional<Page> page(int number) {
        return number >= 1 && number <= pages.size() ? Optional.of(pages.get(number - 1)) : Optional.empty();
    }

    /** The text of page {@code number} in {@code lang}, or in the other language when it is missing. */
    public Optional<PageText> text(int number, Lang lang) {
        return page(number).map(p -> {
            String wanted = p.markdown().raw(lang);
            return wanted != null
                    ? new PageText(this, number, wanted, lang, false)
                    : new PageText(this, number, p.markdown().raw(lang.other()), lang.other(), true);
        });
    }

    /**
     * A page's text ready to render.
     *
     * @param fallback true when the page is shown in {@code lang} because the requested language lacks it
     */
    public record PageText(Chapter chapter, int number, String markdown, Lang lang, boolean fallback) {
    }
}
