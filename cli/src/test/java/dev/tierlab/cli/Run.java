package dev.tierlab.cli;

import dev.tierlab.config.Environment;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/** Runs tierlab in-process, as {@code Main.run} does, with a private home and captured output. */
final class Run {
    final int code;
    final String out;
    final String err;

    private Run(int code, String out, String err) {
        this.code = code;
        this.out = out;
        this.err = err;
    }

    static Run tierlab(Path home, String... args) {
        return with(env(home, Map.of(), false), "", args);
    }

    static Run withInput(Path home, String stdin, String... args) {
        return with(env(home, Map.of(), false), stdin, args);
    }

    static Run with(Environment env, String stdin, String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = Main.run(env, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(code, out.toString(), err.toString());
    }

    /** An environment with {@code home} as TIERLAB_HOME, an English locale and the given variables. */
    static Environment env(Path home, Map<String, String> vars, boolean terminal) {
        Map<String, String> all = new HashMap<>(vars);
        all.put("TIERLAB_HOME", home.toString());
        // the machine's programs (chromium, chromedriver for browser checks) are found on its PATH, as for a user
        for (String name : java.util.List.of("PATH", "TIERLAB_CHROMIUM", "TIERLAB_CHROMEDRIVER")) {
            if (System.getenv(name) != null) {
                all.putIfAbsent(name, System.getenv(name));
            }
        }
        return new Environment(all, terminal, Locale.ENGLISH, home.resolve("user-home"));
    }

    @Override
    public String toString() {
        return "exit " + code + "\n--- out ---\n" + out + "--- err ---\n" + err;
    }
}
