package dev.tierlab.cli;

import dev.tierlab.build.DependencyResolver;
import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.Projects;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "build", mixinStandardHelpOptions = true)
final class BuildCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Option(names = "--dir", paramLabel = "<dir>")
    Path dir;

    @Option(names = "--with-maven")
    boolean withMaven;

    BuildCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path workspace = Workspaces.find(dir, ctx.env().workingDir(), ctx.progress().load());
        int code = 0;
        for (MavenProject project : Projects.in(workspace)) {
            code = Math.max(code, build(ctx, project, withMaven) ? 0 : ExitCode.FAILED.code());
        }
        return code;
    }

    /** Builds one project and reports it; false when it did not compile. Shared with the build check. */
    static boolean build(CliContext ctx, MavenProject project, boolean withMaven) {
        Messages msg = ctx.msg();
        long start = System.nanoTime();
        JavaBuilder builder = new JavaBuilder();
        JavaBuilder.Result result;
        if (withMaven) {
            result = mavenBuild(ctx, project, builder);
        } else {
            List<Path> classpath = new DependencyResolver(ctx.env().userHome().resolve(".m2/repository"),
                    name -> ctx.err().println(msg.get("build.downloading", name))).runtimeClasspath(project);
            result = builder.build(project, classpath);
        }
        long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - start);
        if (!result.compiled()) {
            result.errors().forEach(ctx.err()::println);
            ctx.err().println(msg.get("build.failed", project.dir().getFileName(), result.errors().size()));
            ctx.err().flush();
            return false;
        }
        ctx.say(msg.get("build.done", project.dir().getFileName(), result.classes(), project.dir().relativize(result.zip()),
                size(result.zip()), millis));
        return true;
    }

    private static JavaBuilder.Result mavenBuild(CliContext ctx, MavenProject project, JavaBuilder builder) {
        Path lib = project.dir().resolve("target/lib");
        List<String> command = List.of("mvn", "-B", "-q", "package", "-DskipTests",
                "dependency:copy-dependencies", "-DincludeScope=runtime", "-DoutputDirectory=" + lib);
        try {
            Path log = Files.createTempFile("tierlab-mvn-", ".log");
            Process p = new ProcessBuilder(command).directory(project.dir().toFile()).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            int exit = p.waitFor();
            List<String> output = Files.readAllLines(log);
            Files.deleteIfExists(log);
            if (exit != 0) {
                return new JavaBuilder.Result(false, 0, output, null);
            }
            List<Path> jars;
            try (Stream<Path> list = Files.isDirectory(lib) ? Files.list(lib) : Stream.empty()) {
                jars = new ArrayList<>(list.filter(f -> f.toString().endsWith(".jar")).sorted().toList());
            }
            Path zip = builder.packageZip(project, jars);
            int classes;
            try (Stream<Path> walk = Files.walk(project.classes())) {
                classes = (int) walk.filter(f -> f.toString().endsWith(".class")).count();
            }
            return new JavaBuilder.Result(true, classes, List.of(), zip);
        } catch (IOException e) {
            throw new TierlabException(ExitCode.NOT_FOUND, e, "error.build.noMaven", e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw Prompter.cancelled();
        }
    }

    private static String size(Path file) {
        try {
            return String.format(java.util.Locale.ROOT, "%.1f MB", Files.size(file) / 1048576.0);
        } catch (IOException e) {
            return "?";
        }
    }
}
