package dev.tierlab.verify.engine;

import java.util.Optional;

/** What the learner did outside the workspace that checks can ask about. */
public interface Learner {
    record QuizScore(int score, int max) {
    }

    /** The learner's best result in the quiz of {@code chapter}, if they took it. */
    Optional<QuizScore> quiz(String chapter);
}
