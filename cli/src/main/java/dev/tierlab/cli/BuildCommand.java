package dev.tierlab.cli;

import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.Projects;
import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Messages;
import dev.tierlab.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Mixin
    WorkspaceOption workspaceOption;

    @Option(names = "--with-maven")
    boolean withMaven;

    BuildCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path workspace = Workspaces.find(workspaceOption.dir, ctx.env().workingDir(), () -> ctx.progress().load());
        if (withMaven) {
            // the in-process build only compiles (no annotation processors); Maven runs the pom's plugins
            ctx.requireTrustedWorkspace(workspace, new dev.tierlab.lab.LabTrust.Use("build", "tierlab build --with-maven", "mvn package"));
        }
        int code = 0;
        Messages msg = ctx.msg();
        for (MavenProject project : Projects.in(workspace)) {
            long start = System.nanoTime();
            JavaBuilder.Result result = ctx.projectBuilder().build(project, withMaven);
            long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
            if (!result.compiled()) {
                result.errors().forEach(ctx.err()::println);
                ctx.err().println(msg.get("build.failed", project.dir().getFileName(), result.errors().size()));
                ctx.err().flush();
                code = ExitCode.FAILED.code();
                continue;
            }
            ctx.say(msg.get("build.done", project.dir().getFileName(), result.classes(),
                    project.dir().relativize(result.zip()), size(result.zip()), millis));
        }
        return code;
    }

    private static String size(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f MB", Files.size(file) / 1048576.0);
        } catch (IOException e) {
            return "?";
        }
    }
}
