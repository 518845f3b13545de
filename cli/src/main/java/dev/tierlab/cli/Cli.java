package dev.tierlab.cli;

import dev.tierlab.i18n.Messages;
import java.lang.reflect.Constructor;
import picocli.CommandLine;

/** Builds the one picocli command tree used by one-shot runs and by every line of the shell. */
final class Cli {
    static final String HELP_BUNDLE = "dev.tierlab.cli.Help";

    private Cli() {
    }

    static CommandLine commandLine(CliContext ctx) {
        CommandLine cmd = new CommandLine(TierlabCommand.class, factory(ctx));
        if (ctx.isShell()) {
            cmd.addSubcommand(new CommandLine(NextCommand.class, factory(ctx)));
            cmd.addSubcommand(new CommandLine(BackCommand.class, factory(ctx)));
            cmd.addSubcommand(new CommandLine(WhereCommand.class, factory(ctx)));
            cmd.addSubcommand(new CommandLine(ExitCommand.class, factory(ctx)));
        }
        cmd.setResourceBundle(Messages.bundle(HELP_BUNDLE, ctx.helpLang()));
        cmd.setOut(ctx.out());
        cmd.setErr(ctx.err());
        cmd.setCaseInsensitiveEnumValuesAllowed(true);
        cmd.setAbbreviatedOptionsAllowed(false);
        ErrorHandler errors = new ErrorHandler(ctx);
        cmd.setParameterExceptionHandler(errors);
        cmd.setExecutionExceptionHandler(errors);
        cmd.setExecutionStrategy(parseResult -> {
            TierlabCommand root = parseResult.commandSpec().commandLine().getCommand();
            ctx.lineOptions(root.globals());
            return new CommandLine.RunLast().execute(parseResult);
        });
        cmd.setUsageHelpAutoWidth(false);
        cmd.setUsageHelpWidth(Math.max(60, Math.min(120, safeWidth(ctx))));
        return cmd;
    }

    static int execute(CliContext ctx, String... args) {
        int code = commandLine(ctx).execute(args);
        ctx.out().flush();
        ctx.err().flush();
        return code;
    }

    private static int safeWidth(CliContext ctx) {
        try {
            return ctx.settings().width();
        } catch (RuntimeException e) {
            return 80;
        }
    }

    /** Creates commands, passing the context to constructors that take one. */
    private static CommandLine.IFactory factory(CliContext ctx) {
        CommandLine.IFactory fallback = CommandLine.defaultFactory();
        return new CommandLine.IFactory() {
            @Override
            public <K> K create(Class<K> cls) throws Exception {
                try {
                    Constructor<K> c = cls.getDeclaredConstructor(CliContext.class);
                    c.setAccessible(true);
                    return c.newInstance(ctx);
                } catch (NoSuchMethodException e) {
                    return fallback.create(cls);
                }
            }
        };
    }
}
