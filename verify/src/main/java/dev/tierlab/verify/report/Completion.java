package dev.tierlab.verify.report;

import dev.tierlab.verify.CheckStatus;
import java.util.List;

/**
 * Whether a lab is complete on a target — every check that can be verified there passed — and which
 * checks remain, verifiable only on a target that can show them (AWS). {@code tierlab grade} and
 * {@code tierlab check} both say so from this one value.
 *
 * @param complete      at least one check can be earned on the target and every such check passed
 * @param notVerifiable the checks the target cannot verify, in lab order
 */
public record Completion(boolean complete, List<Check> notVerifiable) {

    public Completion {
        notVerifiable = List.copyOf(notVerifiable);
    }

    /** One check's outcome as far as completion goes. @param reason why it is not verifiable, or null */
    public record Check(String step, String id, CheckStatus status, String reason) {
    }

    public static Completion of(List<Check> checks) {
        boolean anyEarnable = checks.stream().anyMatch(c -> c.status().earnable());
        boolean allPassed = checks.stream().filter(c -> c.status().earnable()).allMatch(c -> c.status() == CheckStatus.PASSED);
        return new Completion(anyEarnable && allPassed, checks.stream().filter(c -> !c.status().earnable()).toList());
    }
}
