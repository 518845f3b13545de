package dev.tierlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shell only: the next page, or the first page of the next chapter. */
@Command(name = "next", mixinStandardHelpOptions = true)
final class NextCommand implements Callable<Integer> {
    private final CliContext ctx;

    NextCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return NavigationCommands.go(ctx, ctx.course().after(NavigationCommands.current(ctx)), "nav.end");
    }
}
