package dev.tierlab.runtime;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.Tag;

/**
 * A Lambda function as the workspace's CloudFormation template declares it ({@code AWS::Lambda::Function}
 * with a logical id): handler, timeout, memory and environment. Environment values that CloudFormation
 * computes ({@code !Ref}, {@code !GetAtt}, {@code !Sub}, ...) cannot be known locally; they are listed
 * in {@code computedEnvironment} and left unset.
 */
public record FunctionDefinition(String logicalId, String handler, int timeoutSeconds, int memoryMb,
                                 Map<String, String> environment, List<String> computedEnvironment, Path template) {
    public static final int DEFAULT_TIMEOUT = 3;
    public static final int DEFAULT_MEMORY = 128;

    /** Finds {@code logicalId} in the CloudFormation templates of {@code workspace}. */
    public static FunctionDefinition find(Path workspace, String logicalId) {
        TreeSet<String> available = new TreeSet<>();
        for (Path template : templates(workspace)) {
            MappingNode resources = child(root(template), "Resources") instanceof MappingNode m ? m : null;
            if (resources == null) {
                continue;
            }
            for (NodeTuple t : resources.getValue()) {
                String id = scalar(t.getKeyNode());
                if (!(t.getValueNode() instanceof MappingNode resource) || !"AWS::Lambda::Function".equals(scalar(child(resource, "Type")))) {
                    continue;
                }
                available.add(id);
                if (id.equals(logicalId)) {
                    return read(id, resource, template);
                }
            }
        }
        throw new TierlabException(ExitCode.NOT_FOUND, "error.invoke.unknownFunction", logicalId,
                available.isEmpty() ? "-" : String.join(", ", available));
    }

    private static FunctionDefinition read(String id, MappingNode resource, Path template) {
        Node props = child(resource, "Properties");
        String handler = scalar(child(props, "Handler"));
        if (handler == null) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.invoke.noHandler", id, template);
        }
        Map<String, String> env = new LinkedHashMap<>();
        List<String> computed = new ArrayList<>();
        if (child(child(props, "Environment"), "Variables") instanceof MappingNode vars) {
            for (NodeTuple v : vars.getValue()) {
                String name = scalar(v.getKeyNode());
                if (v.getValueNode() instanceof ScalarNode s && !isIntrinsic(s)) {
                    env.put(name, s.getValue());
                } else {
                    computed.add(name);
                }
            }
        }
        return new FunctionDefinition(id, handler, number(child(props, "Timeout"), DEFAULT_TIMEOUT),
                number(child(props, "MemorySize"), DEFAULT_MEMORY), env, computed, template);
    }

    private static boolean isIntrinsic(ScalarNode node) {
        return node.getTag().getValue().startsWith("!");
    }

    private static int number(Node node, int fallback) {
        String s = node instanceof ScalarNode sn && !isIntrinsic(sn) ? sn.getValue() : null;
        try {
            return s == null ? fallback : Integer.parseInt(s.trim());
        } catch (NumberFormatException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", "line " + (node.getStartMark().getLine() + 1),
                    dev.tierlab.i18n.Text.of("lab.problem.notWholeNumber", s));
        }
    }

    private static List<Path> templates(Path workspace) {
        try (Stream<Path> walk = Files.walk(workspace, 4)) {
            return walk.filter(Files::isRegularFile)
                    .filter(p -> p.toString().matches(".*\\.(ya?ml|json)$"))
                    .filter(p -> !workspace.relativize(p).toString().matches("(.*/)?(target|\\.tierlab|src)/.*"))
                    .sorted().toList();
        } catch (IOException e) {
            throw TierlabException.io(workspace, e);
        }
    }

    /** The document's root node; CloudFormation's short-form tags are kept as tags, not resolved. */
    private static Node root(Path template) {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        String text;
        try {
            text = Files.readString(template);
        } catch (IOException e) {
            throw TierlabException.io(template, e);
        }
        try {
            return new Yaml(options).compose(new java.io.StringReader(text));
        } catch (org.yaml.snakeyaml.error.MarkedYAMLException e) {
            if (text.contains("AWSTemplateFormatVersion") || text.contains("\nResources:")) {
                org.yaml.snakeyaml.error.Mark mark = e.getProblemMark();
                throw new TierlabException(ExitCode.BAD_INPUT, e, "error.lab.invalid",
                        template + (mark == null ? "" : ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1)),
                        dev.tierlab.i18n.Text.of("lab.problem.parser.layout", e.getProblem()));
            }
            return null; // some other YAML file of the project: not a template
        } catch (RuntimeException e) {
            return null;
        }
    }

    private static Node child(Node node, String key) {
        if (node instanceof MappingNode m) {
            for (NodeTuple t : m.getValue()) {
                if (key.equals(scalar(t.getKeyNode()))) {
                    return t.getValueNode();
                }
            }
        }
        return null;
    }

    private static String scalar(Node node) {
        return node instanceof ScalarNode s && (s.getTag().equals(Tag.STR) || !s.getTag().getValue().startsWith("!"))
                ? s.getValue() : null;
    }
}
