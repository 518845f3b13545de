package dev.tierlab.build;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import dev.tierlab.process.Processes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * Builds a generated Lambda project: dependencies resolved in-process and {@code javax.tools}, or
 * the project's own Maven build ({@code withMaven}); either way it ends with the deployment zip.
 */
public final class ProjectBuilder {
    private final Path localRepository;
    private final Consumer<String> downloading;

    /** @param downloading told the name of every artifact fetched from Maven Central */
    public ProjectBuilder(Path localRepository, Consumer<String> downloading) {
        this.localRepository = localRepository;
        this.downloading = downloading;
    }

    public JavaBuilder.Result build(MavenProject project, boolean withMaven) {
        JavaBuilder builder = new JavaBuilder();
        if (!withMaven) {
            DependencyResolver.Classpaths paths = new DependencyResolver(localRepository, downloading).resolve(project);
            return builder.build(project, paths.compile(), paths.runtime());
        }
        Path lib = project.dir().resolve("target/lib");
        List<String> command = List.of("mvn", "-B", "-q", "-Dstyle.color=never", "package",
                "org.apache.maven.plugins:maven-dependency-plugin:3.8.1:copy-dependencies",
                "-DincludeScope=runtime", "-DoutputDirectory=" + lib);
        Processes.Result run;
        try {
            run = Processes.run(project.dir(), command);
        } catch (Processes.NotStarted e) {
            throw new TierlabException(ExitCode.NOT_FOUND, e, "error.build.noMaven", e.program() + ": " + e.args()[1]);
        }
        if (run.exitCode() != 0) {
            List<String> errors = run.output().stream().filter(l -> l.startsWith("[ERROR]") && !l.equals("[ERROR] "))
                    .map(l -> l.substring("[ERROR] ".length()).strip()).filter(l -> !l.isEmpty())
                    .takeWhile(l -> !l.startsWith("-> [Help") && !l.startsWith("To see the full stack trace")).toList();
            return new JavaBuilder.Result(false, 0, errors.isEmpty() ? run.output() : errors, null);
        }
        try {
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
            throw TierlabException.io(project.dir(), e);
        }
    }

    /**
     * The project's deployment zip, built first when it is missing or older than the sources
     * ({@code building} is told then); a compile error fails with the project and its first error.
     */
    public Path packaged(MavenProject project, Consumer<Path> building) {
        if (isStale(project)) {
            building.accept(project.dir());
            JavaBuilder.Result built = build(project, false);
            if (!built.compiled()) {
                throw new WorkspaceFault(ExitCode.FAILED, "error.invoke.buildFailed", project.dir(),
                        built.errors().isEmpty() ? "" : built.errors().get(0).lines().findFirst().orElse(""));
            }
        }
        return project.zip();
    }

    /** True when there is no zip yet, or the pom or a source is newer than it. */
    public static boolean isStale(MavenProject project) {
        Path zip = project.zip();
        if (!Files.exists(zip)) {
            return true;
        }
        try (Stream<Path> files = Files.isDirectory(project.dir().resolve("src")) ? Files.walk(project.dir().resolve("src")) : Stream.empty()) {
            long built = Files.getLastModifiedTime(zip).toMillis();
            return Files.getLastModifiedTime(project.pom()).toMillis() > built
                    || files.filter(Files::isRegularFile).anyMatch(f -> modified(f) > built);
        } catch (IOException e) {
            return true;
        }
    }

    private static long modified(Path f) {
        try {
            return Files.getLastModifiedTime(f).toMillis();
        } catch (IOException e) {
            return Long.MAX_VALUE;
        }
    }
}
