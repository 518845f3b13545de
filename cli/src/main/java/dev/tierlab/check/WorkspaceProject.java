package dev.tierlab.check;

import dev.tierlab.build.JavaBuilder;
import dev.tierlab.build.MavenProject;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.build.Projects;
import dev.tierlab.error.TierlabException;
import dev.tierlab.process.Processes;
import dev.tierlab.runtime.LambdaInvoker;
import dev.tierlab.runtime.LocalInvocation;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.NotVerifiableHere;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Function;

/**
 * The learner's workspace as workspace checks see it: tierlab's in-process build, the projects' own
 * Maven tests, a local invoke, an author's command. Errors of tierlab's own (a broken POM, a missing
 * program) are put into words by {@code describe}; a missing Maven makes the check not verifiable
 * here rather than failed.
 */
final class WorkspaceProject implements LocalProject {
    private final Path workspace;
    private final ProjectBuilder builder;
    private final LocalInvocation invocation;
    private final Function<TierlabException, String> describe;

    WorkspaceProject(Path workspace, ProjectBuilder builder, LocalInvocation invocation, Function<TierlabException, String> describe) {
        this.workspace = workspace;
        this.builder = builder;
        this.invocation = invocation;
        this.describe = describe;
    }

    @Override
    public Build build() {
        for (MavenProject project : Projects.in(workspace)) {
            JavaBuilder.Result r = builder.build(project, false);
            if (!r.compiled()) {
                return new Build(false, r.errors().isEmpty() ? null : r.errors().get(0).lines().findFirst().orElse(""));
            }
        }
        return new Build(true, null);
    }

    @Override
    public Tests unitTests() {
        for (MavenProject project : Projects.in(workspace)) {
            Processes.Result run = maven(project.dir(), List.of("mvn", "-B", "-q", "test"));
            if (run.exitCode() != 0) {
                String summary = run.output().stream().filter(l -> l.contains("Tests run:") || l.contains("FAIL") || l.contains("ERROR]   "))
                        .findFirst().map(l -> l.replaceAll("^\\[ERROR\\]\\s*", "")).orElse(null);
                return new Tests(false, summary);
            }
        }
        return new Tests(true, null);
    }

    @Override
    public Invocation invoke(String function, String event) {
        PrintStream quiet = new PrintStream(OutputStream.nullOutputStream());
        LambdaInvoker.Result r = invocation.invoke(workspace, workspace, function, event, quiet, Quiet.LISTENER);
        return new Invocation(r.success(), r.payload(), r.errorType());
    }

    @Override
    public Ran run(List<String> command, Duration timeout) {
        try {
            Processes.Result ran = Processes.run(workspace, command, timeout);
            return new Ran(true, ran.exitCode(), ran.output());
        } catch (Processes.NotStarted e) {
            return new Ran(false, -1, List.of());
        }
    }

    /** Runs Maven; when it is not installed, the check is not verifiable on this machine. */
    private Processes.Result maven(Path dir, List<String> command) {
        try {
            return Processes.run(dir, command);
        } catch (Processes.NotStarted e) {
            throw new NotVerifiableHere(describe.apply(e));
        }
    }

    /** Checks report results, not build chatter. */
    private enum Quiet implements LocalInvocation.Listener {
        LISTENER;

        @Override
        public void building(Path project) {
        }

        @Override
        public void computedEnvironment(String name) {
        }
    }
}
