package dev.tierlab.cli;

import dev.tierlab.app.SelfTestWorkflow;
import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.render.DisplayWidth;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "test", mixinStandardHelpOptions = true)
final class LabTestCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<lab>", completionCandidates = LabCommand.LabCandidates.class)
    String labId;

    @Mixin
    TargetOptions targetOptions;

    LabTestCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Messages msg = ctx.msg();
        Lab lab = ctx.labs().load(labId);
        ctx.services().trust().requireForAll(lab, "tierlab lab test");
        Path workspace = SelfTestWorkflow.newWorkspace(lab);
        String target = lab.deploy() == null ? "local" : targetOptions.request().kindOrDefault().id();
        ctx.say(msg.get("labtest.start", lab.id(), workspace, target));
        SelfTestWorkflow.Result result = new SelfTestWorkflow(ctx.services(), new DeployPrinter(ctx, ctx.err()), targetOptions.request())
                .run(lab, ctx.labs().folder(lab.id()), workspace);
        print(result, target);
        if (!result.ok()) {
            ctx.say(msg.get("labtest.failed", lab.id(), String.join(", ", result.failedSteps())));
            ctx.out().println(msg.get("labtest.kept", workspace)); // one line, never wrapped: scripts read the path
            return ExitCode.FAILED.code();
        }
        dev.tierlab.files.FileTrees.deleteTemporary(workspace);
        ctx.say(msg.get("labtest.ok", lab.id()));
        return 0;
    }

    private void print(SelfTestWorkflow.Result result, String target) {
        Messages msg = ctx.msg();
        int width = Math.max(DisplayWidth.of(msg.get("labtest.step")),
                result.steps().stream().mapToInt(s -> s.step().id().length()).max().orElse(0));
        String starterHeading = msg.get("labtest.starter");
        int starterWidth = DisplayWidth.of(starterHeading);
        java.util.List<String[]> rows = new java.util.ArrayList<>();
        for (SelfTestWorkflow.StepResult s : result.steps()) {
            int checks = s.step().checks().size();
            String starter = (s.starterOk() ? "✓ " : "✗ ") + (s.starterFailed() > 0
                    ? msg.get("labtest.starterFails", s.starterFailed(), checks)
                    : msg.get(s.starterMustFail() ? "labtest.starterPasses" : "labtest.starterNothingToDo"));
            String solution = (s.solutionFailed().isEmpty() ? "✓ " : "✗ ") + (s.solutionFailed().isEmpty()
                    ? s.notVerifiable() == 0 ? msg.get("labtest.solutionPasses", checks, checks)
                    : msg.get("labtest.solutionPassesPartly", checks - s.notVerifiable(), checks, s.notVerifiable())
                    : msg.get("labtest.solutionFails", String.join(", ", s.solutionFailed())))
                    + (s.note() == null ? "" : " (" + s.note() + ")");
            rows.add(new String[]{s.step().id(), starter, solution});
            starterWidth = Math.max(starterWidth, DisplayWidth.of(starter));
        }
        ctx.out().println(DisplayWidth.padRight(msg.get("labtest.step"), width) + "  " + DisplayWidth.padRight(starterHeading, starterWidth) + "  " + msg.get("labtest.solution"));
        for (String[] row : rows) {
            ctx.out().println(DisplayWidth.padRight(row[0], width) + "  " + DisplayWidth.padRight(row[1], starterWidth) + "  " + row[2]);
        }
        ctx.out().flush();
        if (result.deployed()) {
            ctx.say(result.leaks().isEmpty() ? "✓ " + msg.get("labtest.clean", target)
                    : "✗ " + msg.get("labtest.leaks", target, String.join(", ", result.leaks())));
        }
    }
}
