package dev.tierlab.cli;

import dev.tierlab.course.Course;
import dev.tierlab.progress.Progress;
import java.util.Optional;

/** Where the learner is in the course, as a course location; shared by the shell's navigation commands. */
final class NavigationCommands {
    private NavigationCommands() {
    }

    static Course.Location current(CliContext ctx) {
        Progress.Position pos = ctx.progress().load().current();
        if (pos == null || ctx.course().find(pos.chapter()).isEmpty()) {
            return null; // imported from a course version with other chapters: start from the beginning
        }
        int pages = ctx.course().chapter(pos.chapter()).pageCount();
        return new Course.Location(pos.chapter(), Math.min(pos.page(), pages));
    }

    /** Shows {@code target}, or prints {@code endKey} when there is no such page. */
    static int go(CliContext ctx, Optional<Course.Location> target, String endKey) {
        if (target.isEmpty()) {
            ctx.out().println(ctx.msg().get(endKey));
            return 0;
        }
        Course.Location loc = target.get();
        new PageView(ctx).show(ctx.course().chapter(loc.chapter()), loc.page());
        return 0;
    }
}
