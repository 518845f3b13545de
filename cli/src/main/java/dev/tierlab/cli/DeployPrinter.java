package dev.tierlab.cli;

import dev.tierlab.app.DeployWorkflow;
import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.Deployer;
import dev.tierlab.render.DisplayWidth;
import java.io.PrintWriter;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import software.amazon.awssdk.services.cloudformation.model.ChangeAction;
import software.amazon.awssdk.services.cloudformation.model.Replacement;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * How deploy, destroy, check, grade and lab test show a deploy: progress lines on standard error, the
 * plan and the stack events on {@code show}, and the question before real AWS is changed.
 */
final class DeployPrinter implements DeployWorkflow.Listener {
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss").withZone(ZoneId.systemDefault());
    private final CliContext ctx;
    private final PrintWriter show;

    /** @param show where the plan and stack events go: standard error when standard output carries a report */
    DeployPrinter(CliContext ctx, PrintWriter show) {
        this.ctx = ctx;
        this.show = show;
    }

    @Override
    public void progress(String key, Object... args) {
        ctx.err().println(ctx.msg().get(key, args));
        ctx.err().flush();
    }

    @Override
    public boolean confirm(Deployer.Plan plan, boolean ask) {
        printPlan(plan);
        if (!ask) {
            return true;
        }
        return ctx.confirm(ctx.msg().get("deploy.ask", plan.account(), plan.region()));
    }

    @Override
    public void event(StackEvent e) {
        String reason = e.resourceStatusReason() == null || e.resourceStatusReason().isBlank() ? "" : "  " + e.resourceStatusReason();
        show.println("  " + (e.timestamp() == null ? "--:--:--" : CLOCK.format(e.timestamp())) + "  "
                + DisplayWidth.padRight(e.resourceStatusAsString(), 20) + " " + DisplayWidth.padRight(e.logicalResourceId(), 24) + " " + e.resourceType() + reason);
        show.flush();
    }

    private void printPlan(Deployer.Plan plan) {
        Messages msg = ctx.msg();
        show.println(msg.get("deploy.plan", plan.stack(), plan.target(), plan.account(), plan.region()));
        for (Deployer.Change c : plan.changes()) {
            String mark = c.action() == ChangeAction.ADD ? "+" : c.action() == ChangeAction.REMOVE ? "-" : "~";
            String replace = c.replacement() == Replacement.TRUE ? "  " + msg.get("deploy.replaced")
                    : c.replacement() == Replacement.CONDITIONAL ? "  " + msg.get("deploy.mayBeReplaced") : "";
            show.println("  " + mark + " " + DisplayWidth.padRight(c.action() == ChangeAction.UNKNOWN_TO_SDK_VERSION ? "?" : c.action().toString(), 7)
                    + " " + DisplayWidth.padRight(c.logicalId(), 24) + " " + c.type() + replace);
        }
        show.flush();
    }
}
