package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.check.Checks;
import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.progress.Progress;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import dev.tierlab.verify.Score;
import dev.tierlab.verify.report.Completion;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "check", mixinStandardHelpOptions = true)
final class CheckCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<step>")
    String step;

    @Option(names = "--json")
    boolean json;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    TargetOptions targetOptions;

    CheckCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    private record Ran(Lab.Step step, Lab.Check check, CheckResult result) {
    }

    @Override
    public Integer call() {
        LabWorkspace lab = ctx.labWorkspace(workspaceOption.dir);
        List<Lab.Step> steps = step == null ? lab.lab().steps() : List.of(lab.step(step));
        List<Ran> ran = new ArrayList<>();
        String target;
        List<Lab.Check> toRun = steps.stream().flatMap(s -> s.checks().stream()).toList();
        try (Checks checks = ctx.deployWorkflow(ctx.out()).checks(lab, targetOptions.request(), toRun)) {
            target = checks.target();
            for (Lab.Step s : steps) {
                for (Lab.Check c : s.checks()) {
                    ran.add(new Ran(s, c, checks.run(c)));
                }
            }
        }
        record(lab, ran);
        // only what can be earned on the target counts; not-verifiable checks are listed apart
        Score score = Score.of(ran.stream().map(Ran::result).toList());
        Completion completion = Completion.of(ran.stream().map(r -> new Completion.Check(r.step().id(), r.result().id(),
                r.result().status(), r.result().found())).toList());
        boolean complete = completion.complete();
        if (json) {
            printJson(lab, ran, score, complete);
        } else {
            print(lab, ran, score, target, completion);
        }
        boolean notEarned = ran.stream().anyMatch(r -> r.result().status() == CheckStatus.FAILED || r.result().status() == CheckStatus.BLOCKED);
        return notEarned ? ExitCode.FAILED.code() : 0;
    }

    private void record(LabWorkspace lab, List<Ran> ran) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ctx.recordProgress(p -> {
            Progress.LabProgress lp = p.lab(lab.lab().id()).withWorkspace(lab.workspace().toString());
            for (Ran r : ran) {
                lp = lp.withCheck(r.check().id(), new Progress.CheckRecord(r.result().status().name(),
                        r.result().points(), r.result().maxPoints(), now));
            }
            return p.withLab(lab.lab().id(), lp, true);
        });
    }

    /**
     * One line per check that can be earned here; the expected/found and hint only for failures; a
     * reason that blocks several checks once, after them; not-verifiable checks apart with their
     * stand-ins; the score of what can be earned, and whether the lab is complete.
     */
    private void print(LabWorkspace lab, List<Ran> ran, Score score, String target, Completion completion) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        Map<String, List<String>> blocked = new LinkedHashMap<>();
        List<Ran> notVerifiable = new ArrayList<>();
        for (Ran r : ran) {
            CheckResult c = r.result();
            if (c.status() == CheckStatus.NOT_VERIFIABLE) {
                notVerifiable.add(r);
                continue;
            }
            String mark = switch (c.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                case BLOCKED, NOT_VERIFIABLE -> "-";
            };
            ctx.say(mark + " " + r.step().id() + "/" + c.id() + "  " + c.points() + "/" + c.maxPoints());
            if (c.status() == CheckStatus.FAILED) {
                ctx.say("    " + msg.get("check.expectedFound", c.expected(), c.found()));
                if (r.check().hint() != null) {
                    ctx.say("    " + msg.get("error.hint", r.check().hint().get(lang)));
                }
            } else if (c.status() == CheckStatus.BLOCKED) {
                blocked.computeIfAbsent(c.found(), k -> new ArrayList<>()).add(c.id());
            }
        }
        blocked.forEach((reason, ids) -> ctx.say(msg.get("check.blockedGroup", ids.size(), reason)));
        if (!notVerifiable.isEmpty()) {
            int points = notVerifiable.stream().mapToInt(r -> r.result().maxPoints()).sum();
            ctx.say(msg.get("check.notVerifiableGroup", target, points));
            for (Ran r : notVerifiable) {
                ctx.say("  ? " + r.step().id() + "/" + r.result().id() + "  " + r.result().found());
            }
        }
        ctx.say(msg.get("check.score", score.points(), score.max()));
        // checking one step says nothing of the others: only that step is complete
        GradeText.completion(msg, lab.lab().id(), step, target, completion).forEach(ctx::say);
    }

    private void printJson(LabWorkspace lab, List<Ran> ran, Score score, boolean complete) {
        Lang lang = ctx.settings().lang();
        List<Map<String, Object>> list = new ArrayList<>();
        for (Ran r : ran) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", r.result().id());
            m.put("step", r.step().id());
            m.put("type", r.check().type());
            m.put("status", r.result().status().name().toLowerCase(java.util.Locale.ROOT).replace('_', '-'));
            m.put("points", r.result().points());
            m.put("max_points", r.result().maxPoints());
            m.put("expected", r.result().expected());
            m.put("found", r.result().found());
            m.put("hint", r.result().status() != CheckStatus.FAILED || r.check().hint() == null ? null : r.check().hint().get(lang));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lab", lab.lab().id());
        doc.put("score", score.points());
        doc.put("max_score", score.max());
        doc.put("complete", complete);
        doc.put("checks", list);
        JsonOutput.print(ctx.out(), doc);
    }
}
