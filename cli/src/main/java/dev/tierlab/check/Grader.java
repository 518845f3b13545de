package dev.tierlab.check;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.i18n.Lang;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabFingerprint;
import dev.tierlab.progress.Progress;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import dev.tierlab.verify.report.LabGrade;
import dev.tierlab.verify.report.TestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * Grades one lab: runs every check of every step, in order, and turns the results into a
 * {@link LabGrade} with the lab's fingerprint, the hints and solutions the learner used, and the
 * lab's penalties for them taken from the step's points.
 */
public final class Grader {
    private static final ObjectMapper COMPACT = JsonMapper.builder().enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    private final Lab lab;
    private final LabFingerprint fingerprint;
    private final String filename;
    private final Lang lang;

    /**
     * @param filename the lab definition as reports name it, e.g. {@code api-gateway/lab.yaml}
     * @param lang     the language of hints in the report
     */
    public Grader(Lab lab, LabFingerprint fingerprint, String filename, Lang lang) {
        this.lab = lab;
        this.fingerprint = fingerprint;
        this.filename = filename;
        this.lang = lang;
    }

    /**
     * Runs every check with {@code run} and grades the results.
     *
     * @param workspace the workspace checked
     * @param learner   the learner's record of this lab in this workspace (hints opened, solutions seen)
     * @param message   why the checks could not run against the learner's work as the lab intends (their
     *                  build or deploy failed), or null; the grade is then incomplete (exercism's error)
     */
    public LabGrade grade(String workspace, Function<Lab.Check, CheckResult> run, Progress.LabProgress learner, String message) {
        List<TestOutcome> tests = new ArrayList<>();
        for (int i = 0; i < lab.steps().size(); i++) {
            Lab.Step step = lab.steps().get(i);
            List<TestOutcome> stepTests = new ArrayList<>();
            for (Lab.Check check : step.checks()) {
                long start = System.nanoTime();
                CheckResult r = run.apply(check);
                long millis = (System.nanoTime() - start) / 1_000_000;
                stepTests.add(outcome(check, r, step, i + 1, millis));
            }
            tests.addAll(penalize(stepTests, penalty(step, learner)));
        }
        return new LabGrade(lab.id(), lab.title().get(lang), workspace, fingerprint.sha256(), tests,
                new java.util.TreeMap<>(learner.hints()), learner.solutionsSeen(), message, message != null);
    }

    /**
     * Every check the target can verify failed with the same reason: the learner has nothing to grade
     * for this lab. Checks the target cannot verify stay not verifiable, so what can be earned is the
     * same as for a submission.
     *
     * @param target  what the target can do
     * @param machine what this machine offers any check ({@link Checks#machine})
     */
    public LabGrade none(String expected, String found, String message, java.util.Set<dev.tierlab.verify.Capability> target,
                         java.util.Set<dev.tierlab.verify.Capability> machine) {
        java.util.function.Function<Lab.Check, CheckResult> none = c -> dev.tierlab.verify.engine.CheckRunner.verifiableOn(
                dev.tierlab.verify.engine.CheckTypes.standard(), c, union(isWorkspace(c) ? Checks.LOCAL : target, machine))
                ? CheckResult.failed(c.id(), c.points(), expected, found)
                : new CheckResult(c.id(), dev.tierlab.verify.CheckStatus.NOT_VERIFIABLE, 0, c.points(), expected, found);
        return new LabGrade(lab.id(), lab.title().get(lang), null, fingerprint.sha256(),
                grade(null, none, Progress.LabProgress.NONE, null).tests(),
                null, null, message, false);
    }

    private static java.util.Set<dev.tierlab.verify.Capability> union(java.util.Set<dev.tierlab.verify.Capability> a,
                                                                      java.util.Set<dev.tierlab.verify.Capability> b) {
        java.util.Set<dev.tierlab.verify.Capability> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    private static boolean isWorkspace(Lab.Check c) {
        return dev.tierlab.verify.engine.CheckTypes.standard().find(c.type())
                .map(t -> t.scope() == dev.tierlab.verify.engine.Scope.WORKSPACE).orElse(false);
    }

    private TestOutcome outcome(Lab.Check check, CheckResult r, Lab.Step step, int taskId, long millis) {
        String message = switch (r.status()) {
            case PASSED -> null;
            case FAILED -> check.hint() == null ? null : check.hint().get(lang);
            case BLOCKED -> r.found();
            case NOT_VERIFIABLE -> r.found();
        };
        return TestOutcome.of(r, step.id(), taskId, check.type(), message, filename, fingerprint.line(check.id()), millis,
                testCode(check));
    }

    /** The points a step loses: per hint level opened and for a solution seen, as the lab sets. */
    private int penalty(Lab.Step step, Progress.LabProgress learner) {
        int hints = learner.hints().getOrDefault(step.id(), 0);
        int solution = learner.solutionsSeen().contains(step.id()) ? 1 : 0;
        return hints * lab.grading().hintPenalty() + solution * lab.grading().solutionPenalty();
    }

    /** Takes {@code points} from the step's passed checks, the last one first. */
    private static List<TestOutcome> penalize(List<TestOutcome> tests, int points) {
        List<TestOutcome> out = new ArrayList<>(tests);
        int left = points;
        for (int i = out.size() - 1; i >= 0 && left > 0; i--) {
            if (out.get(i).status() == CheckStatus.PASSED) {
                TestOutcome p = out.get(i).penalized(left);
                left -= p.penalty();
                out.set(i, p);
            }
        }
        return out;
    }

    /** A check's definition in one line, for the reports' test_code. */
    static String testCode(Lab.Check check) {
        try {
            return check.params().isEmpty() ? check.type() : check.type() + " " + COMPACT.writeValueAsString(check.params());
        } catch (JsonProcessingException e) {
            return check.type();
        }
    }
}
