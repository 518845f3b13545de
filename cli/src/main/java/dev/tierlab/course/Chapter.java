package dev.tierlab.course;

import dev.tierlab.i18n.Lang;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * One chapter of the course: its pages in reading order, in one or both languages, and its quiz.
 * The quiz is read on first use, so listing the course does not parse every quiz file.
 */
public final class Chapter {
    private final String id;
    private final Localized title;
    private final Localized summary;
    private final String lab;
    private final List<Page> pages;
    private final Supplier<Quiz> quizSource;
    private Quiz quiz;

    /** One lesson page; {@code markdown} holds the text per language, either may be missing. */
    public record Page(String id, Localized markdown) {
    }

    /** @param lab the id of the chapter's lab, or null while it has none */
    public Chapter(String id, Localized title, Localized summary, String lab, List<Page> pages, Supplier<Quiz> quiz) {
        this.id = id;
        this.title = title;
        this.summary = summary;
        this.lab = lab;
        this.pages = List.copyOf(pages);
        this.quizSource = quiz;
    }

    public Chapter(String id, Localized title, Localized summary, String lab, List<Page> pages, Quiz quiz) {
        this(id, title, summary, lab, pages, () -> quiz);
    }

    public String id() {
        return id;
    }

    public Localized title() {
        return title;
    }

    public Localized summary() {
        return summary;
    }

    public String lab() {
        return lab;
    }

    public List<Page> pages() {
        return pages;
    }

    /** The quiz, read and checked on first use; a broken quiz file fails here with file and line. */
    public synchronized Quiz quiz() {
        if (quiz == null) {
            quiz = quizSource.get();
        }
        return quiz;
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
