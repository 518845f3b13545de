package dev.tierlab.generate;

import dev.tierlab.course.Localized;
import java.util.List;

/**
 * {@code templates/<id>/template.yaml}: what the template is, its version (recorded in workspaces so
 * a later tierlab can tell which template made a file) and its parameters with defaults.
 */
public record TemplateManifest(String id, int version, Localized description, List<Parameter> parameters) {
    public static final String FILE = "template.yaml";

    public TemplateManifest {
        parameters = parameters == null ? List.of() : List.copyOf(parameters);
    }

    /**
     * A template parameter; {@code defaultValue} is used when a lab does not set it, and every value must
     * be of its {@code type} (null only for the overlay of a solution, whose values were checked already).
     */
    public record Parameter(String name, ParameterType type, Object defaultValue, Localized description) {
    }
}
