package dev.tierlab.error;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
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

    /**
     * A file operation on {@code path} failed: the message names the file the system complained
     * about and its reason ("Not a directory", "Permission denied"), not a Java class name.
     */
    public static TierlabException io(Path path, IOException e) {
        Path file = path;
        String reason = e.getMessage();
        if (e instanceof FileSystemException fse) {
            if (fse.getFile() != null && !fse.getFile().contains("/.") && !fse.getFile().endsWith(".tmp")) {
                file = Path.of(fse.getFile());
            }
            reason = fse.getReason() != null ? fse.getReason()
                    : e instanceof NoSuchFileException ? "No such file or directory"
                    : e instanceof AccessDeniedException ? "Permission denied"
                    : e instanceof FileAlreadyExistsException ? "File exists"
                    : e.getClass().getSimpleName();
        }
        return new TierlabException(ExitCode.BAD_INPUT, e, "error.io", file, reason == null ? e.getClass().getSimpleName() : reason);
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
