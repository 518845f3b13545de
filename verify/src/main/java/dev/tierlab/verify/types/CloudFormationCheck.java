package dev.tierlab.verify.types;

import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Expectations;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.Optional;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.ResourceStatus;
import software.amazon.awssdk.services.cloudformation.model.Stack;
import software.amazon.awssdk.services.cloudformation.model.StackResource;
import software.amazon.awssdk.services.cloudformation.model.StackStatus;

/**
 * {@code cloudformation}: the workspace's stack is in a state (by default CREATE_COMPLETE or
 * UPDATE_COMPLETE), and optionally one of its resources exists with a type and a status.
 */
public final class CloudFormationCheck extends BaseCheckType<CloudFormationCheck.Params> {
    /**
     * @param status         the stack's status; default: CREATE_COMPLETE or UPDATE_COMPLETE
     * @param resource       a logical id of the template
     * @param resourceType   e.g. AWS::Lambda::Function
     * @param resourceStatus e.g. CREATE_COMPLETE
     */
    public record Params(StackStatus status, String resource, String resourceType, ResourceStatus resourceStatus) {
        public Params {
            if (status == StackStatus.UNKNOWN_TO_SDK_VERSION || resourceStatus == ResourceStatus.UNKNOWN_TO_SDK_VERSION) {
                throw new IllegalArgumentException("not a CloudFormation status");
            }
        }
    }

    public CloudFormationCheck() {
        super("cloudformation", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        String stackName = context.deployment().stack();
        Optional<Stack> stack;
        try {
            stack = context.aws().cloudFormation().describeStacks(b -> b.stackName(stackName)).stacks().stream()
                    .filter(s -> s.stackStatus() != StackStatus.DELETE_COMPLETE).findFirst();
        } catch (CloudFormationException e) {
            stack = Optional.empty();
        }
        StackResource resource = p.resource() == null ? null : context.resources().get(p.resource());
        return judge(p, stackName, stack.map(Stack::stackStatus).orElse(null), resource, context.texts());
    }

    /** @param status the stack's status, null when there is no stack */
    static Verdict judge(Params p, String stackName, StackStatus status, StackResource resource, Texts t) {
        String exp = t.get("check.r.stack", stackName, p.status() == null ? "CREATE_COMPLETE | UPDATE_COMPLETE" : p.status());
        if (status == null) {
            return Verdict.fail(exp, t.get("check.r.missing", stackName));
        }
        boolean ok = p.status() == null ? status == StackStatus.CREATE_COMPLETE || status == StackStatus.UPDATE_COMPLETE
                : status == p.status();
        if (!ok) {
            return Verdict.fail(exp, t.get("check.r.stack", stackName, status));
        }
        if (p.resource() == null) {
            return Verdict.pass(exp, t.get("check.r.stack", stackName, status));
        }
        Expectations e = new Expectations(t).expected(t.get("check.r.exists", p.resource()));
        if (resource == null) {
            return Verdict.fail(e.expectedText(p.resource()), t.get("check.r.missing", p.resource()));
        }
        e.expect(p.resource(), "resourceType", p.resourceType(), resource.resourceType());
        e.expect(p.resource(), "resourceStatus", p.resourceStatus(), resource.resourceStatus());
        return e.verdict(p.resource());
    }
}
