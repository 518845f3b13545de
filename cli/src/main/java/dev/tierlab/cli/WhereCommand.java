package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.course.Course;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shell only: the current chapter and page. */
@Command(name = "where", mixinStandardHelpOptions = true)
final class WhereCommand implements Callable<Integer> {
    private final CliContext ctx;

    WhereCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Course.Location loc = NavigationCommands.current(ctx);
        if (loc == null) {
            ctx.out().println(ctx.msg().get("nav.nowhere"));
            return 0;
        }
        Chapter c = ctx.course().chapter(loc.chapter());
        ctx.out().println(ctx.msg().get("nav.where", c.id(), c.title().get(ctx.settings().lang()), loc.page(), c.pageCount()));
        return 0;
    }
}
