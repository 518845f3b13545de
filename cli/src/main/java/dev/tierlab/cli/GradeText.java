package dev.tierlab.cli;

import dev.tierlab.i18n.Messages;
import dev.tierlab.verify.CheckStatus;
import dev.tierlab.verify.report.Completion;
import dev.tierlab.verify.report.GradeReport;
import dev.tierlab.verify.report.LabGrade;
import dev.tierlab.verify.report.TestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A grade report for people: per lab and step, each check that can be earned on the target with its
 * points and hint (a blocked check's reason once, not per check); then, apart and outside the score,
 * the checks the target cannot verify; then the total, and whether the lab is complete.
 */
final class GradeText {
    private final Messages msg;

    GradeText(Messages msg) {
        this.msg = msg;
    }

    List<String> lines(GradeReport report) {
        List<String> lines = new ArrayList<>();
        for (LabGrade lab : report.labs()) {
            lines.add(msg.get("grade.lab", lab.lab(), lab.title()));
            lines.add("  " + msg.get("grade.meta", lab.workspace() == null ? "-" : lab.workspace(), report.target(), lab.sha256()));
            if (lab.message() != null) {
                lines.add("  " + msg.get("grade.note", lab.message()));
            }
            String step = null;
            String blockedReason = null;
            for (TestOutcome t : lab.earnable()) {
                if (!t.step().equals(step)) {
                    step = t.step();
                    lines.add("  " + t.taskId() + ". " + step);
                }
                String mark = switch (t.status()) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case BLOCKED -> "-";
                    case NOT_VERIFIABLE -> "?";
                };
                String penalty = t.penalty() > 0 ? "  " + msg.get("grade.penaltyShort", t.penalty()) : "";
                lines.add("    " + mark + " " + t.name() + "  " + t.score() + "/" + t.maxScore() + penalty);
                if (t.status() == CheckStatus.FAILED) {
                    lines.add("        " + t.output());
                    if (t.message() != null) {
                        lines.add("        " + msg.get("error.hint", t.message()));
                    }
                } else if (t.status() == CheckStatus.BLOCKED && !Objects.equals(t.message(), blockedReason)) {
                    blockedReason = t.message(); // the checks it blocks follow; saying it once is enough
                    lines.add("        " + msg.get("grade.blocked", t.message()));
                }
            }
            if (!lab.notVerifiable().isEmpty()) {
                lines.add("  " + msg.get("grade.notVerifiable", report.target()));
                for (TestOutcome t : lab.notVerifiable()) {
                    lines.add("    ? " + t.step() + "/" + t.name() + "  " + t.message());
                }
            }
            String hints = lab.hintsUsed().isEmpty() ? "-" : lab.hintsUsed().entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
            String solutions = lab.solutionsSeen().isEmpty() ? "-" : String.join(", ", lab.solutionsSeen());
            lines.add("  " + msg.get("grade.used", hints, solutions, lab.penalty()));
            lines.add("  " + msg.get("grade.labScore", lab.score(), lab.maxScore()));
            completion(msg, lab.lab(), report.target(), lab.completion()).forEach(l -> lines.add("  " + l));
            lines.add("");
        }
        if (report.error() != null) {
            lines.add(msg.get("grade.stopped", report.error()));
        }
        lines.add(summary(report));
        return lines;
    }

    String summary(GradeReport report) {
        return msg.get("grade.summary", report.score(), report.maxScore(),
                report.count(CheckStatus.PASSED), report.count(CheckStatus.FAILED), report.count(CheckStatus.BLOCKED),
                report.count(CheckStatus.NOT_VERIFIABLE), msg.get("grade.status." + report.status().word()), report.version());
    }

    /**
     * When every check of {@code lab} that can be verified on {@code target} passed: that the lab is
     * complete there, and which checks remain, verifiable only on AWS. Otherwise nothing. The one
     * place this is said, for {@code grade} and {@code check} alike.
     */
    static List<String> completion(Messages msg, String lab, String target, Completion completion) {
        return completion(msg, lab, null, target, completion);
    }

    /** As {@link #completion(Messages, String, String, Completion)} for the checks of one step, when {@code step} is not null. */
    static List<String> completion(Messages msg, String lab, String step, String target, Completion completion) {
        if (!completion.complete()) {
            return List.of();
        }
        List<String> lines = new ArrayList<>();
        lines.add(step == null ? msg.get("grade.complete", lab, target) : msg.get("grade.stepComplete", step, lab, target));
        if (!completion.notVerifiable().isEmpty()) {
            lines.add(msg.get("grade.onlyOnAws", completion.notVerifiable().stream().map(c -> c.step() + "/" + c.id())
                    .collect(Collectors.joining(", "))));
        }
        return lines;
    }
}
