package dev.tierlab.progress;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * A learner's progress: where they are and, per chapter, the pages read and the last quiz result.
 * Immutable; every change returns a new value. Stored as {@code progress.json} by {@link ProgressStore}.
 *
 * @param current the page the learner last read, or null before the first
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Progress(int schemaVersion, Position current, SortedMap<String, ChapterProgress> chapters,
                       String currentLab, SortedMap<String, LabProgress> labs) {
    /** The version of the file format written by this tierlab (2 added labs; version 1 files are read as well). */
    public static final int SCHEMA_VERSION = 2;

    public Progress {
        schemaVersion = SCHEMA_VERSION; // version 1 files are a subset: read, they become version 2
        chapters = Collections.unmodifiableSortedMap(new TreeMap<>(chapters == null ? Map.of() : chapters));
        labs = Collections.unmodifiableSortedMap(new TreeMap<>(labs == null ? Map.of() : labs));
    }

    public Progress(int schemaVersion, Position current, SortedMap<String, ChapterProgress> chapters) {
        this(schemaVersion, current, chapters, null, null);
    }

    public static Progress empty() {
        return new Progress(SCHEMA_VERSION, null, new TreeMap<>());
    }

    /**
     * A learner's state in one lab: its workspace, the hint level reached per step, the steps whose
     * solution was shown, and the latest result of each check.
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LabProgress(String workspace, SortedMap<String, Integer> hints, List<String> solutionsSeen,
                              SortedMap<String, CheckRecord> checks) {
        public static final LabProgress NONE = new LabProgress(null, null, null, null);

        public LabProgress {
            hints = Collections.unmodifiableSortedMap(new TreeMap<>(hints == null ? Map.of() : hints));
            solutionsSeen = List.copyOf(new TreeSet<>(solutionsSeen == null ? List.of() : solutionsSeen));
            checks = Collections.unmodifiableSortedMap(new TreeMap<>(checks == null ? Map.of() : checks));
        }

        public LabProgress withWorkspace(String dir) {
            return new LabProgress(dir, hints, solutionsSeen, checks);
        }

        public LabProgress withHintLevel(String step, int level) {
            TreeMap<String, Integer> h = new TreeMap<>(hints);
            h.merge(step, level, Math::max);
            return new LabProgress(workspace, h, solutionsSeen, checks);
        }

        public LabProgress withSolutionSeen(String step) {
            List<String> seen = new java.util.ArrayList<>(solutionsSeen);
            seen.add(step);
            return new LabProgress(workspace, hints, seen, checks);
        }

        public LabProgress withCheck(String check, CheckRecord record) {
            TreeMap<String, CheckRecord> c = new TreeMap<>(checks);
            c.put(check, record);
            return new LabProgress(workspace, hints, solutionsSeen, c);
        }
    }

    /** The latest result of one check: PASSED, FAILED or NOT_VERIFIABLE, with points and time. */
    public record CheckRecord(String status, int points, int max, String at) {
    }

    public LabProgress lab(String id) {
        return labs.getOrDefault(id, LabProgress.NONE);
    }

    public Progress withLab(String id, LabProgress lab, boolean makeCurrent) {
        TreeMap<String, LabProgress> map = new TreeMap<>(labs);
        map.put(id, lab);
        return new Progress(schemaVersion, current, chapters, makeCurrent ? id : currentLab, map);
    }

    /** A page of a chapter, counted from 1. */
    public record Position(String chapter, int page) {
    }

    /** @param quiz the last quiz result, or null when the quiz was not taken */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record ChapterProgress(List<Integer> pagesRead, QuizResult quiz) {
        public static final ChapterProgress NONE = new ChapterProgress(List.of(), null);

        public ChapterProgress {
            pagesRead = List.copyOf(new TreeSet<>(pagesRead == null ? List.of() : pagesRead));
        }

        @JsonIgnore
        public boolean isEmpty() {
            return pagesRead.isEmpty() && quiz == null;
        }
    }

    /** @param answers the options chosen per question id; @param takenAt an ISO-8601 instant */
    public record QuizResult(int score, int max, SortedMap<String, List<String>> answers, String takenAt) {
        public QuizResult {
            answers = Collections.unmodifiableSortedMap(new TreeMap<>(answers == null ? Map.of() : answers));
        }
    }

    public ChapterProgress chapter(String id) {
        return chapters.getOrDefault(id, ChapterProgress.NONE);
    }

    /** Records that page {@code page} of {@code chapter} was read and makes it the current position. */
    public Progress withPageRead(String chapter, int page) {
        ChapterProgress old = chapter(chapter);
        List<Integer> pages = new java.util.ArrayList<>(old.pagesRead());
        pages.add(page);
        return with(chapter, new ChapterProgress(pages, old.quiz()), new Position(chapter, page));
    }

    /**
     * Records a quiz result. The best result is kept, so a later, weaker attempt never undoes a
     * passed quiz; an equal score replaces the older result.
     */
    public Progress withQuiz(String chapter, QuizResult result) {
        QuizResult old = chapter(chapter).quiz();
        boolean better = old == null || (long) result.score() * Math.max(1, old.max()) >= (long) old.score() * Math.max(1, result.max());
        return better ? with(chapter, new ChapterProgress(chapter(chapter).pagesRead(), result), current) : this;
    }

    /** Forgets one chapter; the current position is kept unless it points into that chapter. */
    public Progress withoutChapter(String chapter) {
        TreeMap<String, ChapterProgress> map = new TreeMap<>(chapters);
        map.remove(chapter);
        Position pos = current != null && current.chapter().equals(chapter) ? null : current;
        return new Progress(schemaVersion, pos, map, currentLab, labs);
    }

    private Progress with(String chapter, ChapterProgress cp, Position pos) {
        TreeMap<String, ChapterProgress> map = new TreeMap<>(chapters);
        map.put(chapter, cp);
        return new Progress(schemaVersion, pos, map, currentLab, labs);
    }
}
