package dev.tierlab.course;

import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/** A chapter's quiz: questions with single or multiple correct options, each option explained. */
public record Quiz(List<Question> questions) {

    public static final Quiz EMPTY = new Quiz(List.of());

    public Quiz {
        questions = questions == null ? List.of() : List.copyOf(questions);
    }

    public int size() {
        return questions.size();
    }

    public Optional<Question> question(String id) {
        return questions.stream().filter(q -> q.id().equals(id)).findFirst();
    }

    public enum Kind { SINGLE, MULTIPLE }

    /** @param scenario true for a "which would you choose for ..." question; null means false */
    public record Question(String id, Kind kind, Localized prompt, List<Option> options, Boolean scenario) {
        public Question {
            options = options == null ? List.of() : List.copyOf(options);
        }

        public Question(String id, Kind kind, Localized prompt, List<Option> options) {
            this(id, kind, prompt, options, null);
        }

        public boolean isScenario() {
            return Boolean.TRUE.equals(scenario);
        }

        /** The ids of the correct options, sorted. */
        public Set<String> correctIds() {
            Set<String> ids = new TreeSet<>();
            options.stream().filter(Option::correct).forEach(o -> ids.add(o.id()));
            return ids;
        }

        public Optional<Option> option(String id) {
            return options.stream().filter(o -> o.id().equals(id)).findFirst();
        }
    }

    /** @param why why this option is right or wrong, shown after the learner answers */
    public record Option(String id, boolean correct, Localized text, Localized why) {
    }
}
