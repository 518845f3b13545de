package dev.tierlab.cli;

import dev.tierlab.build.MavenProject;
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
        LabContext lab = LabContext.of(ctx, workspaceOption.dir);
        if (lab.lab().deploy() == null) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.deploy.notDeployable", lab.lab().id());
        }
        Deployments deployments = new Deployments(ctx);
        DeployState previous = DeployState.read(lab.workspace()).orElse(null);
        deployments.notePending(previous);
        Target target = deployments.target(targetOptions, previous);
        if (previous != null && !previous.target().equals(target.name())) {
            throw new TierlabException(ExitCode.USAGE, "error.deploy.otherTarget", previous.target(), target.name());
        }
        Messages msg = ctx.msg();
        long start = System.nanoTime();
        try (AwsClients aws = new AwsClients(target)) {
            Deployer deployer = new Deployer(aws, deployments.listener(target.isAws(), yes));
            Deployer.Result result = deployer.deploy(lab.lab().id(), lab.workspace(), lab.lab().deploy(),
                    dir -> ctx.projectBuilder().packaged(MavenProject.read(dir),
                            built -> ctx.err().println(msg.get("invoke.building", lab.workspace().relativize(built)))));
            long seconds = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            switch (result.outcome()) {
                case DECLINED -> {
                    ctx.say(msg.get("deploy.declined"));
                    return ExitCode.CANCELLED.code();
                }
                case NO_CHANGES -> ctx.say(msg.get("deploy.noChanges", result.state().stack()));
                case DEPLOYED -> ctx.say(msg.get("deploy.done", result.state().stack(), target.name(), String.format(java.util.Locale.ROOT, "%.1f", seconds / 1000.0)));
            }
            for (Map.Entry<String, String> o : result.state().outputs().entrySet()) {
                String shown = target.reachable(o.getValue());
                ctx.out().println("  " + o.getKey() + " = " + shown);
            }
            ctx.say(msg.get("deploy.next"));
            return 0;
        }
    }
}
