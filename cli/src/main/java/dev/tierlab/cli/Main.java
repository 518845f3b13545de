package dev.tierlab.cli;

import dev.tierlab.config.Environment;
import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;

/** The entry point: {@code tierlab [options] [command]}; without a command, the guided shell. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintWriter out = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.out), StandardCharsets.UTF_8));
        PrintWriter err = new PrintWriter(new OutputStreamWriter(new FileOutputStream(FileDescriptor.err), StandardCharsets.UTF_8));
        int code = run(Environment.system(), System.in, out, err, args);
        out.flush();
        err.flush();
        System.exit(code);
    }

    /** Runs tierlab in this process with the system environment and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        return run(Environment.system(), System.in, out, err, args);
    }

    /** Runs tierlab with the given environment and standard input; returns the exit code. */
    public static int run(Environment env, InputStream in, PrintWriter out, PrintWriter err, String... args) {
        CliContext ctx = new CliContext(env, out, err, Prompter.of(in, out), Pager.printing(out),
                GlobalOptions.prescan(args), false, env.terminal(), () -> 0);
        if (args.length == 1 && ("--version".equals(args[0]) || "-V".equals(args[0]))) {
            // the same lines picocli prints, without building the whole command tree first
            try {
                for (String line : new VersionProvider().getVersion()) {
                    out.println(line);
                }
                out.flush();
                return 0;
            } catch (java.io.IOException e) {
                return Cli.execute(ctx, args);
            }
        }
        if (args.length == 0) {
            // straight to the shell: the command tree is built when the first line needs it, which
            // keeps the time to the first prompt low
            try {
                return Shell.openSystem(ctx);
            } catch (RuntimeException e) {
                return new ErrorHandler(ctx).report(e, err);
            }
        }
        return Cli.execute(ctx, args);
    }
}
