package dev.tierlab.cli;

import dev.tierlab.lab.Lab;
import dev.tierlab.workspace.Workspaces;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "generate", mixinStandardHelpOptions = true)
final class GenerateCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<lab>", completionCandidates = LabCommand.LabCandidates.class)
    String labId;

    @Option(names = "--dir", paramLabel = "<dir>")
    Path dir;

    @Option(names = {"-f", "--force"})
    boolean force;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    GenerateCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Lab lab = ctx.labs().load(labId);
        return new WorkspaceGeneration(ctx).generate(lab, WorkspaceGeneration.target(ctx, lab, dir), force, yes);
    }
}
