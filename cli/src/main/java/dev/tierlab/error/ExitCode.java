package dev.tierlab.error;

/**
 * Every exit code tierlab returns, in one place. The README lists the same table.
 */
public enum ExitCode {
    /** The command did what was asked. */
    OK(0),
    /** An unexpected internal failure; rerun with --stacktrace and report it. */
    INTERNAL(1),
    /** The command line was wrong: unknown command, bad option or missing argument. */
    USAGE(2),
    /** Something named on the command line does not exist (chapter, page, file, setting). */
    NOT_FOUND(3),
    /** An input file or stored data could not be used (bad format, unknown schema version), or tierlab's home cannot be written. */
    BAD_INPUT(4),
    /** Another tierlab process holds a lock that this command needs. */
    BUSY(5),
    /** The learner's project did not build, or a check did not pass. */
    FAILED(6),
    /** The target (the sandbox, an endpoint, AWS) did not answer. */
    UNREACHABLE(7),
    /** The user declined a confirmation or cancelled with Ctrl-C. */
    CANCELLED(130);

    private final int code;

    ExitCode(int code) {
        this.code = code;
    }

    public int code() {
        return code;
    }
}
