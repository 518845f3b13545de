package dev.tierlab.verify.engine;

/** A check named a resource of the stack that is not there: the check fails saying so. */
public final class MissingResource extends RuntimeException {
    private final String logicalId;

    public MissingResource(String logicalId) {
        super(logicalId, null, false, false);
        this.logicalId = logicalId;
    }

    public String logicalId() {
        return logicalId;
    }
}
