package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.verify.Capability;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.io.IOException;
import java.util.Set;
import java.util.Optional;

/** {@code invoke}: a function of the template, run locally with a sample event, answers with a status. */
public final class InvokeCheck extends BaseCheckType<InvokeCheck.Params> {
    private static final ObjectMapper JSON = new ObjectMapper();

    /**
     * @param function        the function's logical id in the template
     * @param event           a sample event of the lab, or a file of the workspace
     * @param expectStatus    the {@code statusCode} of the response (200)
     * @param expectJsonArray whether the response body must be a JSON array
     */
    public record Params(@JsonProperty(required = true) String function, @JsonProperty(required = true) String event,
                         Integer expectStatus, Boolean expectJsonArray) {
        public Params {
            expectStatus = expectStatus == null ? 200 : expectStatus;
            expectJsonArray = Boolean.TRUE.equals(expectJsonArray);
        }
    }

    @Override
    public Set<Capability> needs(Params params) {
        return Set.of(Capability.LAMBDA_JAVA);
    }

    public InvokeCheck() {
        super("invoke", Params.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        return judge(p, context.local().invoke(p.function(), p.event()), context.texts());
    }

    static Verdict judge(Params p, LocalProject.Invocation r, Texts t) {
        String expected = t.get(p.expectJsonArray() ? "check.statusArray" : "check.status", p.expectStatus());
        if (!r.success()) {
            return Verdict.fail(expected, t.get("check.functionFailed", r.errorType()));
        }
        try {
            JsonNode response = JSON.readTree(r.payload());
            int actual = response.path("statusCode").asInt(-1);
            if (actual != p.expectStatus()) {
                return Verdict.fail(expected, t.get("check.status", actual));
            }
            if (p.expectJsonArray() && !JSON.readTree(response.path("body").asText("null")).isArray()) {
                return Verdict.fail(expected, t.get("check.notArray", actual));
            }
            return Verdict.pass(expected, t.get("check.status", actual));
        } catch (IOException e) {
            return Verdict.fail(expected, t.get("check.notJson"));
        }
    }

    /** The function's handler, in a JVM of its own on this machine. */
    @Override
    public Optional<String> labCode(Params params) {
        return Optional.of(params == null ? "" : params.function());
    }
}
