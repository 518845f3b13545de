package dev.tierlab.verify.template;

/**
 * A template that cannot be read as a CloudFormation template: where, what kind of problem (for the caller
 * to put into words) and the parser's own description (English, as the YAML and JSON parsers give it).
 */
public class TemplateParseException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    /** What was wrong; the caller localizes by it. */
    public enum Kind {
        /** the file could not be read */
        UNREADABLE,
        /** YAML or JSON syntax */
        SYNTAX,
        /** the same key twice in one mapping (CloudFormation and cfn-lint reject it) */
        DUPLICATE_KEY,
        /** a value CloudFormation cannot have, e.g. {@code !GetAtt} without {@code .Attribute}, a mapping as a key */
        INVALID_VALUE,
        /** the document is empty, not a mapping, or has no {@code Resources} mapping */
        NOT_A_TEMPLATE
    }

    private final Kind kind;
    private final Location location;
    private final String problem;

    public TemplateParseException(Kind kind, Location location, String problem, Throwable cause) {
        super(location + ": " + problem, cause);
        this.kind = kind;
        this.location = location;
        this.problem = problem;
    }

    public Kind kind() {
        return kind;
    }

    public Location location() {
        return location;
    }

    /** The problem without the location, e.g. "mapping values are not allowed here". */
    public String problem() {
        return problem;
    }
}
