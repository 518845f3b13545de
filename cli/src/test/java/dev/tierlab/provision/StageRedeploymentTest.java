package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.cloudformation.model.Replacement;

/** When an update leaves a stage on an older snapshot of its API (the calls themselves: LabTestIT, on the sandbox). */
class StageRedeploymentTest {
    private static Deployer.Plan plan(boolean create, Deployer.Change... changes) {
        return new Deployer.Plan(TargetKind.AWS, "123456789012", "us-east-1", "tierlab-x", create, List.of(changes));
    }

    private static Deployer.Change change(ChangeAction action, String id, String type, Replacement replacement) {
        return new Deployer.Change(action, id, type, replacement);
    }

    @Test
    void aMethodAddedByAnUpdateNeedsANewDeployment() {
        assertTrue(StageRedeployment.needed(plan(false,
                change(ChangeAction.ADD, "OptionsTicketsMethod", "AWS::ApiGateway::Method", null))));
        assertTrue(StageRedeployment.needed(plan(false,
                change(ChangeAction.MODIFY, "PostTicketsMethod", "AWS::ApiGateway::Method", Replacement.FALSE),
                change(ChangeAction.MODIFY, "TicketsDeployment", "AWS::ApiGateway::Deployment", Replacement.FALSE))),
                "a deployment modified in place is still the old snapshot");
    }

    @Test
    void aNewStackANewDeploymentOrNoApiChangeNeedsNone() {
        assertFalse(StageRedeployment.needed(plan(true,
                change(ChangeAction.ADD, "GetTicketsMethod", "AWS::ApiGateway::Method", null))));
        assertFalse(StageRedeployment.needed(plan(false,
                change(ChangeAction.ADD, "OptionsTicketsMethod", "AWS::ApiGateway::Method", null),
                change(ChangeAction.ADD, "TicketsDeployment2", "AWS::ApiGateway::Deployment", null))));
        assertFalse(StageRedeployment.needed(plan(false,
                change(ChangeAction.MODIFY, "SiteDistribution", "AWS::CloudFront::Distribution", Replacement.FALSE),
                change(ChangeAction.MODIFY, "TicketsFunction", "AWS::Lambda::Function", Replacement.FALSE))));
    }
}
