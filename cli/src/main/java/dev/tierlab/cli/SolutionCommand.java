package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.error.ExitCode;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.progress.LearnerRecord;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "solution", mixinStandardHelpOptions = true)
final class SolutionCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<step>")
    String step;

    @Option(names = "--apply")
    boolean apply;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    @Mixin
    WorkspaceOption workspaceOption;

    SolutionCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabWorkspace lab = ctx.labWorkspace(workspaceOption.dir);
        Lab.Step s = lab.step(step);
        Messages msg = ctx.msg();
        if (s.solution() == null) {
            throw new dev.tierlab.error.TierlabException(ExitCode.NOT_FOUND, "error.lab.noSolution", s.id());
        }
        ctx.progress().requireWritable(); // a solution is shown only if it can be recorded: ask only then
        if (!yes && !ctx.confirm(msg.get(apply ? "solution.askApply" : "solution.askShow", s.id()))) {
            ctx.say(msg.get("reset.declined"));
            return ExitCode.CANCELLED.code();
        }
        Map<String, byte[]> files = ctx.labGenerator().solution(lab.lab(), s, ctx.labs().folder(lab.lab().id()));
        ctx.progress().update(p -> p.withLab(lab.lab().id(), p.lab(lab.lab().id()).withSolutionSeen(s.id()), true));
        // and in the workspace, which a grade reads: progress is per home, and a home may serve several learners
        LearnerRecord.update(lab.workspace(), lab.lab().id(), used -> used.withSolutionSeen(s.id()));
        if (!apply) {
            List<String> lines = new ArrayList<>();
            files.forEach((path, content) -> {
                lines.add("==> " + path);
                lines.addAll(new String(content, StandardCharsets.UTF_8).lines().toList());
                lines.add("");
            });
            ctx.pager().show(lines);
            ctx.say(msg.get("solution.applyHint", s.id()));
            return 0;
        }
        Workspace ws = new Workspace(lab.workspace(), Clock.systemUTC());
        Workspace.Plan plan = ws.plan(files);
        Map<String, Integer> versions = ws.marker().map(Workspace.Marker::templates).map(Map::copyOf).orElse(Map.of());
        Workspace.Result result = ws.overlay(plan, lab.lab().id(), versions);
        ctx.say(msg.get("solution.applied", result.written().size(), s.id()));
        if (result.backup() != null) {
            ctx.say(msg.get("generate.backup", result.backup()));
        }
        return 0;
    }
}
