package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.check.Checks;
import dev.tierlab.check.RemoteChecks;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Deployer;
import dev.tierlab.provision.Target;
import dev.tierlab.provision.TargetKind;
import dev.tierlab.provision.Targets;
import dev.tierlab.render.DisplayWidth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.cloudformation.model.Replacement;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * What deploy, destroy and check share in the CLI: finding the target (the one given, else the one
 * the workspace deployed to, else the sandbox), saying when an earlier deploy was interrupted, and
 * printing the plan and the stack events.
 */
final class Deployments {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final CliContext ctx;
    private final java.io.PrintWriter show;

    Deployments(CliContext ctx) {
        this(ctx, ctx.out());
    }

    /** @param show where the plan and stack events go: standard error when standard output carries a report */
    Deployments(CliContext ctx, java.io.PrintWriter show) {
        this.ctx = ctx;
        this.show = show;
    }

    Targets targets() {
        return new Targets(ctx.env(), SandboxCommand.sandbox(ctx), what -> ctx.err().println(ctx.msg().get("target.starting", what)));
    }

    /** The target named by the options; without them, the one {@code state} deployed to; else the sandbox. */
    Target target(TargetOptions options, DeployState state) {
        if (options.given() || state == null) {
            return targets().resolve(options.request());
        }
        Targets.Request previous = switch (state.target()) {
            case ENDPOINT -> new Targets.Request(TargetKind.ENDPOINT, state.endpoint(), null, null);
            case AWS -> new Targets.Request(TargetKind.AWS, null, options.profile, options.region != null ? options.region : state.region());
            case SANDBOX -> new Targets.Request(TargetKind.SANDBOX, state.endpoint(), null, null); // restarted on the same port
            // the container it deployed to, which lives only as long as the process that started it
            case LOCALSTACK, FLOCI -> new Targets.Request(state.target(), state.endpoint(), null, null);
        };
        return targets().resolve(previous);
    }

    /** Says so when the last deploy or destroy of the workspace did not finish. */
    void notePending(DeployState state) {
        if (state != null && state.pending() != null) {
            ctx.err().println(ctx.msg().get("deploy.interruptedBefore", state.pending().operation(), state.pending().startedAt(), state.stack()));
            ctx.err().flush();
        }
    }

    Deployer.Listener listener(boolean ask, boolean yes) {
        Messages msg = ctx.msg();
        return new Deployer.Listener() {
            @Override
            public void progress(String key, Object... args) {
                ctx.err().println(msg.get(key, args));
                ctx.err().flush();
            }

            @Override
            public boolean confirm(Deployer.Plan plan) {
                printPlan(plan);
                if (!ask || yes) {
                    return true;
                }
                return ctx.confirm(msg.get("deploy.ask", plan.account(), plan.region()));
            }

            @Override
            public void event(StackEvent e) {
                String reason = e.resourceStatusReason() == null || e.resourceStatusReason().isBlank() ? "" : "  " + e.resourceStatusReason();
                show.println("  " + (e.timestamp() == null ? "--:--:--" : CLOCK.format(e.timestamp())) + "  "
                        + DisplayWidth.padRight(e.resourceStatusAsString(), 20) + " " + DisplayWidth.padRight(e.logicalResourceId(), 24) + " " + e.resourceType() + reason);
                show.flush();
            }
        };
    }

    private void printPlan(Deployer.Plan plan) {
        Messages msg = ctx.msg();
        show.println(msg.get("deploy.plan", plan.stack(), plan.target(), plan.account(), plan.region()));
        for (Deployer.Change c : plan.changes()) {
            String mark = c.action() == ChangeAction.ADD ? "+" : c.action() == ChangeAction.REMOVE ? "-" : "~";
            String replace = c.replacement() == Replacement.TRUE ? "  " + msg.get("deploy.replaced")
                    : c.replacement() == Replacement.CONDITIONAL ? "  " + msg.get("deploy.mayBeReplaced") : "";
            show.println("  " + mark + " " + DisplayWidth.padRight(c.action() == ChangeAction.UNKNOWN_TO_SDK_VERSION ? "?" : c.action().toString(), 7) + " " + DisplayWidth.padRight(c.logicalId(), 24) + " " + c.type() + replace);
        }
        show.flush();
    }

    /** True when {@code e}, thrown by {@link #deploy}, is the workspace's fault: graders count it against the learner. */
    static boolean workspaceFault(TierlabException e) {
        return e instanceof dev.tierlab.error.WorkspaceFault;
    }

    /** A deploy's target and result. */
    record Deployed(Target target, Deployer.Result result) {
    }

    /**
     * Deploys {@code lab}'s workspace: builds what is stale, uploads, plans and executes the change set.
     *
     * @param ask whether to ask before executing on real AWS ({@code yes} answers for the user)
     */
    Deployed deploy(LabWorkspace lab, TargetOptions options, boolean ask, boolean yes) {
        if (lab.lab().deploy() == null) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.deploy.notDeployable", lab.lab().id());
        }
        DeployState previous = DeployState.read(lab.workspace()).orElse(null);
        notePending(previous);
        Target target = previous != null && previous.target().inContainer() && !options.given()
                // a container deployed to by an earlier process is gone with what was in it: deploy into a new one
                ? targets().resolve(new Targets.Request(previous.target(), null, null, null))
                : target(options, previous);
        if (previous != null && previous.target() != target.kind()) {
            throw new TierlabException(ExitCode.USAGE, "error.deploy.otherTarget", previous.target(), target.name());
        }
        Messages msg = ctx.msg();
        try (AwsClients aws = new AwsClients(target)) {
            Deployer deployer = new Deployer(aws, listener(ask && target.isAws(), yes));
            Deployer.Result result = deployer.deploy(lab.lab().id(), lab.workspace(), lab.lab().deploy(),
                    dir -> ctx.projectBuilder().packaged(dev.tierlab.build.MavenProject.read(dir),
                            built -> ctx.err().println(msg.get("invoke.building", lab.workspace().relativize(built)))));
            return new Deployed(target, result);
        }
    }

    /**
     * Deletes what the workspace deployed and forgets it; a no-op when it deployed nothing. Returns
     * the state that was destroyed, or null.
     */
    DeployState destroy(java.nio.file.Path workspace, TargetOptions options) {
        DeployState state = DeployState.read(workspace).orElse(null);
        if (state == null) {
            return null;
        }
        notePending(state);
        destroy(workspace, state, target(options, state));
        return state;
    }

    /** Deletes the stack and artifacts {@code state} records on {@code target}; the workspace then forgets them. */
    void destroy(java.nio.file.Path workspace, DeployState state, Target target) {
        try (AwsClients aws = new AwsClients(target)) {
            Deployer deployer = new Deployer(aws, listener(false, true));
            state.withPending(new DeployState.Pending("destroy", java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString()))
                    .write(workspace);
            deployer.destroy(state);
            DeployState.delete(workspace);
        }
    }

    /** What is left on the target of the deploy {@code state} recorded, after its destroy. */
    java.util.List<String> leaksOf(DeployState state, TargetOptions options) {
        try (AwsClients aws = new AwsClients(target(options, state))) {
            return new Deployer(aws, listener(false, true)).leaksOf(state);
        }
    }

    /**
     * The checks of a workspace: local ones here, remote ones against the target it deployed to.
     * Fails before anything runs when the lab is not bundled, has {@code command} checks and
     * {@code --trust} was not given ({@link dev.tierlab.lab.LabCatalog#requireTrusted}).
     */
    Checks checks(LabWorkspace lab, TargetOptions options) {
        // refused before anything runs: command checks of a lab from elsewhere need --trust
        ctx.labs().requireTrusted(lab.lab(), ctx.options().trust());
        DeployState state = DeployState.read(lab.workspace()).orElse(null);
        notePending(state);
        var local = new dev.tierlab.check.LocalChecks(lab.workspace(), ctx.projectBuilder(), ctx.localInvocation(lab.workspace()), lab.progress(),
                (key, args) -> ctx.msg().get(key, args));
        return new Checks(local, state, () -> {
            Target target = target(options, state);
            if (target.kind() != state.target()) {
                throw new TierlabException(ExitCode.USAGE, "error.check.otherTarget", state.target(), target.name());
            }
            AwsClients aws = new AwsClients(target);
            Set<dev.tierlab.verify.Capability> caps = target.capabilities();
            return new Checks.Remote(target.name(), caps, new RemoteChecks(aws, state, (key, args) -> ctx.msg().get(key, args)));
        }, (key, args) -> ctx.msg().get(key, args));
    }
}
