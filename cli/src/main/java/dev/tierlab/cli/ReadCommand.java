package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.progress.Progress;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "read", mixinStandardHelpOptions = true)
final class ReadCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<chapter>", completionCandidates = ChapterCandidates.class)
    String chapter;

    @Option(names = "--page", paramLabel = "<n>")
    Integer page;

    ReadCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Chapter c = ctx.course().chapter(chapter);
        int number = page != null ? page : resumePage(c);
        new PageView(ctx).show(c, number);
        return 0;
    }

    /** The page the learner was on in this chapter, or the first. */
    private int resumePage(Chapter c) {
        Progress.Position pos = ctx.progress().load().current();
        return pos != null && pos.chapter().equals(c.id()) && pos.page() <= c.pageCount() ? pos.page() : 1;
    }
}
