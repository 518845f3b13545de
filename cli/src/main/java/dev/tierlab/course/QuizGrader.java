package dev.tierlab.course;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.Score;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** Parses and grades quiz answers: one point per question answered exactly right. */
public final class QuizGrader {
    /** The share of points a chapter's quiz needs for the chapter to count as done. */
    public static final int PASS_PERCENT = 70;

    private QuizGrader() {
    }

    /** The graded quiz: one result per question, in quiz order, and the answers given. */
    public record Outcome(List<CheckResult> results, Map<String, Set<String>> answers) {
        public Score score() {
            return Score.of(results);
        }
    }

    /**
     * Parses answers written as {@code q1=b} or {@code q2=a,c}. Unknown questions or options, a
     * repeated question, or several options for a single-choice question are errors.
     */
    public static Map<String, Set<String>> parseAnswers(Quiz quiz, List<String> specs) {
        Map<String, Set<String>> answers = new LinkedHashMap<>();
        for (String spec : specs) {
            int eq = spec.indexOf('=');
            if (eq <= 0 || eq == spec.length() - 1) {
                throw new TierlabException(ExitCode.USAGE, "error.quiz.answerFormat", spec);
            }
            String qid = spec.substring(0, eq).trim();
            Quiz.Question q = quiz.question(qid).orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND,
                    "error.quiz.unknownQuestion", qid,
                    quiz.questions().stream().map(Quiz.Question::id).collect(Collectors.joining(", "))));
            Set<String> chosen = parseChoice(q, spec.substring(eq + 1));
            if (answers.put(qid, chosen) != null) {
                throw new TierlabException(ExitCode.USAGE, "error.quiz.repeated", qid);
            }
        }
        return answers;
    }

    /** Parses one answer to {@code q} such as {@code b} or {@code a,c}. */
    public static Set<String> parseChoice(Quiz.Question q, String text) {
        Set<String> chosen = new TreeSet<>();
        for (String part : text.split("[,\\s]+")) {
            String id = part.trim().toLowerCase(Locale.ROOT);
            if (id.isEmpty()) {
                continue;
            }
            if (q.option(id).isEmpty()) {
                throw new TierlabException(ExitCode.USAGE, "error.quiz.unknownOption", id, q.id(),
                        q.options().stream().map(Quiz.Option::id).collect(Collectors.joining(", ")));
            }
            chosen.add(id);
        }
        if (chosen.isEmpty()) {
            throw new TierlabException(ExitCode.USAGE, "error.quiz.answerFormat", q.id() + "=" + text);
        }
        if (q.kind() == Quiz.Kind.SINGLE && chosen.size() > 1) {
            throw new TierlabException(ExitCode.USAGE, "error.quiz.singleChoice", q.id());
        }
        return chosen;
    }

    /** Grades one question: right only when exactly the correct options were chosen. */
    public static CheckResult grade(Quiz.Question q, Set<String> chosen) {
        String expected = String.join(",", q.correctIds());
        String found = chosen == null || chosen.isEmpty() ? "" : String.join(",", new TreeSet<>(chosen));
        return expected.equals(found)
                ? CheckResult.passed(q.id(), 1, expected, found)
                : CheckResult.failed(q.id(), 1, expected, found);
    }

    /** Grades the whole quiz; a question without an answer scores nothing. */
    public static Outcome grade(Quiz quiz, Map<String, Set<String>> answers) {
        List<CheckResult> results = new ArrayList<>();
        for (Quiz.Question q : quiz.questions()) {
            results.add(grade(q, answers.get(q.id())));
        }
        return new Outcome(results, answers);
    }
}
