package dev.tierlab.cli;

import dev.tierlab.app.GenerateWorkflow;
import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import java.nio.file.Path;

/** How {@code generate} and {@code lab start} show a generation ({@link GenerateWorkflow}) and ask about changed files. */
final class WorkspaceGeneration {
    private final CliContext ctx;

    WorkspaceGeneration(CliContext ctx) {
        this.ctx = ctx;
    }

    /** Where to generate {@code lab} (see {@link GenerateWorkflow#target}). */
    static Path target(CliContext ctx, Lab lab, Path dirFlag) {
        return new GenerateWorkflow(ctx.services()).target(lab, dirFlag);
    }

    int generate(Lab lab, Path dir, boolean force, boolean yes) {
        Messages msg = ctx.msg();
        GenerateWorkflow.Generated done = new GenerateWorkflow(ctx.services()).generate(lab, dir, force, conflicts -> {
            ctx.say(msg.get("generate.conflicts", conflicts.size()));
            conflicts.forEach(f -> ctx.out().println("  " + f));
            return yes || ctx.confirm(msg.get("generate.askOverwrite"));
        });
        ctx.say(msg.get("generate.done", done.dir(), done.result().written().size(), done.plan().unchanged().size()));
        if (done.result().backup() != null) {
            ctx.say(msg.get("generate.backup", done.result().backup()));
        }
        if (!done.result().kept().isEmpty()) {
            ctx.say(msg.get("generate.kept", done.result().kept().size()));
            return ExitCode.CANCELLED.code();
        }
        return 0;
    }
}
