package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.LinkedHashMap;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;

/** {@code lambda}: a function's deployed configuration — runtime, handler, memory, timeout, role, environment. */
public final class LambdaCheck extends BaseCheckType<LambdaCheck.Params> {
    /**
     * @param function    the function's logical id
     * @param role        the logical id of its execution role
     * @param environment variables it must have; the value {@code *} accepts any value
     */
    public record Params(@JsonProperty(required = true) String function, String runtime, String handler, Integer memorySize,
                         Integer timeout, String role, Map<String, String> environment) {
        public Params {
            environment = environment == null ? Map.of() : new LinkedHashMap<>(environment);
        }
    }

    public LambdaCheck() {
        super("lambda", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String name = context.physical(p.function());
        FunctionConfiguration c = context.aws().lambda().getFunction(b -> b.functionName(name)).configuration();
        return judge(p, c, p.role() == null ? null : context.resources().get(p.role()), context.texts());
    }

    /** @param role the stack resource of the role the check names, null when absent or not named */
    static Verdict judge(Params p, FunctionConfiguration c, StackResource role, Texts t) {
        String fn = p.function();
        Expectations e = new Expectations(t);
        e.expect(fn, "runtime", p.runtime(), c.runtimeAsString());
        e.expect(fn, "handler", p.handler(), c.handler());
        e.expect(fn, "memorySize", p.memorySize(), c.memorySize());
        e.expect(fn, "timeout", p.timeout(), c.timeout());
        if (p.role() != null) {
            e.expected(t.get("check.r.is", fn, "role", p.role()));
            String physicalRole = role == null ? null : role.physicalResourceId();
            if (physicalRole == null || c.role() == null || !c.role().endsWith("/" + physicalRole)) {
                e.mismatch(fn, "role", String.valueOf(c.role()));
            }
        }
        Map<String, String> env = c.environment() == null || c.environment().variables() == null ? Map.of() : c.environment().variables();
        p.environment().forEach((key, want) -> {
            e.expected(t.get("check.r.is", fn, key, want));
            String got = env.get(key);
            if (got == null || !("*".equals(want) || want.equals(got))) {
                e.mismatch(fn, key, got == null ? t.get("check.r.none") : got);
            }
        });
        return e.verdict(fn);
    }
}
