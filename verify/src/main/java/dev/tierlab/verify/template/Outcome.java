package dev.tierlab.verify.template;

/**
 * What a {@code template} check found, in parts the caller puts into words (by {@link Reason}) in the
 * reader's language: {@code subject} is a logical id, a resource type or the template file; {@code path}
 * the property path concerned (wildcards filled in; null when none); {@code expected} and {@code found}
 * are values as the learner writes them in YAML ({@code [REGIONAL]}, {@code !GetAtt Logs.Arn}) or ids;
 * {@code where} is the place in the template to look at (null when there is none).
 */
public record Outcome(boolean ok, Reason reason, String subject, String path, String expected, String found,
                      Location where) {

    /** Why a check passed or failed; each has a message in {@link #english()} and in docs/template-check.md. */
    public enum Reason {
        /** the condition holds; {@code found} is the value that meets it */
        PASSED,
        /** the template file does not exist; subject: the file */
        TEMPLATE_MISSING,
        /** the template does not parse; found: the parser's problem; where: its position */
        TEMPLATE_INVALID,
        /** no resource with the logical id; expected: the type asked for or ""; found: the ids there are ("" if none) */
        NO_RESOURCE,
        /** the resource has another type; expected / found: the types */
        WRONG_TYPE,
        /** no resource of the type; subject: the type */
        NO_RESOURCE_OF_TYPE,
        /** not the number of resources asked for; expected: the number; found: the number and their ids */
        WRONG_COUNT,
        /** path is the first step that is not there; expected: the whole path asked for */
        MISSING,
        /** the value on the way is computed by an intrinsic function; path: where; found: the function */
        COMPUTED,
        /** should be absent but is there; found: the value, or the resource type (ids for a resourceType) */
        PRESENT,
        /** the value differs; expected / found: the values */
        NOT_EQUAL,
        /** the text does not match; expected: the regular expression; found: the value */
        NO_MATCH,
        /** no reference to the id; expected: X or X.Attr; found: the value, or the references there are */
        NO_REFERENCE,
        /** DependsOn does not name the id; expected: the id; found: the ids it names ("" if none) */
        NO_DEPENDENCY
    }

    static Outcome passed(String subject, String path, String expected, String found, Location where) {
        return new Outcome(true, Reason.PASSED, subject, path, expected, found, where);
    }

    static Outcome failed(Reason reason, String subject, String path, String expected, String found, Location where) {
        return new Outcome(false, reason, subject, path, expected, found, where);
    }

    /** The outcome in English, one line, without the location (the caller shows {@link #where} its own way). */
    public String english() {
        String at = path == null ? subject : subject + " " + path;
        return switch (reason) {
            case PASSED -> at + ": " + found;
            case TEMPLATE_MISSING -> "the template " + subject + " does not exist";
            case TEMPLATE_INVALID -> "the template " + subject + " cannot be read: " + found;
            case NO_RESOURCE -> "the template has no resource " + subject + (expected.isEmpty() ? "" : " of type " + expected)
                    + (found.isEmpty() ? "" : "; it has " + found);
            case WRONG_TYPE -> subject + " is a " + found + ", expected a " + expected;
            case NO_RESOURCE_OF_TYPE -> "the template has no resource of type " + subject;
            case WRONG_COUNT -> subject + ": expected " + expected + " resource(s), found " + found;
            case MISSING -> subject + " has no " + path + (expected.equals(path) ? "" : " (looking for " + expected + ")");
            case COMPUTED -> at + " is computed by " + found + ", which is only known once deployed (looking for " + expected + ")";
            case PRESENT -> path == null ? subject + " should not be in the template; found " + found
                    : at + " should not be set; found " + found;
            case NOT_EQUAL -> at + ": expected " + expected + ", found " + found;
            case NO_MATCH -> at + ": expected a value matching " + expected + ", found " + found;
            case NO_REFERENCE -> at + ": expected a reference to " + expected + " (!Ref, !GetAtt or ${} in !Sub), found "
                    + (found.isEmpty() ? "none" : found);
            case NO_DEPENDENCY -> subject + ": DependsOn should name " + expected + "; it names " + (found.isEmpty() ? "nothing" : found);
        };
    }
}
