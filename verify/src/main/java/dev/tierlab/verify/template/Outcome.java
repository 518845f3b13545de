package dev.tierlab.verify.template;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.Map;

/**
 * What a {@code template} check found, in parts the caller puts into words (by {@link Reason}) in the
 * reader's language: {@code subject} is a logical id, a resource type or the template file; {@code path}
 * the property path concerned (wildcards filled in; null when none); {@code expected} and {@code found}
 * are values as the learner writes them in YAML ({@code [REGIONAL]}, {@code !GetAtt Logs.Arn}) or ids;
 * {@code where} is the place in the template to look at (null when there is none).
 */
public record Outcome(boolean ok, Reason reason, String subject, String path, String expected, String found,
                      Location where) {

    /** Why a check passed or failed; each has a message ({@link #messageKey()}, in English {@link #english()}). */
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

    /**
     * The message key for the reason, {@code check.template.<reason>} in lower camel case;
     * {@code NO_RESOURCE} with a type asked for is {@code check.template.noResourceTyped}.
     */
    public String messageKey() {
        String[] words = reason.name().toLowerCase(Locale.ROOT).split("_");
        StringBuilder key = new StringBuilder("check.template.").append(words[0]);
        for (int i = 1; i < words.length; i++) {
            key.append(Character.toUpperCase(words[i].charAt(0))).append(words[i].substring(1));
        }
        return reason == Reason.NO_RESOURCE && !expected.isEmpty() ? key + "Typed" : key.toString();
    }

    /**
     * The message's arguments: {@code {0}} subject, {@code {1}} subject and path ({@code TicketsApi
     * Properties.X}; the subject alone without a path), {@code {2}} expected, {@code {3}} found ("-" when
     * empty), {@code {4}} path ("" when none).
     */
    public Object[] messageArguments() {
        return new Object[] {subject, path == null ? subject : subject + " " + path, dash(expected), dash(found),
                path == null ? "" : path};
    }

    private static String dash(String s) {
        return s == null || s.isEmpty() ? "-" : s;
    }

    /** The English patterns of {@link #messageKey()} (MessageFormat; docs/template-check.md has them and the Korean ones). */
    static final Map<String, String> ENGLISH = Map.ofEntries(
            Map.entry("check.template.passed", "{1}: {3}"),
            Map.entry("check.template.templateMissing", "the template {0} does not exist"),
            Map.entry("check.template.templateInvalid", "the template {0} cannot be read: {3}"),
            Map.entry("check.template.noResource", "the template has no resource {0}; its resources: {3}"),
            Map.entry("check.template.noResourceTyped", "the template has no resource {0} of type {2}; resources of that type: {3}"),
            Map.entry("check.template.wrongType", "{0} is a {3}, expected a {2}"),
            Map.entry("check.template.noResourceOfType", "the template has no resource of type {0}"),
            Map.entry("check.template.wrongCount", "{0}: expected {2} resource(s), found {3}"),
            Map.entry("check.template.missing", "{0} has no {4} (looking for {2})"),
            Map.entry("check.template.computed", "{1} is computed by {3}, which is only known once deployed (looking for {2})"),
            Map.entry("check.template.present", "{1} should not be there; found {3}"),
            Map.entry("check.template.notEqual", "{1}: expected {2}, found {3}"),
            Map.entry("check.template.noMatch", "{1}: expected a value matching {2}, found {3}"),
            Map.entry("check.template.noReference", "{1}: expected a reference to {2} (!Ref, !GetAtt or $'{}' in !Sub), found {3}"),
            Map.entry("check.template.noDependency", "{0}: DependsOn should name {2}; it names {3}"));

    /** The outcome in English, one line, without the location (the caller shows {@link #where} its own way). */
    public String english() {
        return new MessageFormat(ENGLISH.get(messageKey()), Locale.ROOT).format(messageArguments());
    }
}
