package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.ChapterStatus;
import dev.tierlab.progress.Progress;
import dev.tierlab.render.TerminalRenderer;
import java.io.PrintWriter;
import java.util.List;
import java.util.stream.Collectors;

/** The list of chapters with done / in-progress marks, shown by {@code lessons} and the welcome screen. */
final class CourseMap {
    private final CliContext ctx;

    CourseMap(CliContext ctx) {
        this.ctx = ctx;
    }

    void print(Progress progress, boolean details) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        PrintWriter out = ctx.out();
        List<Chapter> chapters = ctx.course().chapters();
        int idWidth = chapters.stream().mapToInt(c -> c.id().length()).max().orElse(0);
        TerminalRenderer renderer = ctx.renderer();
        ctx.say(msg.get("course.title"));
        for (int i = 0; i < chapters.size(); i++) {
            Chapter c = chapters.get(i);
            String mark = switch (ChapterStatus.of(c, progress)) {
                case DONE -> "[x]";
                case IN_PROGRESS -> "[~]";
                case NEW -> "[ ]";
            };
            String prefix = String.format("%2d. %s %-" + idWidth + "s  ", i + 1, mark, c.id());
            String indent = " ".repeat(prefix.length());
            renderer.wrapPlain(c.title().get(lang), prefix, indent).forEach(out::println);
            if (details) {
                String langs = c.languages().stream().map(Lang::code).sorted().collect(Collectors.joining(", "));
                renderer.wrapPlain(msg.get("course.details", c.pageCount(), c.quiz().size(), langs), indent, indent)
                        .forEach(out::println);
            }
        }
        ctx.say(msg.get("course.legend"));
        out.flush();
    }
}
