package dev.tierlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine.Command;

/** Shell only: leave the shell (Ctrl-D does the same). */
@Command(name = "exit", aliases = "quit", mixinStandardHelpOptions = true)
final class ExitCommand implements Callable<Integer> {
    private final CliContext ctx;

    ExitCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.requestExit();
        return 0;
    }
}
