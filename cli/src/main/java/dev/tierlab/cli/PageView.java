package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.render.TerminalRenderer;
import java.util.ArrayList;
import java.util.List;

/** Shows one lesson page and records it as read: used by {@code read}, {@code next} and {@code back}. */
final class PageView {
    private final CliContext ctx;

    PageView(CliContext ctx) {
        this.ctx = ctx;
    }

    void show(Chapter chapter, int number) {
        Messages msg = ctx.msg();
        Chapter.PageText text = chapter.text(number, ctx.settings().lang()).orElseThrow(() ->
                new TierlabException(ExitCode.NOT_FOUND, "error.unknownPage", number, chapter.id(), chapter.pageCount()));
        TerminalRenderer renderer = ctx.renderer();
        List<String> lines = new ArrayList<>(renderer.wrapPlain(msg.get("read.header", chapter.id(), number,
                chapter.pageCount(), chapter.title().get(ctx.settings().lang())), "", ""));
        if (text.fallback()) {
            lines.addAll(renderer.wrapPlain(msg.get("read.fallback", msg.get("lang." + ctx.settings().lang().code()),
                    msg.get("lang." + text.lang().code())), "", ""));
        }
        lines.add("");
        lines.addAll(renderer.render(text.markdown()));
        lines.add("");
        lines.addAll(renderer.wrapPlain(footer(chapter, number, msg), "", ""));
        try {
            ctx.progress().update(p -> p.withPageRead(chapter.id(), number));
        } catch (TierlabException e) {
            lines.add("");
            lines.addAll(renderer.wrapPlain(msg.get("progress.notSaved", msg.get(e.key(), e.args())), "", ""));
        }
        ctx.pager().show(lines);
    }

    private String footer(Chapter chapter, int number, Messages msg) {
        if (number < chapter.pageCount()) {
            return ctx.isShell() ? msg.get("read.nextShell") : msg.get("read.nextOneShot", chapter.id(), number + 1);
        }
        return chapter.quiz().size() > 0 ? msg.get("read.quizHint", chapter.id()) : msg.get("read.chapterEnd");
    }
}
