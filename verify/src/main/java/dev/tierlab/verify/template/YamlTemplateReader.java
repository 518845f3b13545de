package dev.tierlab.verify.template;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.StringReader;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.Mark;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * Reads a YAML template through SnakeYAML's node tree (not its object constructor), so CloudFormation's
 * short-form tags arrive as tags and can be turned into their long form: {@code !Ref X} → {@code {Ref: X}},
 * {@code !GetAtt A.B} → {@code {Fn::GetAtt: [A, B]}}, any other {@code !Name} → {@code {Fn::Name: ...}},
 * on a scalar, a sequence or a mapping alike. Like cfn-lint, every {@code !Name} is accepted, so a
 * template CloudFormation takes is never refused here; a misspelt tag shows up in the check's "found".
 */
final class YamlTemplateReader {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** Aliases can make a node its own descendant; CloudFormation templates are never this deep. */
    private static final int MAX_DEPTH = 100;

    private final String file;
    private final Map<String, Location> locations = new HashMap<>();

    private YamlTemplateReader(String file) {
        this.file = file;
    }

    static ParsedDocument read(String text, String file) {
        YamlTemplateReader reader = new YamlTemplateReader(file);
        Node root;
        try {
            root = new Yaml(new LoaderOptions()).compose(new StringReader(text));
        } catch (MarkedYAMLException e) {
            Mark mark = e.getProblemMark() != null ? e.getProblemMark() : e.getContextMark();
            String problem = e.getContext() == null ? e.getProblem() : e.getContext() + ": " + e.getProblem();
            throw new TemplateParseException(TemplateParseException.Kind.SYNTAX, reader.at(mark), problem.trim(), e);
        } catch (YAMLException e) {
            throw new TemplateParseException(TemplateParseException.Kind.SYNTAX, Location.of(file), e.getMessage(), e);
        }
        if (root == null) {
            throw new TemplateParseException(TemplateParseException.Kind.NOT_A_TEMPLATE, new Location(file, 1, 1),
                    "the file is empty", null);
        }
        reader.locations.put("", reader.at(root.getStartMark()));
        return new ParsedDocument(reader.convert(root, "", 0), reader.locations);
    }

    private JsonNode convert(Node node, String pointer, int depth) {
        if (depth > MAX_DEPTH) {
            throw invalid(node, "values nested more than " + MAX_DEPTH + " deep (a recursive alias?)");
        }
        String tag = node.getTag().getValue();
        if (tag.startsWith("!") && tag.length() > 1) {
            return intrinsic(tag.substring(1), node, pointer, depth);
        }
        return plain(node, pointer, depth);
    }

    /** The long form of a short-form tag: one key, the function's name, holding the tagged content. */
    private JsonNode intrinsic(String name, Node node, String pointer, int depth) {
        String key = name.equals("Ref") || name.equals("Condition") ? name : "Fn::" + name;
        String inner = ParsedDocument.child(pointer, key);
        JsonNode content;
        if (key.equals("Fn::GetAtt") && node instanceof ScalarNode s) {
            // "A.B.C" names attribute "B.C" of resource A (nested attributes such as Endpoint.Address)
            int dot = s.getValue().indexOf('.');
            if (dot <= 0 || dot == s.getValue().length() - 1) {
                throw invalid(node, "!GetAtt needs LogicalId.AttributeName, found '" + s.getValue() + "'");
            }
            content = NODES.arrayNode().add(s.getValue().substring(0, dot)).add(s.getValue().substring(dot + 1));
        } else if (node instanceof ScalarNode s) {
            content = NODES.textNode(s.getValue()); // a tagged scalar is text whatever it looks like: !Ref 2 names "2"
        } else {
            content = plain(node, inner, depth);
        }
        return NODES.objectNode().set(key, content);
    }

    private JsonNode plain(Node node, String pointer, int depth) {
        if (node instanceof MappingNode m) {
            ObjectNode object = NODES.objectNode();
            for (NodeTuple t : m.getValue()) {
                if (!(t.getKeyNode() instanceof ScalarNode k)) {
                    throw invalid(t.getKeyNode(), "a key must be a plain value, not a list or mapping");
                }
                String key = k.getValue();
                if (object.has(key)) {
                    throw new TemplateParseException(TemplateParseException.Kind.DUPLICATE_KEY, at(k.getStartMark()),
                            "duplicate key '" + key + "' (first at line " + locations.get(ParsedDocument.child(pointer, key)).line() + ")", null);
                }
                String child = ParsedDocument.child(pointer, key);
                locations.put(child, at(k.getStartMark()));
                object.set(key, convert(t.getValueNode(), child, depth + 1));
            }
            return object;
        }
        if (node instanceof SequenceNode s) {
            ArrayNode array = NODES.arrayNode();
            for (Node item : s.getValue()) {
                String child = ParsedDocument.child(pointer, array.size());
                locations.put(child, at(item.getStartMark()));
                array.add(convert(item, child, depth + 1));
            }
            return array;
        }
        return scalar((ScalarNode) node);
    }

    /**
     * A scalar typed as SnakeYAML's resolver (YAML 1.1, as PyYAML and so cfn-lint) reads it; values a Java
     * number would misread (octal-looking {@code 0755}, {@code 1_000}, {@code .inf}) and dates stay text.
     */
    private static JsonNode scalar(ScalarNode s) {
        String text = s.getValue();
        Tag tag = s.getTag();
        if (tag.equals(Tag.NULL)) {
            return NODES.nullNode();
        }
        if (tag.equals(Tag.BOOL)) {
            return NODES.booleanNode(text.matches("(?i)true|yes|on|y"));
        }
        if (tag.equals(Tag.INT) && text.matches("[-+]?(0|[1-9][0-9]*)")) {
            return ParsedDocument.integer(new BigInteger(text));
        }
        if (tag.equals(Tag.FLOAT) && text.matches("[-+]?([0-9]+\\.?[0-9]*|\\.[0-9]+)([eE][-+]?[0-9]+)?")) {
            return NODES.numberNode(new BigDecimal(text));
        }
        return NODES.textNode(text);
    }

    private TemplateParseException invalid(Node node, String problem) {
        return new TemplateParseException(TemplateParseException.Kind.INVALID_VALUE, at(node.getStartMark()), problem, null);
    }

    private Location at(Mark mark) {
        return mark == null ? Location.of(file) : new Location(file, mark.getLine() + 1, mark.getColumn() + 1);
    }
}
