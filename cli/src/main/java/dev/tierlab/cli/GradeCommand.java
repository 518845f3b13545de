package dev.tierlab.cli;

import dev.tierlab.app.GradeWorkflow;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.verify.report.ClassroomReport;
import dev.tierlab.verify.report.GradeReport;
import dev.tierlab.verify.report.JsonReport;
import dev.tierlab.verify.report.JunitReport;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "grade", mixinStandardHelpOptions = true)
final class GradeCommand implements Callable<Integer> {
    /** The exit codes of grade, which CI systems read: the contract, not tierlab's general table. */
    static final int PASSED = 0;
    static final int FAILED = 1;
    static final int ERROR = 2;

    enum Format { text, json, junit, classroom }

    private final CliContext ctx;

    @Option(names = "--lab", paramLabel = "<lab>", completionCandidates = LabCommand.LabCandidates.class)
    List<String> labIds;

    @Option(names = "--all")
    boolean all;

    @Mixin
    WorkspaceOption workspaceOption;

    @Mixin
    TargetOptions targetOptions;

    @Option(names = "--format", paramLabel = "<format>", defaultValue = "text")
    Format format;

    @Option(names = "--out", paramLabel = "<file>")
    Path out;

    @Option(names = {"-y", "--yes"})
    boolean yes;

    @Option(names = "--progress", paramLabel = "<file>")
    Path progressFile;

    @Option(names = "--keep")
    boolean keep;

    @Option(names = "--timeout", paramLabel = "<time>", converter = Durations.class, defaultValue = "20m")
    java.time.Duration timeout;

    GradeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String target = targetOptions.targetWord();
        Path dir = workspaceOption.dir == null ? ctx.env().workingDir() : ctx.env().workingDir().resolve(workspaceOption.dir).normalize();
        GradeWorkflow workflow = new GradeWorkflow(ctx.services(), new DeployPrinter(ctx, ctx.err()));
        GradeReport report = workflow.run(new GradeWorkflow.Request(labIds, all, dir, target, targetOptions::request, yes,
                progressFile, keep, version(), timeout));
        try {
            write(report);
        } catch (RuntimeException e) {
            ctx.err().println(ctx.msg().get("grade.stopped", workflow.describe(e)));
            return ERROR;
        }
        if (report.error() != null) {
            ctx.err().println(ctx.msg().get("grade.stopped", report.error()));
            ctx.err().flush();
        }
        return switch (report.status()) {
            case PASS -> PASSED;
            case FAIL -> FAILED;
            case ERROR -> ERROR;
        };
    }

    private void write(GradeReport report) {
        String text = switch (format) {
            case text -> String.join("\n", new GradeText(ctx.msg()).lines(report)) + "\n";
            case json -> JsonReport.write(report);
            case junit -> JunitReport.write(report);
            case classroom -> ClassroomReport.write(report) + "\n";
        };
        if (format == Format.classroom) {
            ctx.env().get("GITHUB_OUTPUT").ifPresent(file -> appendOutput(Path.of(file), "result=" + text.strip()));
        }
        if (out == null) {
            ctx.out().print(text);
            ctx.out().flush();
            if (format != Format.text) {
                ctx.err().println(new GradeText(ctx.msg()).summary(report));
                ctx.err().flush();
            }
            return;
        }
        Path file = ctx.env().workingDir().resolve(out).normalize();
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            AtomicFiles.writeShared(file, text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
        ctx.say(new GradeText(ctx.msg()).summary(report));
        ctx.say(ctx.msg().get("grade.written", file, format));
    }

    private static void appendOutput(Path file, String line) {
        try {
            Files.writeString(file, line + "\n", StandardCharsets.UTF_8, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    /** {@code 90s}, {@code 20m}, {@code 1h}: a positive number of seconds, minutes or hours. */
    static final class Durations implements picocli.CommandLine.ITypeConverter<java.time.Duration> {
        @Override
        public java.time.Duration convert(String value) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("([1-9][0-9]{0,5})([smh])").matcher(value.trim());
            if (!m.matches()) {
                throw new picocli.CommandLine.TypeConversionException("'" + value + "' is not a time like 90s, 20m or 1h");
            }
            long n = Long.parseLong(m.group(1));
            return switch (m.group(2)) {
                case "s" -> java.time.Duration.ofSeconds(n);
                case "m" -> java.time.Duration.ofMinutes(n);
                default -> java.time.Duration.ofHours(n);
            };
        }
    }

    private static String version() {
        try {
            return VersionProvider.version();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
