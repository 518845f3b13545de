package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.i18n.Lang;
import dev.tierlab.progress.ChapterStatus;
import dev.tierlab.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "lessons", mixinStandardHelpOptions = true)
final class LessonsCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--json")
    boolean json;

    LessonsCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Progress progress = ctx.progress().load();
        if (json) {
            List<Map<String, Object>> chapters = new ArrayList<>();
            for (Chapter c : ctx.course().chapters()) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("id", c.id());
                m.put("title", c.title().get(ctx.settings().lang()));
                m.put("languages", c.languages().stream().map(Lang::code).sorted().toList());
                m.put("pages", c.pageCount());
                m.put("quiz", c.quiz().size());
                m.put("lab", c.lab());
                m.put("done", ChapterStatus.of(c, progress) == ChapterStatus.DONE);
                chapters.add(m);
            }
            JsonOutput.print(ctx.out(), Map.of("chapters", chapters));
        } else {
            new CourseMap(ctx).print(progress, true);
        }
        return 0;
    }
}
