package dev.tierlab.cli;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.check.Checks;
import dev.tierlab.check.Grader;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.files.FileTrees;
import dev.tierlab.provision.DeployState;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabFingerprint;
import dev.tierlab.workspace.Workspaces;
import dev.tierlab.progress.Progress;
import dev.tierlab.verify.report.ClassroomReport;
import dev.tierlab.verify.report.GradeReport;
import dev.tierlab.verify.report.JsonReport;
import dev.tierlab.verify.report.JunitReport;
import dev.tierlab.verify.report.LabGrade;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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

    GradeCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<LabGrade> grades = new ArrayList<>();
        String target = targetOptions.request().kindOrDefault().id();
        String error = null;
        try {
            grade(grades);
        } catch (RuntimeException e) {
            error = describe(e); // whatever stopped grading, CI gets a report with status error and exit code 2
        }
        GradeReport report = new GradeReport(version(), timestamp, target, grades, error);
        try {
            write(report);
        } catch (RuntimeException e) {
            ctx.err().println(ctx.msg().get("grade.stopped", describe(e)));
            return ERROR;
        }
        if (error != null) {
            ctx.err().println(ctx.msg().get("grade.stopped", error));
            ctx.err().flush();
        }
        return switch (report.status()) {
            case PASS -> PASSED;
            case FAIL -> FAILED;
            case ERROR -> ERROR;
        };
    }

    private void grade(List<LabGrade> grades) {
        if (all && labIds != null && !labIds.isEmpty()) {
            throw new TierlabException(ExitCode.USAGE, "error.grade.labAndAll");
        }
        if (targetOptions.request().kind() == dev.tierlab.provision.TargetKind.AWS && !yes) {
            throw new TierlabException(ExitCode.USAGE, "error.grade.awsNeedsYes");
        }
        Path dir = workspaceOption.dir == null ? ctx.env().workingDir() : ctx.env().workingDir().resolve(workspaceOption.dir).normalize();
        Map<String, Path> found = workspacesByLab(dir);
        List<String> ids = all ? ctx.labs().ids() : labIds != null && !labIds.isEmpty() ? labIds : List.copyOf(found.keySet());
        if (ids.isEmpty()) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.grade.nothing", dir);
        }
        // an invalid lab, or command checks of an external lab without --trust, stop grading before anything runs
        List<Lab> labs = ids.stream().map(id -> ctx.labs().load(id)).toList();
        labs.forEach(lab -> ctx.labs().requireTrusted(lab, ctx.options().trust()));
        Progress progress = progressFile == null ? ctx.progress().load()
                : ctx.progress().read(ctx.env().workingDir().resolve(progressFile));
        Deployments deployments = new Deployments(ctx, ctx.err());
        for (Lab lab : labs) {
            Path folder = ctx.labs().folder(lab.id());
            Grader grader = new Grader(lab, LabFingerprint.of(folder, lab), lab.id() + "/lab.yaml", ctx.settings().lang());
            Path workspace = found.get(lab.id());
            if (workspace == null) {
                Messages msg = ctx.msg();
                grades.add(grader.none(msg.get("grade.workspaceExpected", lab.id(), dir), msg.get("grade.noWorkspace"),
                        msg.get("grade.noWorkspaceNote", lab.id(), dir)));
                continue;
            }
            grades.add(gradeWorkspace(lab, grader, workspace, progress, deployments));
        }
    }

    /**
     * Grades a copy of {@code workspace}: the learner's files are never changed, a deploy record the
     * learner left (which could point anywhere) is not used, and the stack grading creates is its own.
     */
    private LabGrade gradeWorkspace(Lab lab, Grader grader, Path workspace, Progress progress, Deployments deployments) {
        Path copy = copyOf(workspace, lab);
        LabWorkspace labContext = new LabWorkspace(copy, lab, progress);
        String note = null;
        try {
            if (lab.deploy() != null) {
                ctx.err().println(ctx.msg().get("grade.deploying", lab.id(), workspace));
                try {
                    deployments.deploy(labContext, targetOptions, false, true);
                } catch (TierlabException e) {
                    if (!Deployments.workspaceFault(e)) {
                        throw e; // the target, not the learner's work: grading cannot go on
                    }
                    note = ctx.msg().get("grade.deployFailed", ctx.msg().get(e.key(), e.args()));
                }
            }
            Checks checks = deployments.checks(labContext, targetOptions);
            return grader.grade(workspace.toString(), checks::run, progress.lab(lab.id()), note);
        } finally {
            boolean deployed = DeployState.read(copy).isPresent();
            if (deployed && keep) {
                ctx.err().println(ctx.msg().get("grade.kept", copy));
            } else if (destroyed(copy, deployed, deployments)) {
                FileTrees.deleteTemporary(copy);
            }
            ctx.err().flush();
        }
    }

    /** Destroys what grading deployed from {@code copy}; false (the copy keeps the record) when that failed. */
    private boolean destroyed(Path copy, boolean deployed, Deployments deployments) {
        if (!deployed) {
            return true;
        }
        try {
            deployments.destroy(copy, targetOptions);
            return true;
        } catch (RuntimeException e) {
            ctx.err().println(ctx.msg().get("grade.destroyFailed", describe(e), copy));
            return false;
        }
    }

    /** A temporary copy of the workspace without build output, version control and deploy record. */
    private static Path copyOf(Path workspace, Lab lab) {
        Path deployRecord = Path.of(DeployState.FILE);
        try {
            Path copy = Files.createTempDirectory("tierlab-grade-" + lab.id() + "-");
            FileTrees.copy(workspace, copy, p -> p.equals(deployRecord) || p.getFileName().toString().equals("target")
                    || p.getFileName().toString().equals(".git"));
            return copy;
        } catch (IOException e) {
            throw TierlabException.io(workspace, e);
        }
    }

    /** Lab id → the one workspace of that lab in {@code dir}; two for one lab is an error. */
    private static Map<String, Path> workspacesByLab(Path dir) {
        Map<String, Path> found = new LinkedHashMap<>();
        for (Path ws : Workspaces.under(dir)) {
            String lab = new Workspace(ws, Clock.systemUTC()).marker().map(Workspace.Marker::lab).orElse(null);
            if (lab == null) {
                continue;
            }
            Path other = found.putIfAbsent(lab, ws);
            if (other != null) {
                throw new TierlabException(ExitCode.USAGE, "error.grade.twoWorkspaces", lab, other, ws);
            }
        }
        return found;
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

    /** An error in one line: a known one localized with its hint, any other by its type and message. */
    private String describe(RuntimeException e) {
        Messages msg = ctx.msg();
        if (e instanceof TierlabException te) {
            return msg.get(te.key(), te.args()) + msg.find(te.key() + ".hint", te.args()).map(h -> " (" + h + ")").orElse("");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }

    private static String version() {
        try {
            return VersionProvider.version();
        } catch (IOException e) {
            return "unknown";
        }
    }
}
