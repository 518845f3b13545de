package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Learner;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.Optional;

/** {@code quiz}: the learner's best result in a chapter's quiz reaches a share of the points. */
public final class QuizCheck extends BaseCheckType<QuizCheck.Params> {
    /** @param minPercent the share to reach, 0–100 (70) */
    public record Params(@JsonProperty(required = true) String chapter, Integer minPercent) {
        public Params {
            minPercent = minPercent == null ? 70 : minPercent;
            if (minPercent < 0 || minPercent > 100) {
                throw new IllegalArgumentException("minPercent must be between 0 and 100: " + minPercent);
            }
        }
    }

    public QuizCheck() {
        super("quiz", Params.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        return judge(p, context.learner().quiz(p.chapter()), context.texts());
    }

    static Verdict judge(Params p, Optional<Learner.QuizScore> quiz, Texts t) {
        String expected = t.get("check.quiz", p.chapter(), p.minPercent());
        if (quiz.isEmpty()) {
            return Verdict.fail(expected, t.get("check.quizNotTaken"));
        }
        Learner.QuizScore q = quiz.get();
        boolean ok = q.max() > 0 && (long) q.score() * 100 >= (long) p.minPercent() * q.max();
        return Verdict.of(ok, expected, q.score() + "/" + q.max());
    }
}
