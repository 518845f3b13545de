package dev.tierlab.cli;

import dev.tierlab.provision.TargetKind;
import dev.tierlab.provision.Targets;
import java.util.Iterator;
import picocli.CommandLine.Option;

/** {@code --target}, {@code --endpoint}, {@code --profile}, {@code --region}: where to deploy and check. */
final class TargetOptions {
    @Option(names = "--target", paramLabel = "<target>", completionCandidates = Names.class)
    String target;

    @Option(names = "--endpoint", paramLabel = "<url>")
    String endpoint;

    @Option(names = "--profile", paramLabel = "<profile>")
    String profile;

    @Option(names = "--region", paramLabel = "<region>")
    String region;

    /** The request these options make; {@code --endpoint} alone implies {@code --target endpoint}. */
    Targets.Request request() {
        TargetKind kind = target == null ? endpoint != null ? TargetKind.ENDPOINT : null : TargetKind.of(target);
        return new Targets.Request(kind, endpoint, profile, region);
    }

    /** The target as a report names it: the word given, else {@code endpoint} for {@code --endpoint} alone, else the sandbox. */
    String targetWord() {
        return target != null ? target : endpoint != null ? TargetKind.ENDPOINT.id() : TargetKind.SANDBOX.id();
    }

    boolean given() {
        return target != null || endpoint != null;
    }

    static final class Names implements Iterable<String> {
        @Override
        public Iterator<String> iterator() {
            return Targets.NAMES.iterator();
        }
    }
}
