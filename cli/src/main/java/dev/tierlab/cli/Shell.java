package dev.tierlab.cli;

import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Attributes;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/**
 * The guided shell: a JLine prompt over the same command tree as one-shot use, plus {@code next},
 * {@code back}, {@code where} and {@code exit}. Ctrl-C cancels the current action, Ctrl-D leaves.
 * Works on a real terminal and on piped input alike.
 */
final class Shell {
    static final String HISTORY_FILE = "history";

    private final Environment env;
    private final GlobalOptions launchOptions;
    private final Terminal terminal;
    /** Piped input is echoed by no terminal; the shell echoes it so transcripts read like a session. */
    private boolean echo;

    Shell(Environment env, GlobalOptions launchOptions, Terminal terminal) {
        this.env = env;
        this.launchOptions = launchOptions;
        this.terminal = terminal;
    }

    /**
     * JLine reports problems such as an unwritable history file through java.util.logging, with a
     * stack trace; tierlab reports its own errors, so JLine's log is silenced (kept in a field so the
     * setting is not garbage-collected).
     */
    private static final java.util.logging.Logger JLINE_LOG = silence(java.util.logging.Logger.getLogger("org.jline"));

    private static java.util.logging.Logger silence(java.util.logging.Logger logger) {
        logger.setLevel(java.util.logging.Level.OFF);
        return logger;
    }

    /** Opens the shell on the process's own terminal (or piped standard input). */
    static int openSystem(CliContext launch) {
        try (Terminal terminal = TerminalBuilder.builder().system(true).dumb(true)
                .encoding(StandardCharsets.UTF_8).name("tierlab").build()) {
            return new Shell(launch.env(), launch.options(), terminal).run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    int run() {
        PrintWriter out = terminal.writer();
        boolean color = !terminal.getType().startsWith(Terminal.TYPE_DUMB);
        echo = !env.terminal() && !color;
        LineReader[] holder = new LineReader[1];
        CliContext ctx = new CliContext(env, out, out, prompt -> readAnswer(holder[0], prompt), this::page,
                launchOptions, true, color, this::width);
        ErrorHandler errors = new ErrorHandler(ctx);
        Path history;
        try {
            history = ctx.settings().ensureHome().resolve(HISTORY_FILE);
        } catch (TierlabException e) {
            return errors.report(e, out);
        }
        LineReader reader = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("tierlab")
                .parser(new DefaultParser())
                .completer(new ShellCompleter(() -> Cli.commandLine(ctx).getCommandSpec()))
                .variable(LineReader.HISTORY_FILE, history)
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true)
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .build();
        holder[0] = reader;
        try {
            new WelcomeScreen(ctx).print();
        } catch (RuntimeException e) {
            errors.report(e, out);
        }
        Thread shellThread = Thread.currentThread();
        Terminal.SignalHandler previous = terminal.handle(Terminal.Signal.INT, s -> shellThread.interrupt());
        int lastCode = ExitCode.OK.code();

        try {
            while (!ctx.exitRequested()) {
                String line;
                try {
                    line = reader.readLine(ctx.msg().get("shell.prompt"));
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C at the prompt: drop the line, stay in the shell
                } catch (EndOfFileException e) {
                    out.println();
                    break;
                }
                echo(line);
                List<String> words = reader.getParsedLine().words().stream().filter(w -> !w.isEmpty()).toList();
                if (words.isEmpty()) {
                    continue;
                }
                String[] args = words.toArray(String[]::new);
                ctx.lineOptions(GlobalOptions.prescan(args));
                try {
                    int code = Cli.execute(ctx, args);
                    if (!ctx.exitRequested()) {
                        lastCode = code;
                    }
                } catch (RuntimeException e) {
                    lastCode = errors.report(e, out);
                } finally {
                    ctx.lineOptions(GlobalOptions.NONE);
                    Thread.interrupted(); // a Ctrl-C that arrived after the command finished
                }
            }
        } finally {
            terminal.handle(Terminal.Signal.INT, previous);
            saveHistory(reader);
            out.flush();
        }
        return lastCode;
    }

    private static void saveHistory(LineReader reader) {
        try {
            reader.getHistory().save();
        } catch (IOException e) {
            // history is a convenience; failing to save it must not fail the session
        }
    }

    private void echo(String line) {
        if (echo) {
            terminal.writer().println(line);
        }
    }

    private Optional<String> readAnswer(LineReader reader, String prompt) {
        try {
            String line = reader.readLine(prompt);
            echo(line);
            return Optional.of(line);
        } catch (UserInterruptException e) {
            throw Prompter.cancelled();
        } catch (EndOfFileException e) {
            return Optional.empty();
        }
    }

    /** One key in raw mode; Ctrl-C (a signal that interrupts this thread) counts as 'q'. */
    private int readKey() throws IOException {
        try {
            return terminal.reader().read();
        } catch (java.io.InterruptedIOException e) {
            Thread.interrupted();
            return 'q';
        }
    }

    private int width() {
        return Math.max(0, terminal.getWidth());
    }

    /** Shows lines a screen at a time: space for the next screen, enter for one more line, q to stop. */
    private void page(List<String> lines) {
        PrintWriter out = terminal.writer();
        int height = terminal.getHeight();
        if (terminal.getType().startsWith(Terminal.TYPE_DUMB) || height < 3 || lines.size() < height) {
            lines.forEach(out::println);
            out.flush();
            return;
        }
        int shown = 0;
        int step = height - 1;
        Attributes saved = terminal.enterRawMode();
        try {
            while (shown < lines.size()) {
                int end = Math.min(lines.size(), shown + step);
                for (; shown < end; shown++) {
                    out.println(lines.get(shown));
                }
                if (shown >= lines.size()) {
                    break;
                }
                String more = "-- " + (shown * 100 / lines.size()) + "% (space, enter, q) --";
                out.print(more);
                out.flush();
                int key = readKey();
                out.print("\r" + " ".repeat(more.length()) + "\r");
                if (key == 'q' || key == 'Q' || key == 3 || key < 0) {
                    break;
                }
                step = key == '\r' || key == '\n' ? 1 : height - 1;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            terminal.setAttributes(saved);
            out.flush();
        }
    }
}
