package dev.tierlab.cli;

import dev.tierlab.lab.LabScaffold;
import dev.tierlab.i18n.Messages;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code tierlab lab new <id> [--chapter C] [--into DIR]}: a new lab that validates as it is, to edit. */
@Command(name = "new", mixinStandardHelpOptions = true)
final class LabNewCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<id>")
    String id;

    @Option(names = "--chapter", paramLabel = "<chapter>", completionCandidates = ChapterCandidates.class)
    String chapter;

    @Option(names = "--into", paramLabel = "<dir>")
    Path into;

    LabNewCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        List<String> chapters = LabValidateCommand.chapters(ctx);
        String of = chapter != null ? chapter : chapters.get(0);
        Path dir = ctx.env().workingDir().resolve(into == null ? Path.of(".") : into).toAbsolutePath().normalize();
        LabScaffold.Result result = LabScaffold.create(dir, id, of, chapters);
        Messages msg = ctx.msg();
        ctx.say(msg.get("new.created", id, of, result.folder()));
        result.created().forEach(f -> ctx.out().println("  " + dir.relativize(f)));
        if (result.indexed()) {
            ctx.say(msg.get("new.indexed", id, result.index()));
        }
        msg.get("new.next", result.folder(), dir, id).lines().forEach(ctx.out()::println);
        return 0;
    }
}
