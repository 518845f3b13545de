package dev.tierlab.cli;

import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.workspace.Workspaces;
import dev.tierlab.progress.Progress;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lab", mixinStandardHelpOptions = true, subcommands = {LabCommand.ListLabs.class, LabCommand.Start.class, LabCommand.Show.class,
        LabValidateCommand.class, LabNewCommand.class, LabTestCommand.class})
final class LabCommand implements Callable<Integer> {
    private final CliContext ctx;

    LabCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new ListLabs(ctx).call();
    }

    /** Completion candidates: the bundled lab ids. */
    static final class LabCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return new dev.tierlab.lab.LabLoader(dev.tierlab.course.ContentSource.directory(
                    dev.tierlab.files.Bundled.folder("labs"))).ids().iterator();
        }
    }

    @Command(name = "list", mixinStandardHelpOptions = true)
    static final class ListLabs implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json")
        boolean json;

        ListLabs(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lang lang = ctx.settings().lang();
            Progress progress = ctx.progress().load();
            dev.tierlab.lab.LabCatalog catalog = ctx.labs();
            List<Lab> labs = catalog.all();
            if (json) {
                List<Map<String, Object>> list = new ArrayList<>();
                for (Lab lab : labs) {
                    Map<String, Object> m = new LinkedHashMap<>();
                    m.put("id", lab.id());
                    m.put("chapter", lab.chapter());
                    m.put("title", lab.title().get(lang));
                    m.put("steps", lab.steps().stream().map(Lab.Step::id).toList());
                    m.put("points", lab.steps().stream().flatMap(s -> s.checks().stream()).mapToInt(Lab.Check::points).sum());
                    m.put("workspace", progress.lab(lab.id()).workspace());
                    m.put("bundled", catalog.isBundled(lab.id()));
                    m.put("folder", catalog.isBundled(lab.id()) ? null : catalog.folder(lab.id()).toString());
                    list.add(m);
                }
                JsonOutput.print(ctx.out(), Map.of("labs", list));
                return 0;
            }
            Messages msg = ctx.msg();
            for (Lab lab : labs) {
                String current = lab.id().equals(progress.currentLab()) ? "*" : " ";
                ctx.say(current + " " + lab.id() + "  " + lab.title().get(lang));
                ctx.say("    " + msg.get("lab.details", lab.chapter(), lab.steps().size()));
                if (!catalog.isBundled(lab.id())) {
                    ctx.say("    " + msg.get("lab.from", catalog.folder(lab.id())));
                }
            }
            if (labs.isEmpty()) {
                ctx.say(msg.get("lab.none"));
            }
            return 0;
        }
    }

    @Command(name = "start", mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<lab>", completionCandidates = LabCandidates.class)
        String labId;

        @Option(names = "--dir", paramLabel = "<dir>")
        Path dir;

        Start(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.labs().load(labId);
            Messages msg = ctx.msg();
            Lang lang = ctx.settings().lang();
            Path target = WorkspaceGeneration.target(ctx, lab, dir);
            int code = new WorkspaceGeneration(ctx).generate(lab, target, false, false);
            ctx.say(msg.get("lab.started", lab.title().get(lang), target));
            for (int i = 0; i < lab.steps().size(); i++) {
                Lab.Step step = lab.steps().get(i);
                ctx.say("  " + (i + 1) + ". " + step.id() + "  " + step.title().get(lang));
                for (Lab.Task task : step.tasks()) {
                    for (dev.tierlab.lab.Tasks.Marker at : dev.tierlab.lab.Tasks.find(target, task.id())) {
                        ctx.say("     " + msg.get("lab.task", task.description().get(lang), at));
                    }
                }
            }
            ctx.say(msg.get("lab.startHint", lab.steps().get(0).id()));
            ctx.out().println();
            showInstructions(ctx, lab, lab.steps().get(0));
            return code;
        }
    }

    @Command(name = "show", mixinStandardHelpOptions = true)
    static final class Show implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<lab>", completionCandidates = LabCandidates.class)
        String labId;

        @Parameters(index = "1", arity = "0..1", paramLabel = "<step>")
        String stepId;

        Show(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Lab lab = ctx.labs().load(labId);
            Lab.Step step = stepId == null ? lab.steps().get(0) : lab.requireStep(stepId);
            showInstructions(ctx, lab, step);
            return 0;
        }
    }

    /** A step's instructions page, rendered and paged, in the user's language or the other one with a notice. */
    static void showInstructions(CliContext ctx, Lab lab, Lab.Step step) {
        Messages msg = ctx.msg();
        Lang lang = ctx.settings().lang();
        Lang shown = step.instructions().raw(lang) != null ? lang : lang.other();
        String text = dev.tierlab.lab.LabCatalog.inside(ctx.labs().folder(lab.id()), step.instructions().raw(shown))
                .flatMap(CliContext::read).orElse("");
        java.util.List<String> lines = new java.util.ArrayList<>();
        lines.add(msg.get("lab.stepHeader", lab.id(), lab.steps().indexOf(step) + 1, lab.steps().size(), step.title().get(lang)));
        if (shown != lang) {
            lines.add(msg.get("read.fallback", msg.get("lang." + lang.code()), msg.get("lang." + shown.code())));
        }
        lines.add("");
        lines.addAll(ctx.renderer().render(text));
        int next = lab.steps().indexOf(step) + 1;
        if (next < lab.steps().size()) {
            lines.add("");
            lines.add(msg.get("lab.nextStep", lab.id(), lab.steps().get(next).id()));
        }
        ctx.pager().show(lines);
    }
}
