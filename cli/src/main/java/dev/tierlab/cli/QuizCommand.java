package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.course.Quiz;
import dev.tierlab.course.QuizGrader;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.Progress;
import dev.tierlab.render.TerminalRenderer;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.Score;
import java.io.PrintWriter;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "quiz", mixinStandardHelpOptions = true)
final class QuizCommand implements Callable<Integer> {
    /** Typed at an answer prompt, these end the quiz without recording anything. */
    private static final Set<String> STOP_WORDS = Set.of("exit", "quit");

    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<chapter>", completionCandidates = ChapterCandidates.class)
    String chapter;

    @Option(names = "--answer", paramLabel = "<q=opts>")
    List<String> answers = new ArrayList<>();

    @Option(names = "--json")
    boolean json;

    QuizCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Chapter c = ctx.course().chapter(chapter);
        Quiz quiz = c.quiz();
        if (quiz.size() == 0) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.noQuiz", c.id());
        }
        QuizGrader.Outcome outcome;
        if (answers.isEmpty()) {
            if (json) {
                throw new TierlabException(ExitCode.USAGE, "error.quiz.jsonNeedsAnswers");
            }
            Optional<QuizGrader.Outcome> interactive = askAll(quiz);
            if (interactive.isEmpty()) {
                ctx.out().println(ctx.msg().get("quiz.stopped"));
                return ExitCode.CANCELLED.code();
            }
            outcome = interactive.get();
        } else {
            outcome = QuizGrader.grade(quiz, QuizGrader.parseAnswers(quiz, answers));
            if (!json) {
                printResults(quiz, outcome);
            }
        }
        record(c, outcome);
        if (json) {
            printJson(c, outcome);
        } else {
            printScore(outcome.score());
        }
        return 0;
    }

    private Optional<QuizGrader.Outcome> askAll(Quiz quiz) {
        Map<String, Set<String>> given = new LinkedHashMap<>();
        List<CheckResult> results = new ArrayList<>();
        int n = 0;
        for (Quiz.Question q : quiz.questions()) {
            n++;
            Optional<Set<String>> chosen = ask(q, n, quiz.size());
            if (chosen.isEmpty()) {
                return Optional.empty();
            }
            given.put(q.id(), chosen.get());
            CheckResult r = QuizGrader.grade(q, chosen.get());
            results.add(r);
            explain(q, r);
        }
        return Optional.of(new QuizGrader.Outcome(results, given));
    }

    private Optional<Set<String>> ask(Quiz.Question q, int n, int total) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        TerminalRenderer r = ctx.renderer();
        PrintWriter out = ctx.out();
        out.println();
        if (n == 1) {
            ctx.say(msg.get("quiz.stopHint"));
        }
        out.println(msg.get(q.kind() == Quiz.Kind.SINGLE ? "quiz.single" : "quiz.multiple", n, total));
        r.renderInline(q.prompt().get(lang), "", "").forEach(out::println);
        for (Quiz.Option o : q.options()) {
            r.renderInline(o.text().get(lang), "  " + o.id() + ") ", "     ").forEach(out::println);
        }
        while (true) {
            Optional<String> line = ctx.prompter().readLine(msg.get("quiz.prompt"));
            if (line.isEmpty() || STOP_WORDS.contains(line.get().trim().toLowerCase(java.util.Locale.ROOT))) {
                return Optional.empty();
            }
            if (line.get().isBlank()) {
                continue;
            }
            try {
                return Optional.of(QuizGrader.parseChoice(q, line.get()));
            } catch (TierlabException e) {
                out.println(msg.get(e.key(), e.args()));
            }
        }
    }

    private void explain(Quiz.Question q, CheckResult result) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        PrintWriter out = ctx.out();
        out.println(result.passed() ? msg.get("quiz.correct") : msg.get("quiz.wrong", result.expected()));
        TerminalRenderer r = ctx.renderer();
        for (Quiz.Option o : q.options()) {
            String mark = o.correct() ? "✓" : "✗";
            r.renderInline(o.why().get(lang), "  " + o.id() + ") " + mark + " ", "       ").forEach(out::println);
        }
        out.flush();
    }

    private void printResults(Quiz quiz, QuizGrader.Outcome outcome) {
        Messages msg = ctx.msg();
        for (CheckResult r : outcome.results()) {
            ctx.out().println(r.passed() ? msg.get("quiz.line.ok", r.id())
                    : msg.get("quiz.line.wrong", r.id(), r.expected(), r.found().isEmpty() ? "-" : r.found()));
        }
        if (outcome.answers().size() < quiz.size()) {
            ctx.out().println(msg.get("quiz.unanswered", quiz.size() - outcome.answers().size()));
        }
    }

    private void printScore(Score score) {
        Messages msg = ctx.msg();
        ctx.out().println();
        ctx.out().println(msg.get("quiz.score", score.points(), score.max(), score.percent()));
        ctx.out().println(score.reaches(QuizGrader.PASS_PERCENT) ? msg.get("quiz.passed")
                : msg.get("quiz.notPassed", QuizGrader.PASS_PERCENT, chapter));
        ctx.out().flush();
    }

    private void record(Chapter c, QuizGrader.Outcome outcome) {
        Score score = outcome.score();
        TreeMap<String, List<String>> given = new TreeMap<>();
        outcome.answers().forEach((q, opts) -> given.put(q, List.copyOf(opts)));
        Progress.QuizResult result = new Progress.QuizResult(score.points(), score.max(), given,
                Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
        ctx.recordProgress(p -> p.withQuiz(c.id(), result));
    }

    private void printJson(Chapter c, QuizGrader.Outcome outcome) {
        Score score = outcome.score();
        List<Map<String, Object>> questions = new ArrayList<>();
        for (CheckResult r : outcome.results()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.id());
            m.put("correct", r.passed());
            m.put("expected", r.expected());
            m.put("given", r.found());
            questions.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("chapter", c.id());
        doc.put("score", score.points());
        doc.put("max_score", score.max());
        doc.put("passed", score.reaches(QuizGrader.PASS_PERCENT));
        doc.put("questions", questions);
        JsonOutput.print(ctx.out(), doc);
    }
}
