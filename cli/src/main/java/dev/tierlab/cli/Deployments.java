package dev.tierlab.cli;

import dev.tierlab.check.Checks;
import dev.tierlab.check.RemoteChecks;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Deployer;
import dev.tierlab.provision.Target;
import dev.tierlab.provision.Targets;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Set;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * What deploy, destroy and check share in the CLI: finding the target (the one given, else the one
 * the workspace deployed to, else the sandbox), saying when an earlier deploy was interrupted, and
 * printing the plan and the stack events.
 */
final class Deployments {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final CliContext ctx;

    Deployments(CliContext ctx) {
        this.ctx = ctx;
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
            case "endpoint" -> new Targets.Request("endpoint", state.endpoint(), null, null);
            case "aws" -> new Targets.Request("aws", null, options.profile, options.region != null ? options.region : state.region());
            case "sandbox" -> new Targets.Request("sandbox", state.endpoint(), null, null); // restarted on the same port
            default -> new Targets.Request(state.target(), null, null, null);
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
                ctx.out().println("  " + (e.timestamp() == null ? "--:--:--" : CLOCK.format(e.timestamp())) + "  "
                        + pad(e.resourceStatusAsString(), 20) + " " + pad(e.logicalResourceId(), 24) + " " + e.resourceType() + reason);
                ctx.out().flush();
            }
        };
    }

    private void printPlan(Deployer.Plan plan) {
        Messages msg = ctx.msg();
        ctx.say(msg.get("deploy.plan", plan.stack(), plan.target(), plan.account(), plan.region()));
        for (Deployer.Change c : plan.changes()) {
            String mark = switch (c.action()) {
                case "Add" -> "+";
                case "Remove" -> "-";
                default -> "~";
            };
            String replace = "True".equals(c.replacement()) ? "  " + msg.get("deploy.replaced")
                    : "Conditional".equals(c.replacement()) ? "  " + msg.get("deploy.mayBeReplaced") : "";
            ctx.out().println("  " + mark + " " + pad(c.action(), 7) + " " + pad(c.logicalId(), 24) + " " + c.type() + replace);
        }
        ctx.out().flush();
    }

    private static String pad(String s, int width) {
        String v = s == null ? "" : s;
        return v.length() >= width ? v : v + " ".repeat(width - v.length());
    }

    /**
     * The checks of a workspace: local ones here, remote ones against the target it deployed to.
     * Fails before anything runs when the lab is not bundled, has {@code command} checks and
     * {@code --trust} was not given ({@link dev.tierlab.lab.LabCatalog#requireTrusted}).
     */
    Checks checks(LabContext lab, TargetOptions options) {
        // refused before anything runs: command checks of a lab from elsewhere need --trust
        ctx.labs().requireTrusted(lab.lab(), ctx.options().trust());
        DeployState state = DeployState.read(lab.workspace()).orElse(null);
        notePending(state);
        var local = new dev.tierlab.check.LocalChecks(lab.workspace(), ctx.projectBuilder(), ctx.localInvocation(lab.workspace()), lab.progress(),
                (key, args) -> ctx.msg().get(key, args));
        return new Checks(local, state, () -> {
            Target target = target(options, state);
            if (!target.name().equals(state.target())) {
                throw new TierlabException(ExitCode.USAGE, "error.check.otherTarget", state.target(), target.name());
            }
            AwsClients aws = new AwsClients(target);
            Set<String> caps = target.capabilities();
            return new Checks.Remote(target.name(), caps, new RemoteChecks(aws, state, (key, args) -> ctx.msg().get(key, args)));
        }, (key, args) -> ctx.msg().get(key, args));
    }
}
