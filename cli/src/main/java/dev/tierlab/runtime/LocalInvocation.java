package dev.tierlab.runtime;

import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.build.Projects;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * Invokes a workspace function locally: finds it in the CloudFormation template, builds its project
 * when the zip is missing or older than the sources, reads the event (a file or a sample event of the
 * lab) and runs the handler with {@link LambdaInvoker}, whose JVM starts while the package is built.
 */
public final class LocalInvocation {
    /** Told what happens around the invocation, for the user. */
    public interface Listener {
        void building(Path project);

        void computedEnvironment(String name);
    }

    private final ProjectBuilder builder;
    private final LambdaInvoker invoker;
    private final Function<String, Optional<String>> sampleEvents;
    private final Function<String, List<String>> sampleNames;

    /**
     * @param sampleEvents the text of a sample event by name (from the workspace's lab), if there is one
     * @param sampleNames  the names of the sample events, for the error message
     */
    public LocalInvocation(ProjectBuilder builder, LambdaInvoker invoker, Function<String, Optional<String>> sampleEvents,
                           Function<String, List<String>> sampleNames) {
        this.builder = builder;
        this.invoker = invoker;
        this.sampleEvents = sampleEvents;
        this.sampleNames = sampleNames;
    }

    public LambdaInvoker.Result invoke(Path workspace, Path workingDir, String function, String event, PrintStream logs,
                                       Listener listener) {
        FunctionDefinition fn = FunctionDefinition.find(workspace, function);
        MavenProject project = projectFor(workspace, fn);
        invoker.prepare(fn); // the function's JVM boots while the package is checked or built
        Path zip = builder.packaged(project, listener::building);
        String eventJson = readEvent(workingDir, event);
        fn.computedEnvironment().forEach(listener::computedEnvironment);
        return invoker.invoke(fn, DeploymentPackage.open(zip), eventJson, logs);
    }

    /** The project whose sources define the handler class; the first project when none does. */
    private static MavenProject projectFor(Path workspace, FunctionDefinition fn) {
        List<MavenProject> projects = Projects.in(workspace);
        String source = "src/main/java/" + fn.handler().split("::")[0].replace('.', '/') + ".java";
        return projects.stream().filter(p -> Files.exists(p.dir().resolve(source))).findFirst().orElse(projects.get(0));
    }

    private String readEvent(Path workingDir, String event) {
        Path file = workingDir.resolve(event);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
        return sampleEvents.apply(event).orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND,
                "error.invoke.unknownEvent", event, String.join(", ", sampleNames.apply(event))));
    }
}
