package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.generate.LabGenerator;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import java.nio.file.Path;
import java.time.Clock;

/**
 * Generates a lab's workspace for {@code generate} and {@code lab start}: renders, lists the files
 * the learner changed, asks before overwriting them (a backup is kept), writes, and records the
 * workspace as the current lab's.
 */
final class WorkspaceGeneration {
    private final CliContext ctx;

    WorkspaceGeneration(CliContext ctx) {
        this.ctx = ctx;
    }

    /**
     * Where to generate {@code lab}: {@code --dir}; else the workspace of this lab that contains the
     * current directory; else the lab's workspace from progress; else {@code ~/tierlab-workspace/<lab>}.
     */
    static Path target(CliContext ctx, Lab lab, Path dirFlag) {
        if (dirFlag != null) {
            return ctx.env().workingDir().resolve(dirFlag).normalize();
        }
        for (Path p = ctx.env().workingDir(); p != null; p = p.getParent()) {
            java.util.Optional<Workspace.Marker> marker = java.nio.file.Files.isRegularFile(p.resolve(Workspace.MARKER))
                    ? new Workspace(p, Clock.systemUTC()).marker() : java.util.Optional.empty();
            if (marker.isPresent()) {
                if (lab.id().equals(marker.get().lab())) {
                    return p;
                }
                break;
            }
        }
        String saved = ctx.progress().load().lab(lab.id()).workspace();
        return saved != null ? Path.of(saved) : dev.tierlab.workspace.Workspaces.defaultDir(ctx.env().userHome(), lab.id());
    }

    int generate(Lab lab, Path dir, boolean force, boolean yes) {
        Messages msg = ctx.msg();
        LabGenerator.Output output = ctx.labGenerator().render(lab);
        Workspace ws = new Workspace(dir, Clock.systemUTC());
        Workspace.Plan plan = ws.plan(output.files());
        boolean overwrite = force;
        if (!plan.conflicts().isEmpty() && !force) {
            ctx.say(msg.get("generate.conflicts", plan.conflicts().size()));
            plan.conflicts().forEach(f -> ctx.out().println("  " + f));
            overwrite = yes || ctx.confirm(msg.get("generate.askOverwrite"));
        }
        Workspace.Result result = ws.apply(plan, overwrite, lab.id(), output.templateVersions());
        ctx.progress().update(p -> p.withLab(lab.id(), p.lab(lab.id()).withWorkspace(ws.dir().toString()), true));
        ctx.say(msg.get("generate.done", ws.dir(), result.written().size(), plan.unchanged().size()));
        if (result.backup() != null) {
            ctx.say(msg.get("generate.backup", result.backup()));
        }
        if (!result.kept().isEmpty()) {
            ctx.say(msg.get("generate.kept", result.kept().size()));
            return ExitCode.CANCELLED.code();
        }
        return 0;
    }
}
