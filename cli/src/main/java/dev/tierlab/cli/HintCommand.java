package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.Tasks;
import dev.tierlab.progress.LearnerRecord;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "hint", mixinStandardHelpOptions = true)
final class HintCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<step>")
    String step;

    @Option(names = "--more")
    boolean more;

    @Mixin
    WorkspaceOption workspaceOption;

    HintCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabWorkspace lab = ctx.labWorkspace(workspaceOption.dir);
        Lab.Step s = lab.step(step);
        if (!s.hints().isEmpty()) {
            ctx.progress().requireWritable(); // a hint is shown only if it can be recorded
        }
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        boolean second = s.hints().size() > 1 && (more || lab.failedIn(s));
        int level = second ? 2 : 1;
        ctx.say(msg.get("hint.header", s.id(), s.title().get(lang)));
        for (Lab.Task task : s.tasks()) {
            List<Tasks.Marker> at = Tasks.find(lab.workspace(), task.id());
            ctx.say(msg.get("hint.task", task.description().get(lang),
                    at.isEmpty() ? msg.get("hint.taskDone") : String.join(", ", at.stream().map(Tasks.Marker::toString).toList())));
        }
        for (int i = 0; i < level; i++) {
            ctx.say((i + 1) + ". " + s.hints().get(i).get(lang));
        }
        if (!second && s.hints().size() > 1) {
            ctx.say(msg.get("hint.moreLocked", s.id()));
        }
        if (s.hints().isEmpty()) {
            ctx.say(msg.get("hint.none", s.id()));
            return 0;
        }
        ctx.progress().update(p -> p.withLab(lab.lab().id(), p.lab(lab.lab().id()).withHintLevel(s.id(), level), true));
        // and in the workspace, which a grade reads: progress is per home, and a home may serve several learners
        LearnerRecord.update(lab.workspace(), lab.lab().id(), used -> used.withHintLevel(s.id(), level));
        return 0;
    }
}
