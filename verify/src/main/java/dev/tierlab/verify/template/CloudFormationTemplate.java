package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A learner's CloudFormation template, YAML or JSON, read into a neutral tree (Jackson {@link JsonNode})
 * with every intrinsic function in its long form ({@code !Ref X} is {@code {"Ref": "X"}}), so checks
 * compare plain values. Positions are kept, so a finding can say where in the file it is.
 */
public final class CloudFormationTemplate {
    private final String file;
    private final JsonNode root;
    private final Map<String, Location> locations;
    private final List<Resource> resources;

    private CloudFormationTemplate(String file, ParsedDocument doc) {
        this.file = file;
        this.root = doc.root();
        this.locations = doc.locations();
        if (!root.isObject()) {
            throw new TemplateParseException(TemplateParseException.Kind.NOT_A_TEMPLATE, location(""),
                    "a template is a mapping with a Resources section, not a " + kind(root), null);
        }
        JsonNode section = root.get("Resources");
        if (section == null || !section.isObject()) {
            throw new TemplateParseException(TemplateParseException.Kind.NOT_A_TEMPLATE,
                    location(section == null ? "" : "/Resources"),
                    section == null ? "the template has no Resources section" : "Resources must be a mapping of logical ids, not a " + kind(section), null);
        }
        List<Resource> list = new ArrayList<>();
        for (Map.Entry<String, JsonNode> e : section.properties()) {
            JsonNode type = e.getValue().get("Type");
            list.add(new Resource(e.getKey(), type != null && type.isTextual() ? type.asText() : null, e.getValue(),
                    ParsedDocument.child("/Resources", e.getKey())));
        }
        this.resources = List.copyOf(list);
    }

    /** Reads {@code file}; its name (as given) is the file of every {@link Location}. */
    public static CloudFormationTemplate parse(Path file) {
        return parse(file, file.toString());
    }

    /**
     * Reads {@code file}, naming it {@code shownAs} in every {@link Location} (e.g. {@code infra/template.yml},
     * relative to the workspace, as the learner knows it).
     */
    public static CloudFormationTemplate parse(Path file, String shownAs) {
        String text;
        try {
            text = Files.readString(file);
        } catch (MalformedInputException e) {
            throw new TemplateParseException(TemplateParseException.Kind.UNREADABLE, Location.of(shownAs),
                    "the file is not UTF-8 text", e);
        } catch (IOException e) {
            throw new TemplateParseException(TemplateParseException.Kind.UNREADABLE, Location.of(shownAs),
                    e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        return parse(text, shownAs);
    }

    /**
     * Reads a template from text. JSON when the name ends in {@code .json} or the text starts with
     * {@code {} and is valid JSON (as CloudFormation, which accepts either under any name); else YAML.
     */
    public static CloudFormationTemplate parse(String text, String fileName) {
        String body = text.startsWith("\uFEFF") ? text.substring(1) : text;
        if (fileName.toLowerCase(java.util.Locale.ROOT).endsWith(".json")) {
            return new CloudFormationTemplate(fileName, JsonTemplateReader.read(body, fileName));
        }
        if (body.stripLeading().startsWith("{")) {
            try {
                return new CloudFormationTemplate(fileName, JsonTemplateReader.read(body, fileName));
            } catch (TemplateParseException json) {
                if (json.kind() != TemplateParseException.Kind.SYNTAX) {
                    throw json;
                }
                try {
                    return new CloudFormationTemplate(fileName, YamlTemplateReader.read(body, fileName));
                } catch (TemplateParseException yaml) {
                    throw json; // it looked like JSON: JSON's message is the useful one
                }
            }
        }
        return new CloudFormationTemplate(fileName, YamlTemplateReader.read(body, fileName));
    }

    public String file() {
        return file;
    }

    /** The whole template. */
    public JsonNode root() {
        return root;
    }

    /** Every resource, in the order of the file. */
    public List<Resource> resources() {
        return resources;
    }

    public Optional<Resource> resource(String logicalId) {
        return resources.stream().filter(r -> r.logicalId().equals(logicalId)).findFirst();
    }

    /** The resources of one type, e.g. {@code AWS::ApiGateway::RestApi}, in the order of the file. */
    public List<Resource> resourcesOfType(String type) {
        return resources.stream().filter(r -> type.equals(r.type())).toList();
    }

    /** What the path selects from the template's root ({@code Outputs.ApiUrl.Value}, {@code Parameters.X.Default}). */
    public PropertyPath.Selection select(PropertyPath path) {
        return path.select(root, "");
    }

    /**
     * Where the value at a JSON Pointer is written: the line of its key (or list entry); for a value
     * inside a short-form tag, where the tag is.
     */
    public Location location(String pointer) {
        String p = pointer;
        while (true) {
            Location l = locations.get(p);
            if (l != null || p.isEmpty()) {
                return l != null ? l : new Location(file, 1, 1);
            }
            p = p.substring(0, p.lastIndexOf('/'));
        }
    }

    public Location location(Resource resource) {
        return location(resource.pointer());
    }

    private static String kind(JsonNode node) {
        return node.isArray() ? "list" : node.isNull() ? "null" : "plain value";
    }
}
