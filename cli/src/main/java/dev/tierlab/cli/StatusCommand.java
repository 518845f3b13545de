package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.ChapterStatus;
import dev.tierlab.progress.Progress;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "status", mixinStandardHelpOptions = true)
final class StatusCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--json")
    boolean json;

    StatusCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Progress progress = ctx.progress().load();
        List<Chapter> chapters = ctx.course().chapters();
        long done = chapters.stream().filter(c -> ChapterStatus.of(c, progress) == ChapterStatus.DONE).count();
        if (json) {
            printJson(progress, chapters, done);
            return 0;
        }
        Messages msg = ctx.msg();
        ctx.say(msg.get("status.summary", done, chapters.size()));
        Progress.Position pos = progress.current();
        ctx.say(pos == null ? msg.get("status.notStarted") : msg.get("status.current", pos.chapter(), pos.page()));
        ctx.say(msg.get("status.home", ctx.settings().home()));
        for (Chapter c : chapters) {
            Progress.ChapterProgress cp = progress.chapter(c.id());
            String quiz = cp.quiz() == null ? msg.get("status.noQuiz")
                    : msg.get("status.quiz", cp.quiz().score(), cp.quiz().max());
            ctx.say(msg.get("status.chapter", c.id(), msg.get("status." + statusName(ChapterStatus.of(c, progress))),
                    pagesRead(c, cp).size(), c.pageCount(), quiz));
        }
        progress.labs().forEach((id, lab) -> {
            Map<String, Long> counts = counts(lab);
            ctx.say(msg.get("status.lab", id, lab.checks().values().stream().mapToInt(Progress.CheckRecord::points).sum(),
                    lab.checks().values().stream().mapToInt(Progress.CheckRecord::max).sum(),
                    counts.getOrDefault("PASSED", 0L), counts.getOrDefault("FAILED", 0L), counts.getOrDefault("NOT_VERIFIABLE", 0L)));
            deployed(lab).ifPresent(d -> ctx.say(msg.get("status.deployed", d.stack(), d.target(), d.deployedAt() == null ? "-" : d.deployedAt())));
        });
        return 0;
    }

    private static Map<String, Long> counts(Progress.LabProgress lab) {
        return lab.checks().values().stream().collect(java.util.stream.Collectors.groupingBy(Progress.CheckRecord::status,
                java.util.stream.Collectors.counting()));
    }

    /** What the lab's workspace has deployed, if it still exists and has. */
    private static java.util.Optional<dev.tierlab.provision.DeployState> deployed(Progress.LabProgress lab) {
        if (lab.workspace() == null) {
            return java.util.Optional.empty();
        }
        try {
            return dev.tierlab.provision.DeployState.read(java.nio.file.Path.of(lab.workspace()));
        } catch (dev.tierlab.error.TierlabException e) {
            return java.util.Optional.empty();
        }
    }

    private void printJson(Progress progress, List<Chapter> chapters, long done) {
        List<Map<String, Object>> list = new ArrayList<>();
        for (Chapter c : chapters) {
            Progress.ChapterProgress cp = progress.chapter(c.id());
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", c.id());
            m.put("status", statusName(ChapterStatus.of(c, progress)));
            m.put("pages", c.pageCount());
            m.put("pagesRead", pagesRead(c, cp));
            m.put("quiz", cp.quiz() == null ? null : Map.of("score", cp.quiz().score(), "max", cp.quiz().max()));
            list.add(m);
        }
        Map<String, Object> labs = new LinkedHashMap<>();
        progress.labs().forEach((id, lab) -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("workspace", lab.workspace());
            m.put("checks", lab.checks());
            deployed(lab).ifPresent(d -> m.put("deployed", Map.of("target", d.target(), "stack", d.stack(), "outputs", d.outputs())));
            labs.put(id, m);
        });
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("current", progress.current());
        doc.put("done", done);
        doc.put("total", chapters.size());
        doc.put("chapters", list);
        doc.put("labs", labs);
        JsonOutput.print(ctx.out(), doc);
    }

    /** The pages read that exist in this chapter (a progress file may come from another course version). */
    private static List<Integer> pagesRead(Chapter c, Progress.ChapterProgress cp) {
        return cp.pagesRead().stream().filter(p -> p <= c.pageCount()).toList();
    }

    static String statusName(ChapterStatus s) {
        return s.name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
