package dev.tierlab.cli;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ScopeType;

/** The root command: global options; without a subcommand it opens the guided shell. */
@Command(name = "tierlab", mixinStandardHelpOptions = true, versionProvider = VersionProvider.class,
        subcommands = {CommandLine.HelpCommand.class, LessonsCommand.class, ReadCommand.class, QuizCommand.class, StatusCommand.class,
                ResetCommand.class, ProgressCommand.class, ConfigCommand.class, LabCommand.class, GenerateCommand.class, BuildCommand.class, InvokeCommand.class, CheckCommand.class, DeployCommand.class, DestroyCommand.class, OpenCommand.class, GradeCommand.class, HintCommand.class, SolutionCommand.class,
                SandboxCommand.class, CompletionCommand.class})
final class TierlabCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--lang", paramLabel = "<en|ko>", scope = ScopeType.INHERIT, completionCandidates = LangCandidates.class)
    String lang;

    @Option(names = "--no-color", scope = ScopeType.INHERIT)
    boolean noColor;

    @Option(names = "--stacktrace", scope = ScopeType.INHERIT)
    boolean stacktrace;

    @Option(names = "--home", paramLabel = "<dir>", scope = ScopeType.INHERIT)
    String home;

    @Option(names = "--labs-dir", paramLabel = "<dir>", scope = ScopeType.INHERIT)
    java.util.List<String> labsDirs;

    @Option(names = "--trust", scope = ScopeType.INHERIT)
    boolean trust;

    TierlabCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    GlobalOptions globals() {
        return new GlobalOptions(lang, noColor, stacktrace, home, labsDirs, trust);
    }

    @Override
    public Integer call() {
        if (ctx.isShell()) {
            new WelcomeScreen(ctx).print();
            return 0;
        }
        return Shell.openSystem(ctx);
    }

    /** Completion candidates for {@code --lang}. */
    static final class LangCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.List.of("en", "ko").iterator();
        }
    }
}
