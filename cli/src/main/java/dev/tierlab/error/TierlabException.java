package dev.tierlab.error;

import java.util.Arrays;

/**
 * An error the user can act on. It carries a message key (looked up in the user's language by the
 * command line layer), the arguments for that message and the exit code. A hint is looked up under
 * {@code key + ".hint"} when the bundle has one.
 */
public class TierlabException extends RuntimeException {
    private final ExitCode exitCode;
    private final String key;
    private final transient Object[] args;

    public TierlabException(ExitCode exitCode, String key, Object... args) {
        this(exitCode, null, key, args);
    }

    public TierlabException(ExitCode exitCode, Throwable cause, String key, Object... args) {
        super(key + Arrays.toString(args), cause);
        this.exitCode = exitCode;
        this.key = key;
        this.args = args.clone();
    }

    public ExitCode exitCode() {
        return exitCode;
    }

    public String key() {
        return key;
    }

    public Object[] args() {
        return args.clone();
    }
}
