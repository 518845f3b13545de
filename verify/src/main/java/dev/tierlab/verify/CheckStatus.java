package dev.tierlab.verify;

/** The outcome of one check. */
public enum CheckStatus {
    /** The check ran and what it found matches what it expected. */
    PASSED,
    /** The check ran and found something else. */
    FAILED,
    /** The target cannot show whether this holds; never counted as passed. */
    NOT_VERIFIABLE
}
