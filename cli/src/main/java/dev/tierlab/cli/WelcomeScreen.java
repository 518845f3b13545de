package dev.tierlab.cli;

import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.Progress;
import java.io.PrintWriter;

/** The shell's first screen: the course map and where to continue. */
final class WelcomeScreen {
    private final CliContext ctx;

    WelcomeScreen(CliContext ctx) {
        this.ctx = ctx;
    }

    void print() {
        Messages msg = ctx.msg();
        PrintWriter out = ctx.out();
        Progress progress = ctx.progress().load();
        ctx.say(msg.get("welcome.banner"));
        out.println();
        new CourseMap(ctx).print(progress, false);
        out.println();
        Progress.Position pos = progress.current();
        if (pos == null || ctx.course().find(pos.chapter()).isEmpty()) {
            ctx.course().after(null).ifPresent(first -> ctx.say(msg.get("welcome.start", first.chapter())));
        } else {
            ctx.say(msg.get("welcome.continue", pos.chapter(), pos.page()));
        }
        ctx.say(msg.get("welcome.help"));
        out.flush();
    }
}
