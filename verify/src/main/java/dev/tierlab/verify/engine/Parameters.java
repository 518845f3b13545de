package dev.tierlab.verify.engine;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Binds a check's {@code params} to its type's record with Jackson: unknown parameters, missing
 * required ones ({@code @JsonProperty(required = true)}) and values of the wrong type are reported as
 * a {@link Problem} with the path to the value, so the lab loader can give its line and column.
 */
public final class Parameters {
    static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .build();

    private Parameters() {
    }

    /** What is wrong with a check's parameters. */
    public enum Kind { MISSING, UNKNOWN, WRONG_TYPE, INVALID }

    /**
     * @param path   from the {@code params} node to the value: field names and list indexes
     * @param name   the parameter concerned
     * @param detail for WRONG_TYPE the expected type, for INVALID the reason, for UNKNOWN the known names
     */
    public record Problem(List<Object> path, Kind kind, String name, String detail) {
    }

    /** A binding that failed. */
    public static final class Invalid extends RuntimeException {
        private final Problem problem;

        Invalid(Problem problem) {
            super(problem.kind() + " " + problem.name() + (problem.detail() == null ? "" : ": " + problem.detail()), null, false, false);
            this.problem = problem;
        }

        public Problem problem() {
            return problem;
        }
    }

    /** {@code params} as a tree (an empty object when there are none). */
    public static JsonNode tree(Map<String, Object> params) {
        return params == null ? JsonNodeFactory.instance.objectNode() : MAPPER.valueToTree(params);
    }

    /** Binds {@code params} to {@code type}; {@link Invalid} says what is wrong and where. */
    public static <P> P bind(JsonNode params, Class<P> type) {
        JsonNode node = params == null || params.isNull() || params.isMissingNode() ? JsonNodeFactory.instance.objectNode() : params;
        try {
            return MAPPER.treeToValue(node, type);
        } catch (JsonMappingException e) {
            throw new Invalid(problem(e));
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new Invalid(new Problem(List.of(), Kind.INVALID, "", e.getOriginalMessage()));
        } catch (IllegalArgumentException e) {
            throw new Invalid(new Problem(List.of(), Kind.INVALID, "", e.getMessage()));
        }
    }

    private static Problem problem(JsonMappingException e) {
        List<Object> path = new ArrayList<>();
        for (JsonMappingException.Reference r : e.getPath()) {
            path.add(r.getFieldName() != null ? r.getFieldName() : (Object) r.getIndex());
        }
        String last = path.isEmpty() ? "" : String.valueOf(path.get(path.size() - 1));
        if (e instanceof UnrecognizedPropertyException u) {
            List<String> known = u.getKnownPropertyIds() == null ? List.of()
                    : u.getKnownPropertyIds().stream().map(String::valueOf).sorted().toList();
            return new Problem(path, Kind.UNKNOWN, u.getPropertyName(), String.join(", ", known));
        }
        if (e instanceof ValueInstantiationException v) {
            Throwable cause = v.getCause() == null ? v : v.getCause();
            return new Problem(path, Kind.INVALID, last, String.valueOf(cause.getMessage()));
        }
        String original = String.valueOf(e.getOriginalMessage());
        if (e instanceof MismatchedInputException m && original.startsWith("Missing required creator property")) {
            int a = original.indexOf('\'');
            int b = original.indexOf('\'', a + 1);
            String name = a >= 0 && b > a ? original.substring(a + 1, b) : last;
            return new Problem(path, Kind.MISSING, name, null);
        }
        if (e instanceof MismatchedInputException m && m.getTargetType() != null) {
            return new Problem(path, Kind.WRONG_TYPE, last, typeName(m.getTargetType()));
        }
        if (e instanceof InvalidFormatException f && f.getTargetType() != null) {
            return new Problem(path, Kind.WRONG_TYPE, last, typeName(f.getTargetType()));
        }
        return new Problem(path, Kind.INVALID, last, original);
    }

    /** The words lab authors know for Java types; for an enumeration, its values. */
    private static String typeName(Class<?> type) {
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
            return "an integer";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "true or false";
        }
        if (type == String.class) {
            return "a string";
        }
        if (List.class.isAssignableFrom(type)) {
            return "a list";
        }
        if (Map.class.isAssignableFrom(type) || type.isRecord()) {
            return "a mapping";
        }
        if (type.isEnum()) {
            return "one of " + String.join(", ", java.util.Arrays.stream(type.getEnumConstants()).map(String::valueOf)
                    .filter(v -> !v.equals("null") && !v.contains("UNKNOWN_TO_SDK_VERSION")).toList());
        }
        return type.getSimpleName();
    }
}
