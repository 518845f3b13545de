package dev.tierlab.provision;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.WorkspaceFault;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.apigateway.model.ApiGatewayException;
import software.amazon.awssdk.services.cloudformation.model.Replacement;

/**
 * Makes a stack update's API changes live. On AWS an API Gateway deployment is a snapshot of the API,
 * and CloudFormation leaves an {@code AWS::ApiGateway::Deployment} whose definition did not change as it
 * was: a method the update added (say the presentation lab's {@code OPTIONS /tickets}) exists on the API
 * but not on its stage, and answers 403 there. The CDK documents the same and hashes the deployment's
 * logical id around it; a learner's plain template cannot. So after an update that changed the API's
 * model without making a new deployment, tierlab deploys every stage of the stack's REST APIs again, as
 * the console's <i>Deploy API</i> does: the stage keeps its name and settings and points to a new
 * deployment of the current API.
 */
public final class StageRedeployment {
    /** The resource types whose changes a stage shows only after a new deployment. */
    private static final Set<String> MODEL = Set.of("AWS::ApiGateway::Method", "AWS::ApiGateway::Resource",
            "AWS::ApiGateway::Authorizer", "AWS::ApiGateway::Model", "AWS::ApiGateway::RequestValidator",
            "AWS::ApiGateway::GatewayResponse");
    private static final String DEPLOYMENT = "AWS::ApiGateway::Deployment";

    private final AwsClients aws;

    public StageRedeployment(AwsClients aws) {
        this.aws = aws;
    }

    /** Whether {@code plan}, once carried out, leaves a stage on an older snapshot of its API. */
    public static boolean needed(Deployer.Plan plan) {
        if (plan.create()) {
            return false; // the deployment is made after the methods it DependsOn
        }
        boolean modelChanged = plan.changes().stream().anyMatch(c -> MODEL.contains(c.type()));
        boolean newDeployment = plan.changes().stream().anyMatch(c -> DEPLOYMENT.equals(c.type())
                && (c.action() == ChangeAction.ADD || c.replacement() == Replacement.TRUE));
        return modelChanged && !newDeployment;
    }

    /**
     * Deploys every stage of the REST APIs of {@code stack} again. API Gateway refuses a deployment of an
     * API it finds incomplete (a method without an integration, say), which CloudFormation never asked it
     * to deploy: that is the learner's to fix, and the fault names the stage and API Gateway's message.
     *
     * @return the stages deployed, as {@code <api-id>/<stage>}
     */
    public List<String> redeploy(String stack) {
        List<String> apis = aws.cloudFormation().describeStackResources(b -> b.stackName(stack)).stackResources().stream()
                .filter(r -> "AWS::ApiGateway::RestApi".equals(r.resourceType()) && r.physicalResourceId() != null)
                .map(r -> r.physicalResourceId()).toList();
        List<String> deployed = new ArrayList<>();
        for (String api : apis) {
            for (var stage : aws.apiGateway().getStages(b -> b.restApiId(api)).item()) {
                try {
                    aws.apiGateway().createDeployment(b -> b.restApiId(api).stageName(stage.stageName())
                            .description("tierlab deploy: the API changed, the stage's deployment did not"));
                } catch (ApiGatewayException e) {
                    throw new WorkspaceFault(ExitCode.FAILED, e, "error.deploy.stage", api + "/" + stage.stageName(), Deployer.message(e));
                }
                deployed.add(api + "/" + stage.stageName());
            }
        }
        return deployed;
    }
}
