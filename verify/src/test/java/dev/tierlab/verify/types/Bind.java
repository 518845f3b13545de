package dev.tierlab.verify.types;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.engine.CheckTypes;
import dev.tierlab.verify.engine.Parameters;
import java.util.Map;

/** Binds params as a lab would write them (YAML maps), through the registry. */
final class Bind {
    private static final ObjectMapper JSON = new ObjectMapper();

    private Bind() {
    }

    @SuppressWarnings("unchecked")
    static <P> P as(String type, Map<String, Object> params) {
        return (P) CheckTypes.standard().bind(type, JSON.valueToTree(params));
    }

    static Parameters.Problem problem(String type, Map<String, Object> params) {
        try {
            as(type, params);
        } catch (Parameters.Invalid e) {
            return e.problem();
        }
        throw new AssertionError("bound: " + params);
    }
}
