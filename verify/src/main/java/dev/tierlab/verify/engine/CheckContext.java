package dev.tierlab.verify.engine;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.util.Map;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * What a check type runs against: the workspace and this machine, the learner, and — for
 * {@link Scope#DEPLOYED} types — the deployed stack and the target's clients. Given by the
 * {@link CheckRunner}; one context serves every check of a run.
 */
public interface CheckContext {
    Path workspace();

    /** The lab's CloudFormation template, relative to the workspace; null when the lab deploys nothing. */
    String deployTemplate();

    Texts texts();

    LocalProject local();

    Learner learner();

    /** The deployed stack; only for {@link Scope#DEPLOYED} types (the runner blocks them when nothing is deployed). */
    Deployment deployment();

    /** The target's clients, connected on first use; only for {@link Scope#DEPLOYED} types. */
    AwsApi aws();

    /** The stack's resources by logical id, read once per run. */
    Map<String, StackResource> resources();

    /** The physical id of a resource of the stack; {@link MissingResource} when it is not there. */
    default String physical(String logicalId) {
        StackResource r = resources().get(logicalId);
        if (r == null || r.physicalResourceId() == null) {
            throw new MissingResource(logicalId);
        }
        return r.physicalResourceId();
    }

    /** Values earlier checks captured in this run ({@code ${vars.X}}); a check may add to it. */
    Map<String, String> vars();

    HttpClient http();

    /** This machine's browser (only for checks whose type needs {@code browser}: the runner knows it is there). */
    Browser browser();
}
