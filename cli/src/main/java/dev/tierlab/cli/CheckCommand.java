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
        Checks checks = ctx.deployWorkflow(ctx.out()).checks(lab, targetOptions.request());
        List<Ran> ran = new ArrayList<>();
        for (Lab.Step s : steps) {
            for (Lab.Check c : s.checks()) {
                ran.add(new Ran(s, c, checks.run(c)));
            }
        }
        record(lab, ran);
        Score score = Score.of(ran.stream().map(Ran::result).toList());
        if (json) {
            printJson(lab, ran, score);
        } else {
            print(ran, score);
        }
        return ran.stream().anyMatch(r -> r.result().status() == CheckStatus.FAILED) ? ExitCode.FAILED.code() : 0;
    }

    private void record(LabWorkspace lab, List<Ran> ran) {
        String now = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        ctx.progress().update(p -> {
            Progress.LabProgress lp = p.lab(lab.lab().id()).withWorkspace(lab.workspace().toString());
            for (Ran r : ran) {
                lp = lp.withCheck(r.check().id(), new Progress.CheckRecord(r.result().status().name(),
                        r.result().points(), r.result().maxPoints(), now));
            }
            return p.withLab(lab.lab().id(), lp, true);
        });
    }

    private void print(List<Ran> ran, Score score) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        for (Ran r : ran) {
            CheckResult c = r.result();
            String mark = switch (c.status()) {
                case PASSED -> "✓";
                case FAILED -> "✗";
                case NOT_VERIFIABLE -> "?";
                case BLOCKED -> "-";
            };
            ctx.say(mark + " " + r.step().id() + "/" + c.id() + "  " + c.points() + "/" + c.maxPoints());
            if (c.status() != CheckStatus.PASSED) {
                ctx.say("    " + msg.get("check.expectedFound", c.expected(), c.found()));
                if (c.status() == CheckStatus.FAILED && r.check().hint() != null) {
                    ctx.say("    " + msg.get("error.hint", r.check().hint().get(lang)));
                }
            }
        }
        ctx.say(msg.get("check.score", score.points(), score.max()));
    }

    private void printJson(LabWorkspace lab, List<Ran> ran, Score score) {
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
            m.put("hint", r.result().passed() || r.check().hint() == null ? null : r.check().hint().get(lang));
            list.add(m);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("lab", lab.lab().id());
        doc.put("score", score.points());
        doc.put("max_score", score.max());
        doc.put("checks", list);
        JsonOutput.print(ctx.out(), doc);
    }
}
