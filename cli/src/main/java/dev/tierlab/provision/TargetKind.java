package dev.tierlab.provision;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * The kinds of target, by the word the user types after {@code --target}. The same word is what
 * {@code .tierlab/deploy.json} records, so files written before this type existed still read.
 */
public enum TargetKind {
    /** MiniStack in tierlab's own virtualenv on 127.0.0.1. */
    SANDBOX,
    /** An AWS-compatible endpoint the user runs. */
    ENDPOINT,
    /** LocalStack in a container. */
    LOCALSTACK,
    /** Floci in a container. */
    FLOCI,
    /** AWS itself. */
    AWS;

    /** The word on the command line and in {@code deploy.json}. */
    @JsonValue
    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** Whether the emulator runs in a container that tierlab starts (see {@link ContainerTargets}). */
    public boolean inContainer() {
        return this == LOCALSTACK || this == FLOCI;
    }

    /** The words, in the order help and completion list them. */
    public static List<String> ids() {
        return Arrays.stream(values()).map(TargetKind::id).toList();
    }

    /** The kind {@code id} names; an unknown word is a usage error that lists the known ones. */
    @JsonCreator
    public static TargetKind of(String id) {
        for (TargetKind k : values()) {
            if (k.id().equals(id)) {
                return k;
            }
        }
        throw new TierlabException(ExitCode.USAGE, "error.target.unknown", id, String.join(", ", ids()));
    }

    @Override
    public String toString() {
        return id();
    }
}
