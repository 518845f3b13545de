package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Messages;
import dev.tierlab.workspace.Workspaces;
import dev.tierlab.runtime.LambdaInvoker;
import dev.tierlab.runtime.LocalInvocation;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoke", mixinStandardHelpOptions = true)
final class InvokeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<function>")
    String function;

    @Option(names = "--event", paramLabel = "<name|file>", required = true)
    String event;

    @Mixin
    WorkspaceOption workspaceOption;

    InvokeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path workspace = Workspaces.find(workspaceOption.dir, ctx.env().workingDir(), () -> ctx.progress().load());
        ctx.requireTrustedWorkspace(workspace, new dev.tierlab.lab.LabTrust.Use("invoke", "tierlab invoke", function));
        LambdaInvoker.Result result = invoke(ctx, workspace, function, event);
        ctx.out().println(result.payload());
        ctx.out().flush();
        if (!result.success()) {
            ctx.err().println(ctx.msg().get("error.hint", hint(ctx.msg(), result.errorType())));
            ctx.err().flush();
            return ExitCode.FAILED.code();
        }
        return 0;
    }

    /** Invokes with the notices on standard error and the function's logs there too. */
    static LambdaInvoker.Result invoke(CliContext ctx, Path workspace, String function, String event) {
        Messages msg = ctx.msg();
        PrintWriter err = ctx.err();
        PrintStream logs = new PrintStream(new WriterStream(err), true, StandardCharsets.UTF_8);
        LambdaInvoker.Result result = ctx.localInvocation(workspace).invoke(workspace, ctx.env().workingDir(), function, event, logs,
                new LocalInvocation.Listener() {
                    @Override
                    public void building(Path project) {
                        err.println(msg.get("invoke.building", workspace.relativize(project)));
                    }

                    @Override
                    public void computedEnvironment(String name) {
                        err.println(msg.get("invoke.computedEnv", name));
                    }
                });
        logs.flush();
        if (result.logBytesDropped() > 0) {
            err.println(msg.get("invoke.logsDropped", result.logBytesDropped()));
        }
        err.flush();
        return result;
    }

    static String hint(Messages msg, String errorType) {
        if (errorType.endsWith("ClassNotFoundException")) {
            return msg.get("invoke.hint.class");
        }
        if (errorType.endsWith("NoSuchMethodException")) {
            return msg.get("invoke.hint.method");
        }
        if (errorType.equals("Sandbox.Timedout")) {
            return msg.get("invoke.hint.timeout");
        }
        if (errorType.equals("Runtime.OutOfMemory")) {
            return msg.get("invoke.hint.memory");
        }
        if (errorType.equals("Runtime.ExitError")) {
            return msg.get("invoke.hint.exit");
        }
        return msg.get("invoke.hint.exception");
    }

    /** Sends the function's log bytes to a writer, a line at a time. */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
