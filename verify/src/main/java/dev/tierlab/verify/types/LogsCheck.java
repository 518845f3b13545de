package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/** {@code logs}: a CloudWatch Logs group exists, and optionally one of its events contains a text. */
public final class LogsCheck extends BaseCheckType<LogsCheck.Params> {
    /** @param group a log group's logical id in the stack, or its name */
    public record Params(@JsonProperty(required = true) String group, String contains) {
    }

    public LogsCheck() {
        super("logs", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        StackResource r = context.resources().get(p.group());
        String group = r != null ? r.physicalResourceId() : p.group();
        var logs = context.aws().logs();
        boolean exists = logs.describeLogGroups(b -> b.logGroupNamePrefix(group)).logGroups().stream()
                .anyMatch(g -> group.equals(g.logGroupName()));
        boolean found = exists && p.contains() != null && logs.filterLogEventsPaginator(b -> b.logGroupName(group)).events().stream()
                .anyMatch(e -> e.message() != null && e.message().contains(p.contains()));
        return judge(p, group, exists, found, context.texts());
    }

    static Verdict judge(Params p, String group, boolean exists, boolean found, Texts t) {
        if (!exists) {
            return Verdict.fail(t.get("check.r.exists", group), t.get("check.r.missing", group));
        }
        if (p.contains() == null) {
            return Verdict.pass(t.get("check.r.exists", group), t.get("check.r.asExpected"));
        }
        String exp = t.get("check.r.contains", group, p.contains());
        return found ? Verdict.pass(exp, t.get("check.found")) : Verdict.fail(exp, t.get("check.notFound"));
    }
}
