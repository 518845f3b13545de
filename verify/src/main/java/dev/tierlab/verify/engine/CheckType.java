package dev.tierlab.verify.engine;

import dev.tierlab.verify.Capability;
import java.util.Optional;
import java.util.Set;

/**
 * One kind of check a lab can use ({@code type:} in lab.yaml). A type is one small class: its name,
 * the record its {@code params} bind to (with Jackson, when the lab is loaded, so a missing or
 * mistyped parameter is a lab problem with its position), where it looks, the capabilities it always
 * needs, and its run. Adding a type is adding a class (extending {@link BaseCheckType}) and listing it in
 * {@link CheckTypes}.
 *
 * @param <P> the parameter record
 */
public interface CheckType<P> {
    /** The name lab authors write, e.g. {@code http}. */
    String name();

    /** The record {@code params} bind to; unknown, missing or mistyped parameters are lab problems. */
    Class<P> parameters();

    Scope scope();

    /** Capabilities the target needs for any check of this type, besides those the check lists. */
    default Set<Capability> needs(P params) {
        return Set.of();
    }

    /** Names of the values this check captures for later checks ({@code ${vars.X}}). */
    default Set<String> captures(P params) {
        return Set.of();
    }

    /**
     * What of the lab's own code this check runs on this machine, in a few words that are the same in
     * every language (a command line, a function's name; may be empty); nothing when it runs none. The
     * project a lab generates, its pom and tests, its handlers and the functions it deploys to the
     * sandbox are the lab's code: an external lab runs them only when the user trusts it.
     *
     * @param params the bound parameters; null when they hold references that bind only at the run
     *               (then the detail may be empty, but whether code runs must still be answered)
     */
    default Optional<String> labCode(P params) {
        return Optional.empty();
    }

    /**
     * Runs the check. Problems of the target or machine are exceptions the runner reports
     * ({@link MissingResource}, {@link NotVerifiableHere}, an SDK error); anything else the check
     * finds is a {@link Verdict}.
     */
    Verdict run(P params, CheckContext context);
}
