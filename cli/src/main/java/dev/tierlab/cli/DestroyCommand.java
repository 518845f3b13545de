package dev.tierlab.cli;

import dev.tierlab.app.DeployWorkflow;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.i18n.Messages;
import dev.tierlab.workspace.Workspaces;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Deployer;
import dev.tierlab.provision.Target;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "destroy", mixinStandardHelpOptions = true)
final class DestroyCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--all")
    boolean all;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    DestroyCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Messages msg = ctx.msg();
        DeployWorkflow deployments = ctx.deployWorkflow(ctx.out());
        if (all) {
            Target target = deployments.target(targetOptions.request(), null);
            if (!yes && !ctx.confirm(msg.get("destroy.askAll", target.name()))) {
                ctx.say(msg.get("destroy.declined"));
                return ExitCode.CANCELLED.code();
            }
            try (AwsClients aws = new AwsClients(target)) {
                Deployer deployer = deployments.deployer(aws, false, true);
                List<String> removed = deployer.destroyAll();
                forgetHere();
                ctx.say(msg.get("destroy.allDone", removed.size(), target.name()));
                return leakScan(deployer, target);
            }
        }
        Path workspace = Workspaces.find(workspaceOption.dir, ctx.env().workingDir(), () -> ctx.progress().load());
        if (new Workspace(workspace, Clock.systemUTC()).marker().isEmpty()) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", workspace);
        }
        DeployState state = DeployState.read(workspace).orElse(null);
        if (state == null) {
            ctx.say(msg.get("destroy.nothing", workspace));
            return 0;
        }
        deployments.notePending(state);
        Target target = deployments.target(targetOptions.request(), state);
        if (target.isAws() && !yes && !ctx.confirm(msg.get("destroy.ask", state.stack(), state.account(), state.region()))) {
            ctx.say(msg.get("destroy.declined"));
            return ExitCode.CANCELLED.code();
        }
        deployments.destroy(workspace, state, target);
        ctx.say(msg.get("destroy.done", state.stack(), target.name()));
        return 0;
    }

    /** After destroy --all the current workspace's record of a deploy is stale. */
    private void forgetHere() {
        try {
            Path workspace = Workspaces.find(workspaceOption.dir, ctx.env().workingDir(), () -> ctx.progress().load());
            DeployState.delete(workspace);
        } catch (TierlabException e) {
            // not in a workspace: nothing to forget
        }
    }

    private int leakScan(Deployer deployer, Target target) {
        List<String> left = deployer.leaks();
        if (left.isEmpty()) {
            ctx.say(ctx.msg().get("destroy.clean", target.name()));
            return 0;
        }
        ctx.say(ctx.msg().get("destroy.leaks", target.name(), String.join(", ", left)));
        return ExitCode.FAILED.code();
    }
}
