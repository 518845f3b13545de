package dev.tierlab.verify;

/** The outcome of one check. */
public enum CheckStatus {
    /** The check ran and what it found matches what it expected. */
    PASSED,
    /** The check ran and found something else. */
    FAILED,
    /** The target cannot show whether this holds; never counted as passed, and not part of the score. */
    NOT_VERIFIABLE,
    /**
     * The check could not run because something it needs first is missing: nothing is deployed, the
     * deployed code is older than the workspace's, or an earlier check it depends on failed. It counts
     * as not earned (its points are in the score), and the reason is reported once for all it blocks.
     */
    BLOCKED;

    /**
     * Whether the check's points are part of the score on this target: every status but
     * {@link #NOT_VERIFIABLE}. Whether a check can be earned depends on the target, never on the
     * learner's work, so a score's maximum is the same for every submission on one target.
     */
    public boolean earnable() {
        return this != NOT_VERIFIABLE;
    }
}
