package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;

/** Asks the user for a line of input: the shell's line reader, or standard input for one-shot use. */
interface Prompter {

    /**
     * Shows {@code prompt} and reads one line; empty at the end of input. Ctrl-C throws a
     * {@link TierlabException} with {@link ExitCode#CANCELLED}.
     */
    Optional<String> readLine(String prompt);

    /** Reads lines from a stream, echoing nothing: for one-shot commands and piped input. */
    static Prompter of(InputStream in, PrintWriter out) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        return prompt -> {
            out.print(prompt);
            out.flush();
            try {
                return Optional.ofNullable(reader.readLine());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    static TierlabException cancelled() {
        return new TierlabException(ExitCode.CANCELLED, "error.cancelled");
    }
}
