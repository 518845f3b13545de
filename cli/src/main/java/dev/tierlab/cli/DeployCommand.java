package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.app.DeployWorkflow;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Deployer;
import dev.tierlab.provision.Target;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "deploy", mixinStandardHelpOptions = true)
final class DeployCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    DeployCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabWorkspace lab = ctx.labWorkspace(workspaceOption.dir);
        Messages msg = ctx.msg();
        long start = System.nanoTime();
        DeployWorkflow.Deployed deployed = ctx.deployWorkflow(ctx.out()).deploy(lab, targetOptions.request(), true, yes);
        Deployer.Result result = deployed.result();
        Target target = deployed.target();
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        switch (result.outcome()) {
            case DECLINED -> {
                ctx.say(msg.get("deploy.declined"));
                return ExitCode.CANCELLED.code();
            }
            case NO_CHANGES -> ctx.say(msg.get("deploy.noChanges", result.state().stack()));
            case DEPLOYED -> ctx.say(msg.get("deploy.done", result.state().stack(), target.name(), String.format(java.util.Locale.ROOT, "%.1f", millis / 1000.0)));
        }
        for (Map.Entry<String, String> o : result.state().outputs().entrySet()) {
            ctx.out().println("  " + o.getKey() + " = " + target.reachable(o.getValue()));
        }
        ctx.say(msg.get("deploy.next"));
        return 0;
    }
}
