package dev.tierlab.generate;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Arrays;
import java.util.regex.Pattern;

/**
 * What a template parameter may hold ({@code type:} in template.yaml). A value lands in Java, XML,
 * YAML and JSON alike, so each type allows only characters that mean nothing special in any of them:
 * a lab's parameters can name things, never inject code.
 */
public enum ParameterType {
    /** A Java package: {@code dev.tierlab.tickets}. */
    JAVA_PACKAGE("java-package", "[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)*", "lowercase words joined by dots, e.g. dev.tierlab.tickets"),
    /** A Maven groupId or artifactId: {@code tickets-api}. */
    MAVEN_ID("maven-id", "[A-Za-z0-9_][A-Za-z0-9_.-]*", "letters, digits, _ . and -, e.g. tickets-api"),
    /** An environment variable's name: {@code TABLE_NAME}. */
    ENV_VAR("env-var", "[A-Za-z_][A-Za-z0-9_]*", "letters, digits and _, not starting with a digit, e.g. TABLE_NAME"),
    /** A short name (a stage, a resource suffix): {@code dev}. */
    NAME("name", "[A-Za-z0-9][A-Za-z0-9_-]*", "letters, digits, _ and -, e.g. dev"),
    /** A switch that turns a part of the template on or off: {@code true} or {@code false} (YAML booleans). */
    FLAG("flag", null, "true or false");

    private final String id;
    private final Pattern pattern;
    private final String described;

    ParameterType(String id, String regex, String described) {
        this.id = id;
        this.pattern = regex == null ? null : Pattern.compile(regex);
        this.described = described;
    }

    @JsonValue
    public String id() {
        return id;
    }

    /** In words, for messages. */
    public String described() {
        return described;
    }

    public boolean accepts(Object value) {
        if (pattern == null) {
            return value instanceof Boolean;
        }
        return value instanceof String s && s.length() <= 128 && pattern.matcher(s).matches();
    }

    @JsonCreator
    public static ParameterType of(String id) {
        return Arrays.stream(values()).filter(t -> t.id.equals(id)).findFirst().orElseThrow(() ->
                new IllegalArgumentException("unknown parameter type " + id + "; known: "
                        + String.join(", ", Arrays.stream(values()).map(ParameterType::id).toList())));
    }
}
