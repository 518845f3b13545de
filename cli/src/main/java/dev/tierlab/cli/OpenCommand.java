package dev.tierlab.cli;

import dev.tierlab.app.DeployWorkflow;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Target;
import dev.tierlab.provision.TargetKind;
import dev.tierlab.provision.Targets;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Gives the learner a URL to open the deployed site (or API) in their own browser. On AWS that is the
 * output itself. On an emulator a distribution answers only to its Host header, so tierlab forwards a
 * local address to it and keeps forwarding until Ctrl-C.
 */
@Command(name = "open", mixinStandardHelpOptions = true)
final class OpenCommand implements Callable<Integer> {
    /** The outputs looked for, in order, when --output is not given. */
    static final List<String> DEFAULT_OUTPUTS = List.of("SiteUrl", "ApiUrl");

    private final CliContext ctx;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--output", paramLabel = "<name>")
    String output;

    OpenCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() throws Exception {
        Messages msg = ctx.msg();
        Path workspace = Workspaces.find(workspaceOption.dir, ctx.env().workingDir(), () -> ctx.progress().load());
        if (new Workspace(workspace, Clock.systemUTC()).marker().isEmpty()) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", workspace);
        }
        DeployState state = DeployState.read(workspace)
                .filter(s -> !s.outputs().isEmpty())
                .orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.open.notDeployed", workspace));
        String name = output != null ? output
                : DEFAULT_OUTPUTS.stream().filter(state.outputs()::containsKey).findFirst().orElse(null);
        String url = name == null ? null : state.outputs().get(name);
        if (url == null || !url.matches("https?://.+")) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.open.noUrl", name == null ? String.join(", ", DEFAULT_OUTPUTS) : name,
                    String.join(", ", state.outputs().keySet()));
        }
        if (state.target() == TargetKind.AWS) {
            ctx.say(msg.get("open.url", name, url));
            return 0;
        }
        DeployWorkflow deployments = ctx.deployWorkflow(ctx.out());
        Target target = deployments.target(new Targets.Request(null, null, null, null), state);
        String local = target.reachable(url);
        if (local.matches("https?://[^/]+")) {
            local += "/"; // the site's root, as a browser shows it
        }
        if (!url.matches("https?://[a-z0-9]+\\.cloudfront\\.net(/.*)?")) {
            ctx.say(msg.get("open.url", name, local));
            return 0;
        }
        ctx.say(msg.get("open.forwarding", name, local, url.replaceFirst("^https?://", "").replaceFirst("/.*", ""), target.name()));
        ctx.out().flush();
        try {
            new CountDownLatch(1).await(); // until Ctrl-C: the shell interrupts this thread, a one-shot command ends
        } catch (InterruptedException e) {
            ctx.say(msg.get("open.stopped"));
        }
        return 0;
    }
}
