package dev.tierlab.app;

import dev.tierlab.check.Checks;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Deployer;
import dev.tierlab.provision.Target;
import dev.tierlab.provision.TargetKind;
import dev.tierlab.provision.Targets;
import dev.tierlab.workspace.LabWorkspace;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Deploy, destroy and the checks of a deployed workspace: finding the target (the one asked for,
 * else the one the workspace deployed to, else the sandbox), noting an interrupted earlier deploy,
 * deploying and destroying through {@link Deployer}, and telling a {@link WorkspaceFault} (the
 * learner's template, code or pom) from an error of the target or the machine. Progress, the plan
 * and the stack events go to the {@link Listener}; nothing is printed here.
 */
public final class DeployWorkflow {
    private final Services services;
    private final Listener listener;

    /** What a deploy tells the person watching it. */
    public interface Listener {
        /** A progress line: a message key ({@code deploy.*}, {@code target.starting}, …) and its arguments. */
        void progress(String key, Object... args);

        /**
         * The plan is ready; returns whether to execute it.
         *
         * @param ask whether the user must agree first (real AWS without {@code --yes})
         */
        boolean confirm(Deployer.Plan plan, boolean ask);

        /** A new stack event, in the order they happened. */
        void event(StackEvent event);
    }

    public DeployWorkflow(Services services, Listener listener) {
        this.services = services;
        this.listener = listener;
    }

    public Targets targets() {
        return new Targets(services.env(), services.sandbox().get(), what -> listener.progress("target.starting", what));
    }

    /** The target named by {@code request}; without one, the one {@code state} deployed to; else the sandbox. */
    public Target target(Targets.Request request, DeployState state) {
        if (request.kind() != null || state == null) {
            return targets().resolve(request);
        }
        Targets.Request previous = switch (state.target()) {
            case ENDPOINT -> new Targets.Request(TargetKind.ENDPOINT, state.endpoint(), null, null);
            case AWS -> new Targets.Request(TargetKind.AWS, null, request.profile(), request.region() != null ? request.region() : state.region());
            case SANDBOX -> new Targets.Request(TargetKind.SANDBOX, state.endpoint(), null, null); // restarted on the same port
            // the container it deployed to, which lives only as long as the process that started it
            case LOCALSTACK, FLOCI -> new Targets.Request(state.target(), state.endpoint(), null, null);
        };
        return targets().resolve(previous);
    }

    /** Says so when the last deploy or destroy of the workspace did not finish. */
    public void notePending(DeployState state) {
        if (state != null && state.pending() != null) {
            listener.progress("deploy.interruptedBefore", state.pending().operation(), state.pending().startedAt(), state.stack());
        }
    }

    /** A deployer on {@code aws} that reports to the listener; {@code ask}/{@code yes} as in {@link #deploy}. */
    public Deployer deployer(AwsClients aws, boolean ask, boolean yes) {
        return new Deployer(aws, new Deployer.Listener() {
            @Override
            public void progress(String key, Object... args) {
                listener.progress(key, args);
            }

            @Override
            public boolean confirm(Deployer.Plan plan) {
                return listener.confirm(plan, ask && !yes);
            }

            @Override
            public void event(StackEvent event) {
                listener.event(event);
            }
        });
    }

    /** True when {@code e}, thrown by {@link #deploy}, is the workspace's fault: graders count it against the learner. */
    public static boolean workspaceFault(TierlabException e) {
        return e instanceof WorkspaceFault;
    }

    /** A deploy's target and result. */
    public record Deployed(Target target, Deployer.Result result) {
    }

    /**
     * Deploys {@code lab}'s workspace: builds what is stale, uploads, plans and executes the change set.
     *
     * @param ask whether to ask before executing on real AWS ({@code yes} answers for the user)
     */
    public Deployed deploy(LabWorkspace lab, Targets.Request request, boolean ask, boolean yes) {
        if (lab.lab().deploy() == null) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.deploy.notDeployable", lab.lab().id());
        }
        // building runs the project's pom; on the sandbox its functions run here
        services.trust().requireForDeploy(lab.lab(), "tierlab deploy");
        DeployState previous = DeployState.read(lab.workspace()).orElse(null);
        notePending(previous);
        Target target = previous != null && previous.target().inContainer() && request.kind() == null
                // a container deployed to by an earlier process is gone with what was in it: deploy into a new one
                ? targets().resolve(new Targets.Request(previous.target(), null, null, null))
                : target(request, previous);
        if (previous != null && previous.target() != target.kind()) {
            throw new TierlabException(ExitCode.USAGE, "error.deploy.otherTarget", previous.target(), target.name());
        }
        try (AwsClients aws = new AwsClients(target)) {
            Deployer deployer = deployer(aws, ask && target.isAws(), yes);
            Deployer.Result result = deployer.deploy(lab.lab().id(), lab.workspace(), lab.lab().deploy(),
                    dir -> services.projectBuilder().get().packaged(dev.tierlab.build.MavenProject.read(dir),
                            built -> listener.progress("invoke.building", lab.workspace().relativize(built))));
            return new Deployed(target, result);
        }
    }

    /**
     * Deletes what the workspace deployed and forgets it; a no-op when it deployed nothing. Returns
     * the state that was destroyed, or null.
     */
    public DeployState destroy(java.nio.file.Path workspace, Targets.Request request) {
        DeployState state = DeployState.read(workspace).orElse(null);
        if (state == null) {
            return null;
        }
        notePending(state);
        destroy(workspace, state, target(request, state));
        return state;
    }

    /** Deletes the stack and artifacts {@code state} records on {@code target}; the workspace then forgets them. */
    public void destroy(java.nio.file.Path workspace, DeployState state, Target target) {
        try (AwsClients aws = new AwsClients(target)) {
            Deployer deployer = deployer(aws, false, true);
            state.withPending(new DeployState.Pending("destroy", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                    .write(workspace);
            deployer.destroy(state);
            DeployState.delete(workspace);
        }
    }

    /** What is left on the target of the deploy {@code state} recorded, after its destroy. */
    public java.util.List<String> leaksOf(DeployState state, Targets.Request request) {
        try (AwsClients aws = new AwsClients(target(request, state))) {
            return deployer(aws, false, true).leaksOf(state);
        }
    }

    /**
     * The checks of a workspace: local ones here, remote ones against the target it deployed to.
     * Fails before anything runs when a check would run the code of a lab the user does not trust
     * ({@link dev.tierlab.lab.LabTrust}).
     */
    public Checks checks(LabWorkspace lab, Targets.Request request) {
        return checks(lab, request, lab.lab().steps().stream().flatMap(s -> s.checks().stream()).toList());
    }

    /** {@link #checks(LabWorkspace, Targets.Request)} that will run {@code toRun} (trust is asked for those). */
    public Checks checks(LabWorkspace lab, Targets.Request request, java.util.List<dev.tierlab.lab.Lab.Check> toRun) {
        services.trust().requireForChecks(lab.lab(), toRun);
        DeployState state = DeployState.read(lab.workspace()).orElse(null);
        notePending(state);
        TargetKind kind = state != null ? state.target() : request.kindOrDefault();
        return new Checks(lab.lab().deploy(), lab.workspace(), services.projectBuilder().get(),
                services.localInvocation().apply(lab.workspace()), lab.progress(), state, kind.id(), Targets.expected(kind), () -> {
                    Target target = target(request, state);
                    if (target.kind() != state.target()) {
                        throw new TierlabException(ExitCode.USAGE, "error.check.otherTarget", state.target(), target.name());
                    }
                    return target;
                }, (key, args) -> services.msg().get(key, args), e -> services.msg().get(e.key(), e.args()),
                dev.tierlab.browser.Chromium.find(services.env()));
    }
}
