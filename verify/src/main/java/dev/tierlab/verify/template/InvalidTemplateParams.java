package dev.tierlab.verify.template;

/**
 * Params of a {@code template} check that cannot mean anything, found when the lab is loaded. Thrown from
 * {@link TemplateParams}' constructor, so Jackson reports it with the position of the check's params;
 * {@link #problem()} is the code to put into words.
 */
public final class InvalidTemplateParams extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;

    public enum Problem {
        /** none of resource, resourceType, path */
        NOTHING_TO_CHECK,
        /** count or every without resourceType, or together with resource */
        COUNT_NEEDS_TYPE,
        /** count and every together */
        COUNT_AND_EVERY,
        /** count below zero */
        NEGATIVE_COUNT,
        /** exists: false together with equals, matches or refersTo */
        ABSENT_WITH_VALUE,
        /** matches is not a valid regular expression */
        BAD_PATTERN,
        /** equals: null (write exists: false) */
        EQUALS_NULL,
        /** dependsOn without resource or resourceType */
        DEPENDS_ON_NEEDS_RESOURCE,
        /** a text param that is empty */
        EMPTY
    }

    private final Problem problem;

    InvalidTemplateParams(Problem problem, String message) {
        super(message);
        this.problem = problem;
    }

    public Problem problem() {
        return problem;
    }
}
