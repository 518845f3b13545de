package dev.tierlab.process;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Runs an external program (Maven, Python, pip, a lab's {@code command} check) to completion: no
 * shell, stdin empty, stdout and stderr combined, a time limit after which it is stopped with its
 * children. Whoever calls it decides what a failure means; a program that cannot be started at all is
 * a {@link NotStarted} that names it, so the caller can add its own advice.
 */
public final class Processes {
    /** The longest a Maven build or test run may take before it is stopped. */
    public static final Duration DEFAULT_LIMIT = Duration.ofMinutes(15);

    private Processes() {
    }

    /**
     * What a run gave.
     *
     * @param exitCode the program's exit status; -1 when it was stopped at the time limit
     * @param output   its combined output, colour codes removed; when it timed out, one line saying so
     */
    public record Result(int exitCode, List<String> output, boolean timedOut) {
        public Result {
            output = List.copyOf(output);
        }

        public boolean succeeded() {
            return exitCode == 0 && !timedOut;
        }

        /** The last {@code n} lines of output, for an error message. */
        public List<String> tail(int n) {
            return output.subList(Math.max(0, output.size() - n), output.size());
        }
    }

    /** The program could not be started (not installed, not on the PATH, not executable). */
    public static final class NotStarted extends TierlabException {
        private final String program;

        NotStarted(String program, IOException cause) {
            super(ExitCode.NOT_FOUND, cause, "error.process.notStarted", program, reason(cause));
            this.program = program;
        }

        public String program() {
            return program;
        }

        private static String reason(IOException e) {
            String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
            int detail = m.lastIndexOf("error=");
            return detail >= 0 ? m.substring(detail) : m; // "error=2, No such file or directory"
        }
    }

    public static Result run(Path dir, List<String> command) {
        return run(dir, command, DEFAULT_LIMIT);
    }

    /** Runs {@code command} in {@code dir}; after {@code limit} it is stopped with its children. */
    public static Result run(Path dir, List<String> command, Duration limit) {
        Path log;
        try {
            log = Files.createTempFile("tierlab-run-", ".log");
        } catch (IOException e) {
            throw TierlabException.io(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
        Process p = null;
        try {
            try {
                p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true)
                        .redirectInput(ProcessBuilder.Redirect.from(nullFile()))
                        .redirectOutput(log.toFile()).start();
            } catch (IOException e) {
                throw new NotStarted(command.get(0), e);
            }
            if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
                return new Result(-1, List.of(String.join(" ", command) + " took longer than " + took(limit) + " and was stopped"), true);
            }
            return new Result(p.exitValue(), Files.readAllLines(log).stream()
                    .map(l -> l.replaceAll("\u001B\\[[0-9;]*m", "")).toList(), false);
        } catch (IOException e) {
            throw TierlabException.io(log, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
        } finally {
            if (p != null && p.isAlive()) {
                p.descendants().forEach(ProcessHandle::destroyForcibly);
                p.destroyForcibly();
            }
            try {
                Files.deleteIfExists(log);
            } catch (IOException e) {
                // a leftover log in the temporary folder is harmless
            }
        }
    }

    /** The null device, so a program that reads stdin sees its end instead of waiting for tierlab's terminal. */
    public static java.io.File nullFile() {
        return new java.io.File(System.getProperty("os.name", "").startsWith("Windows") ? "NUL" : "/dev/null");
    }

    private static String took(Duration limit) {
        return limit.toSeconds() >= 120 && limit.toSeconds() % 60 == 0 ? limit.toMinutes() + " minutes" : limit.toSeconds() + " seconds";
    }
}
