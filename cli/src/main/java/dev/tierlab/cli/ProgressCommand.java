package dev.tierlab.cli;

import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "progress", mixinStandardHelpOptions = true,
        subcommands = {ProgressCommand.Export.class, ProgressCommand.Import.class})
final class ProgressCommand implements Callable<Integer> {
    private final CliContext ctx;

    ProgressCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ctx.out().println(ctx.msg().get("progress.file", ctx.progress().file()));
        return 0;
    }

    @Command(name = "export", mixinStandardHelpOptions = true)
    static final class Export implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<file>")
        Path file;

        @Option(names = {"-f", "--force"})
        boolean force;

        Export(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.progress().exportTo(file, force);
            ctx.out().println(ctx.msg().get("progress.exported", file));
            return 0;
        }
    }

    @Command(name = "import", mixinStandardHelpOptions = true)
    static final class Import implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<file>")
        Path file;

        Import(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Path backup = ctx.progress().importFrom(file);
            ctx.out().println(ctx.msg().get("progress.imported", file));
            if (backup != null) {
                ctx.out().println(ctx.msg().get("progress.backup", backup));
            }
            return 0;
        }
    }
}
