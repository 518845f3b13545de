package dev.tierlab.course;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * Reads the course from a {@link ContentSource}: {@code course.yaml} lists chapter ids in order;
 * a chapter with a {@code <id>/chapter.yaml} has content, the others are not shown yet. Pages are
 * {@code <id>/<lang>/<page>.md}; the quiz is {@code <id>/quiz.yaml}. Every problem is reported with
 * the file (and line and column where the parser knows them).
 */
public final class CourseLoader {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    private final ContentSource source;
    private final ObjectMapper yaml;

    public CourseLoader(ContentSource source) {
        this.source = source;
        this.yaml = JsonMapper.builder(new YAMLFactory())
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
                .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
                .enable(MapperFeature.ACCEPT_CASE_INSENSITIVE_ENUMS)
                .build();
    }

    record CourseFile(List<String> chapters) {
    }

    record ChapterFile(Localized title, Localized summary, String lab, List<String> pages) {
    }

    public Course load() {
        CourseFile index = parse("course.yaml", CourseFile.class)
                .orElseThrow(() -> bad("course.yaml", "error.content.missingFile"));
        require(index.chapters() != null && !index.chapters().isEmpty(), "course.yaml", "chapters");
        List<Chapter> chapters = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (String id : index.chapters()) {
            if (id == null || !ID.matcher(id).matches() || !seen.add(id)) {
                throw bad("course.yaml", "error.content.badId", String.valueOf(id));
            }
            loadChapter(id).ifPresent(chapters::add);
        }
        return new Course(chapters);
    }

    private Optional<Chapter> loadChapter(String id) {
        String file = id + "/chapter.yaml";
        Optional<ChapterFile> parsed = parse(file, ChapterFile.class);
        if (parsed.isEmpty()) {
            return Optional.empty();
        }
        ChapterFile def = parsed.get();
        require(def.title() != null && !def.title().isEmpty(), file, "title");
        require(def.pages() != null && !def.pages().isEmpty(), file, "pages");
        List<Chapter.Page> pages = new ArrayList<>();
        for (String pageId : def.pages()) {
            if (pageId == null || !ID.matcher(pageId).matches()) {
                throw bad(file, "error.content.badId", String.valueOf(pageId));
            }
            String en = source.read(id + "/" + Lang.EN.code() + "/" + pageId + ".md").orElse(null);
            String ko = source.read(id + "/" + Lang.KO.code() + "/" + pageId + ".md").orElse(null);
            if (en == null && ko == null) {
                throw bad(file, "error.content.missingPage", pageId, id + "/<en|ko>/" + pageId + ".md");
            }
            pages.add(new Chapter.Page(pageId, Localized.of(en, ko)));
        }
        Localized summary = def.summary() == null ? Localized.of(null, null) : def.summary();
        Supplier<Quiz> quiz = () -> parse(id + "/quiz.yaml", Quiz.class).map(q -> validate(id + "/quiz.yaml", q)).orElse(Quiz.EMPTY);
        return Optional.of(new Chapter(id, def.title(), summary, def.lab(), pages, quiz));
    }

    private Quiz validate(String file, Quiz quiz) {
        require(quiz.questions() != null, file, "questions");
        Set<String> ids = new HashSet<>();
        for (Quiz.Question q : quiz.questions()) {
            require(q.id() != null && ids.add(q.id()), file, "questions[].id (unique)");
            String where = "questions[" + q.id() + "]";
            require(q.kind() != null, file, where + ".kind");
            require(q.prompt() != null && !q.prompt().isEmpty(), file, where + ".prompt");
            require(q.options().size() >= 2, file, where + ".options (at least 2)");
            Set<String> optionIds = new HashSet<>();
            for (Quiz.Option o : q.options()) {
                require(o.id() != null && optionIds.add(o.id()), file, where + ".options[].id (unique)");
                require(o.text() != null && !o.text().isEmpty(), file, where + ".options[" + o.id() + "].text");
                require(o.why() != null && !o.why().isEmpty(), file, where + ".options[" + o.id() + "].why");
            }
            int correct = q.correctIds().size();
            boolean ok = q.kind() == Quiz.Kind.SINGLE ? correct == 1 : correct >= 1;
            if (!ok) {
                throw bad(file, "error.content.correctCount", q.id(), q.kind().name().toLowerCase(java.util.Locale.ROOT), correct);
            }
        }
        return quiz;
    }

    private <T> Optional<T> parse(String path, Class<T> type) {
        Optional<String> text = source.read(path);
        if (text.isEmpty()) {
            return Optional.empty();
        }
        try {
            T value = yaml.readValue(text.get(), type);
            if (value == null) {
                throw bad(path, "error.content.empty");
            }
            return Optional.of(value);
        } catch (JsonProcessingException e) {
            JsonLocation loc = e.getLocation();
            String where = loc == null ? source.describe(path)
                    : source.describe(path) + ":" + loc.getLineNr() + ":" + loc.getColumnNr();
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.content.parse", where, e.getOriginalMessage());
        }
    }

    private void require(boolean condition, String file, String field) {
        if (!condition) {
            throw bad(file, "error.content.missingField", field);
        }
    }

    private TierlabException bad(String file, String key, Object... args) {
        Object[] all = new Object[args.length + 1];
        all[0] = source.describe(file);
        System.arraycopy(args, 0, all, 1, args.length);
        return new TierlabException(ExitCode.BAD_INPUT, key, all);
    }
}
