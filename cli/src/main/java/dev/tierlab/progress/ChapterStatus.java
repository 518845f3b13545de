package dev.tierlab.progress;

import dev.tierlab.course.Chapter;
import dev.tierlab.course.QuizGrader;
import dev.tierlab.verify.Score;

/** How far a learner is with a chapter. */
public enum ChapterStatus {
    NEW,
    IN_PROGRESS,
    /** Every page read and the quiz (if any) passed with {@link QuizGrader#PASS_PERCENT}. */
    DONE;

    public static ChapterStatus of(Chapter chapter, Progress progress) {
        Progress.ChapterProgress cp = progress.chapter(chapter.id());
        if (cp.isEmpty()) {
            return NEW;
        }
        boolean allRead = cp.pagesRead().containsAll(java.util.stream.IntStream.rangeClosed(1, chapter.pageCount())
                .boxed().toList());
        boolean quizPassed = chapter.quiz().size() == 0
                || cp.quiz() != null && new Score(cp.quiz().score(), cp.quiz().max()).reaches(QuizGrader.PASS_PERCENT);
        return allRead && quizPassed ? DONE : IN_PROGRESS;
    }
}
