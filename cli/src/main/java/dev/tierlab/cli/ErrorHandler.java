package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.file.FileSystemException;
import java.nio.file.Path;
import java.util.stream.Collectors;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.MissingParameterException;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * The one error policy: a known error is one line plus a hint, a usage error adds did-you-mean
 * suggestions and the usage line, and a stack trace appears only with {@code --stacktrace}.
 */
final class ErrorHandler implements IExecutionExceptionHandler, IParameterExceptionHandler {
    private final CliContext ctx;

    ErrorHandler(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public int handleParseException(ParameterException ex, String[] args) {
        CommandLine cmd = ex.getCommandLine();
        PrintWriter err = cmd.getErr();
        Messages msg = ctx.msg();
        err.println(msg.get("error.prefix", describe(ex, msg)));
        UnmatchedArgumentException.printSuggestions(ex, err);
        err.print(cmd.getHelp().fullSynopsis());
        err.println(msg.get("error.tryHelp", cmd.getCommandSpec().qualifiedName()));
        err.flush();
        return ExitCode.USAGE.code();
    }

    /** The parse error in the user's language for the common cases, picocli's own text otherwise. */
    private static String describe(ParameterException ex, Messages msg) {
        if (ex instanceof UnmatchedArgumentException u && !u.getUnmatched().isEmpty()) {
            String args = String.join(" ", u.getUnmatched());
            return msg.get(u.isUnknownOption() ? "error.parse.unknownOption" : "error.parse.unmatched", args);
        }
        if (ex instanceof MissingParameterException m && !m.getMissing().isEmpty()) {
            return msg.get("error.parse.missing", m.getMissing().stream()
                    .map(a -> a instanceof OptionSpec o ? o.longestName() + "=" + o.paramLabel() : a.paramLabel())
                    .collect(Collectors.joining(", ")));
        }
        return ex.getMessage();
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, ParseResult parseResult) {
        return report(ex, cmd.getErr());
    }

    /** Prints {@code ex} the way every command reports errors and returns its exit code. */
    int report(Throwable ex, PrintWriter err) {
        Messages msg = ctx.msg();
        Throwable cause = ex instanceof UncheckedIOException ? ex.getCause() : ex;
        if (cause instanceof FileSystemException fse && fse.getFile() != null) {
            cause = TierlabException.io(Path.of(fse.getFile()), fse);
        }
        ExitCode code;
        cause = dev.tierlab.error.Unreachable.classify(cause).<Throwable>map(t -> t).orElse(cause);
        if (cause instanceof TierlabException te) {
            err.println(msg.get("error.prefix", msg.get(te.key(), te.args())));
            msg.find(te.key() + ".hint", te.args()).ifPresent(h -> err.println(msg.get("error.hint", h)));
            code = te.exitCode();
        } else if (cause instanceof java.io.IOException io) {
            err.println(msg.get("error.prefix", msg.get("error.ioGeneric", io.getClass().getSimpleName(), io.getMessage())));
            code = ExitCode.BAD_INPUT;
        } else {
            err.println(msg.get("error.prefix", msg.get("error.internal", ex)));
            err.println(msg.get("error.hint", msg.get("error.internal.hint")));
            code = ExitCode.INTERNAL;
        }
        if (stacktrace()) {
            ex.printStackTrace(err);
        }
        err.flush();
        return code.code();
    }

    private boolean stacktrace() {
        return ctx.options().stacktrace();
    }
}
