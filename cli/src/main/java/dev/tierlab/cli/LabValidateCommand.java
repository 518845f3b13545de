package dev.tierlab.cli;

import dev.tierlab.course.Chapter;
import dev.tierlab.generate.TemplateRepository;
import dev.tierlab.lab.LabValidator;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code tierlab lab validate [<dir>…]}: every problem of the labs, as file:line:column: message; exit 1 on any. */
@Command(name = "validate", mixinStandardHelpOptions = true)
final class LabValidateCommand implements Callable<Integer> {
    /** The exit code when a lab has a problem (the instructors' tooling asks for 1, like a linter). */
    static final int PROBLEMS = 1;

    private final CliContext ctx;

    @Parameters(index = "0..*", arity = "0..*", paramLabel = "<dir>")
    List<Path> dirs;

    LabValidateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        LabValidator validator = new LabValidator(known(ctx));
        List<Path> folders = dirs == null || dirs.isEmpty()
                ? ctx.labSources().stream().map(dev.tierlab.lab.LabCatalog.Source::dir).toList()
                : dirs.stream().map(d -> ctx.env().workingDir().resolve(d).toAbsolutePath().normalize()).toList();
        LabValidator.Report report = validator.validate(folders);
        report.problems().stream().map(p -> p.in(ctx.msg())).forEach(ctx.out()::println);
        if (report.problems().isEmpty()) {
            ctx.say(ctx.msg().get("validate.ok", report.labs()));
            return 0;
        }
        ctx.say(ctx.msg().get("validate.summary", report.problems().size(), report.labs()));
        return PROBLEMS;
    }

    /** What labs may refer to: the course's chapters, the bundled templates, every target capability. */
    static LabValidator.Known known(CliContext ctx) {
        Set<String> capabilities = new HashSet<>();
        for (dev.tierlab.verify.Capability c : dev.tierlab.verify.Capability.values()) {
            capabilities.add(c.id());
        }
        TemplateRepository templates = TemplateRepository.bundled();
        return new LabValidator.Known(Set.copyOf(chapters(ctx)), Set.copyOf(templates.ids()), capabilities, (template, given) -> {
            try {
                dev.tierlab.generate.Generator.parameters(templates.load(template).manifest(), given == null ? java.util.Map.of() : given);
                return java.util.Optional.empty();
            } catch (dev.tierlab.error.TierlabException e) {
                return java.util.Optional.of(dev.tierlab.i18n.Text.of(e.key(), e.args()));
            }
        }, (lab, step, folder) -> ctx.labGenerator().solutionFailures(lab, step, folder).stream()
                .map(f -> new dev.tierlab.lab.Problem(folder.resolve(f.file()).toString(), f.line(), f.column(),
                        "lab.problem.solutionRender", f.reason())).toList());
    }

    static List<String> chapters(CliContext ctx) {
        return ctx.course().chapters().stream().map(Chapter::id).toList();
    }
}
