package dev.tierlab.verify.engine;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class SubstitutionTest {
    private final ObjectMapper json = new ObjectMapper();

    private Substitution.Result fill(Object params, Map<String, String> vars) {
        return new Substitution("lab-stack", Map.of("ApiUrl", "https://abc.execute-api.us-east-1.amazonaws.com/dev"), vars,
                url -> url.replace("https://abc.execute-api.us-east-1.amazonaws.com", "http://127.0.0.1:4566/_aws/execute-api/abc"))
                .apply(json.valueToTree(params));
    }

    @Test
    void fillsOutputsMadeReachableVarsAndTheStackEverywhereButKeys() {
        Substitution.Result r = fill(Map.of("url", "${outputs.ApiUrl}/tickets/${vars.id}",
                "body", Map.of("${vars.id}", List.of("${stack}-x", 3)), "n", 7), Map.of("id", "T-1"));
        assertTrue(r.complete());
        JsonNode p = r.params();
        assertEquals("http://127.0.0.1:4566/_aws/execute-api/abc/dev/tickets/T-1", p.get("url").asText());
        assertEquals("lab-stack-x", p.at("/body/${vars.id}/0").asText(), "keys are not filled");
        assertEquals(3, p.at("/body/${vars.id}/1").asInt());
        assertEquals(7, p.get("n").asInt(), "numbers stay numbers");
    }

    @Test
    void listsWhatItCannotFillAndLeavesItAsWritten() {
        Substitution.Result r = fill(Map.of("url", "${outputs.Nope}/x/${vars.later}"), Map.of());
        assertFalse(r.complete());
        assertEquals(Set.of("Nope"), r.unresolvedOutputs());
        assertEquals(Set.of("later"), r.unresolvedVars());
        assertEquals("${outputs.Nope}/x/${vars.later}", r.params().get("url").asText());
    }

    @Test
    void findsTheVarsATreeNeeds() {
        assertEquals(Set.of("a", "b"), Substitution.varsIn(json.valueToTree(Map.of("x", "${vars.a}", "y", List.of("${vars.b}", "$${plain}")))));
    }
}
