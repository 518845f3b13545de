package dev.tierlab.cli;

import dev.tierlab.build.MavenProject;
import dev.tierlab.build.Projects;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.generate.Workspace;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Workspaces;
import dev.tierlab.runtime.DeploymentPackage;
import dev.tierlab.runtime.FunctionDefinition;
import dev.tierlab.runtime.LambdaInvoker;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "invoke", mixinStandardHelpOptions = true)
final class InvokeCommand implements Callable<Integer> {
    private final CliContext ctx;

    @Parameters(index = "0", paramLabel = "<function>")
    String function;

    @Option(names = "--event", paramLabel = "<name|file>", required = true)
    String event;

    @Option(names = "--dir", paramLabel = "<dir>")
    Path dir;

    InvokeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        Path workspace = Workspaces.find(dir, ctx.env().workingDir(), ctx.progress().load());
        LambdaInvoker.Result result = invoke(ctx, workspace, function, event);
        ctx.out().println(result.payload());
        ctx.out().flush();
        if (!result.success()) {
            ctx.err().println(ctx.msg().get("error.hint", hint(ctx.msg(), result)));
            ctx.err().flush();
            return ExitCode.FAILED.code();
        }
        return 0;
    }

    /** Builds if needed and invokes {@code function} with {@code event}; shared with the invoke check. */
    static LambdaInvoker.Result invoke(CliContext ctx, Path workspace, String function, String event) {
        Messages msg = ctx.msg();
        FunctionDefinition fn = FunctionDefinition.find(workspace, function);
        MavenProject project = projectFor(workspace, fn);
        if (isStale(project)) {
            ctx.err().println(msg.get("invoke.building", workspace.relativize(project.dir())));
            PrintWriter silent = new PrintWriter(OutputStream.nullOutputStream());
            if (!BuildCommand.build(ctx.withOut(silent), project, false)) {
                throw new TierlabException(ExitCode.FAILED, "error.invoke.buildFailed", project.dir());
            }
        }
        String eventJson = readEvent(ctx, workspace, event);
        for (String name : fn.computedEnvironment()) {
            ctx.err().println(msg.get("invoke.computedEnv", name));
        }
        PrintStream logs = new PrintStream(new WriterStream(ctx.err()), true, StandardCharsets.UTF_8);
        LambdaInvoker.Result result = new LambdaInvoker().invoke(fn, DeploymentPackage.open(project.zip()), eventJson, logs);
        logs.flush();
        for (String name : result.notSet()) {
            ctx.err().println(msg.get("invoke.envNotSet", name));
        }
        ctx.err().flush();
        return result;
    }

    private static String hint(Messages msg, LambdaInvoker.Result r) {
        String type = r.errorType();
        if (type.endsWith("ClassNotFoundException")) {
            return msg.get("invoke.hint.class");
        }
        if (type.endsWith("NoSuchMethodException")) {
            return msg.get("invoke.hint.method");
        }
        if (type.equals("Sandbox.Timedout")) {
            return msg.get("invoke.hint.timeout");
        }
        return msg.get("invoke.hint.exception");
    }

    /** The project whose sources define the handler class; the only project when there is one. */
    private static MavenProject projectFor(Path workspace, FunctionDefinition fn) {
        List<MavenProject> projects = Projects.in(workspace);
        String source = "src/main/java/" + fn.handler().split("::")[0].replace('.', '/') + ".java";
        return projects.stream().filter(p -> Files.exists(p.dir().resolve(source))).findFirst()
                .orElse(projects.get(0));
    }

    /** True when there is no zip, or a source or the pom is newer than it. */
    private static boolean isStale(MavenProject project) {
        Path zip = project.zip();
        if (!Files.exists(zip)) {
            return true;
        }
        try (Stream<Path> files = Files.walk(project.dir().resolve("src"))) {
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

    /** A file path, else a sample event of the workspace's lab ({@code labs/<lab>/events/<name>.json}). */
    private static String readEvent(CliContext ctx, Path workspace, String event) {
        Path file = ctx.env().workingDir().resolve(event);
        try {
            if (Files.isRegularFile(file)) {
                return Files.readString(file);
            }
            String lab = new Workspace(workspace, Clock.systemUTC()).marker().map(Workspace.Marker::lab).orElse(null);
            Path events = lab == null ? null : ctx.labsDir().resolve(lab).resolve("events");
            if (events != null && Files.isRegularFile(events.resolve(event + ".json"))) {
                return Files.readString(events.resolve(event + ".json"));
            }
            String names = "-";
            if (events != null && Files.isDirectory(events)) {
                try (Stream<Path> list = Files.list(events)) {
                    names = String.join(", ", list.map(p -> p.getFileName().toString().replace(".json", "")).sorted().toList());
                }
            }
            throw new TierlabException(ExitCode.NOT_FOUND, "error.invoke.unknownEvent", event, names);
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    /** Sends the function's log bytes to a writer (standard error of the command). */
    private static final class WriterStream extends OutputStream {
        private final PrintWriter writer;
        private final java.io.ByteArrayOutputStream line = new java.io.ByteArrayOutputStream();

        WriterStream(PrintWriter writer) {
            this.writer = writer;
        }

        @Override
        public void write(int b) {
            line.write(b);
            if (b == '\n') {
                flush();
            }
        }

        @Override
        public void flush() {
            writer.print(line.toString(StandardCharsets.UTF_8));
            writer.flush();
            line.reset();
        }
    }
}
