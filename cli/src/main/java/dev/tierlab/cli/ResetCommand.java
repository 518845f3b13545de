package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "reset", mixinStandardHelpOptions = true)
final class ResetCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", arity = "0..1", paramLabel = "<chapter>", completionCandidates = ChapterCandidates.class)
    String chapter;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    ResetCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Messages msg = ctx.msg();
        if (chapter != null) {
            ctx.course().chapter(chapter); // unknown ids fail here, before asking
        }
        ctx.progress().requireWritable(); // and a read-only home too
        String what = chapter == null ? msg.get("reset.all") : msg.get("reset.chapter", chapter);
        if (!yes && !ctx.confirm(msg.get("reset.ask", what))) {
            ctx.out().println(msg.get("reset.declined"));
            return ExitCode.CANCELLED.code();
        }
        if (chapter == null) {
            java.nio.file.Path backup = ctx.progress().replace(Progress.empty());
            ctx.out().println(msg.get("reset.done", what));
            if (backup != null) {
                ctx.out().println(msg.get("progress.backup", backup));
            }
        } else {
            ctx.progress().update(p -> p.withoutChapter(chapter));
            ctx.out().println(msg.get("reset.done", what));
        }
        return 0;
    }
}
