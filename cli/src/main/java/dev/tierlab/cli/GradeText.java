package dev.tierlab.cli;

import dev.tierlab.i18n.Messages;
import dev.tierlab.verify.CheckStatus;
import dev.tierlab.verify.report.GradeReport;
import dev.tierlab.verify.report.LabGrade;
import dev.tierlab.verify.report.TestOutcome;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** A grade report for people: per lab and step, each check with its points, hint or reason; then the total. */
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
            for (TestOutcome t : lab.tests()) {
                if (!t.step().equals(step)) {
                    step = t.step();
                    lines.add("  " + t.taskId() + ". " + step);
                }
                String mark = switch (t.status()) {
                    case PASSED -> "✓";
                    case FAILED -> "✗";
                    case NOT_VERIFIABLE -> "?";
                    case BLOCKED -> "-";
                };
                String penalty = t.penalty() > 0 ? "  " + msg.get("grade.penaltyShort", t.penalty()) : "";
                lines.add("    " + mark + " " + t.name() + "  " + t.score() + "/" + t.maxScore() + penalty);
                if (t.status() == CheckStatus.FAILED) {
                    lines.add("        " + t.output());
                    if (t.message() != null) {
                        lines.add("        " + msg.get("error.hint", t.message()));
                    }
                } else if (t.status() == CheckStatus.NOT_VERIFIABLE) {
                    lines.add("        " + t.message());
                }
            }
            String hints = lab.hintsUsed().isEmpty() ? "-" : lab.hintsUsed().entrySet().stream()
                    .map(e -> e.getKey() + " ×" + e.getValue()).collect(Collectors.joining(", "));
            String solutions = lab.solutionsSeen().isEmpty() ? "-" : String.join(", ", lab.solutionsSeen());
            lines.add("  " + msg.get("grade.used", hints, solutions, lab.penalty()));
            lines.add("  " + msg.get("grade.labScore", lab.score(), lab.maxScore()));
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
                report.count(CheckStatus.PASSED), report.count(CheckStatus.FAILED), report.count(CheckStatus.NOT_VERIFIABLE),
                msg.get("grade.status." + report.status().word()), report.version());
    }
}
