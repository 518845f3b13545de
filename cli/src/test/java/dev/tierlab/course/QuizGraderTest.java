package dev.tierlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.verify.Score;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class QuizGraderTest {
    private static Quiz.Option option(String id, boolean correct) {
        return new Quiz.Option(id, correct, Localized.of(id, id), Localized.of("why " + id, null));
    }

    private static final Quiz QUIZ = new Quiz(List.of(
            new Quiz.Question("q1", Quiz.Kind.SINGLE, Localized.of("one?", null),
                    List.of(option("a", false), option("b", true), option("c", false))),
            new Quiz.Question("q2", Quiz.Kind.MULTIPLE, Localized.of("many?", null),
                    List.of(option("a", true), option("b", false), option("c", true)))));

    @Test
    void gradesExactAnswersOnly() {
        Map<String, Set<String>> answers = QuizGrader.parseAnswers(QUIZ, List.of("q1=B", "q2=c, a"));
        assertEquals(Map.of("q1", Set.of("b"), "q2", Set.of("a", "c")), answers);
        assertEquals(new Score(2, 2), QuizGrader.grade(QUIZ, answers).score());
        QuizGrader.Outcome partly = QuizGrader.grade(QUIZ, QuizGrader.parseAnswers(QUIZ, List.of("q2=a")));
        assertEquals(new Score(0, 2), partly.score(), "half of a multiple choice is wrong; a missing answer scores 0");
        assertEquals("a,c", partly.results().get(1).expected());
        assertEquals("a", partly.results().get(1).found());
        assertFalse(partly.score().reaches(QuizGrader.PASS_PERCENT));
    }

    @Test
    void rejectsMalformedAnswers() {
        for (String bad : List.of("q1", "=b", "q1=", "q9=a", "q1=z", "q1=a,b")) {
            TierlabException e = assertThrows(TierlabException.class, () -> QuizGrader.parseAnswers(QUIZ, List.of(bad)), bad);
            assertTrue(e.exitCode() == ExitCode.USAGE || e.exitCode() == ExitCode.NOT_FOUND, bad);
        }
        TierlabException twice = assertThrows(TierlabException.class,
                () -> QuizGrader.parseAnswers(QUIZ, List.of("q1=a", "q1=b")));
        assertEquals("error.quiz.repeated", twice.key());
    }
}
