package dev.tierlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shell only: the previous page. */
@Command(name = "back", mixinStandardHelpOptions = true)
final class BackCommand implements Callable<Integer> {
    private final CliContext ctx;

    BackCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return NavigationCommands.go(ctx, ctx.course().before(NavigationCommands.current(ctx)), "nav.start");
    }
}
