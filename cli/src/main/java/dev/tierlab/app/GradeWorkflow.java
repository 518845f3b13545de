package dev.tierlab.app;

import dev.tierlab.check.Checks;
import dev.tierlab.progress.LearnerRecord;
import dev.tierlab.check.Grader;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.FileTrees;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabCatalog;
import dev.tierlab.lab.LabFingerprint;
import dev.tierlab.progress.Progress;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.TargetKind;
import dev.tierlab.provision.Targets;
import dev.tierlab.verify.report.GradeReport;
import dev.tierlab.verify.report.LabGrade;
import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.workspace.Workspaces;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * Grades lab workspaces for an instructor or CI: each workspace is copied, deployed, checked and
 * destroyed, and the result is one {@link GradeReport}. A deploy that fails because of the learner's
 * work ({@link DeployWorkflow#workspaceFault}) counts against the learner; any other error stops the
 * grading, and the report then carries it (status error). Progress goes to the listener.
 */
public final class GradeWorkflow {
    private final Services services;
    private final DeployWorkflow.Listener listener;

    /**
     * What to grade.
     *
     * @param labIds       {@code --lab}; empty for the labs of the workspaces found
     * @param all          {@code --all}: every lab, graded as missing where no workspace is found
     * @param dir          the folder holding the workspaces
     * @param targetWord   the target as the report names it
     * @param target       the target request; read during grading, so a bad {@code --target} still gives a report
     * @param progressFile the learner's exported progress, or null for this home's
     * @param keep         leave what grading deployed (for inspection) instead of destroying it
     * @param version      tierlab's version, for the report
     * @param timeout      the bound on grading as a whole: after it, what is graded is reported, what is
     *                     deployed is destroyed, and the report has status error
     */
    public record Request(List<String> labIds, boolean all, Path dir, String targetWord, Supplier<Targets.Request> target,
                          boolean yes, Path progressFile, boolean keep, String version, Duration timeout) {
    }

    /** Grading as a whole ends after this unless {@code --timeout} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(20);
    /** After the time bound, how long a destroy that grading already began may take to finish. */
    private static final Duration DESTROY_GRACE = Duration.ofMinutes(2);

    public GradeWorkflow(Services services, DeployWorkflow.Listener listener) {
        this.services = services;
        this.listener = listener;
    }

    /**
     * Grades as {@code request} says; whatever stops grading is in the report's error, never thrown. A
     * grading that runs past {@link Request#timeout} (a function that never returns, a target that hangs)
     * is left behind: the labs graded so far are reported, the workspace copy being graded is destroyed
     * and removed, and the report says that time ran out.
     */
    public GradeReport run(Request request) {
        String timestamp = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        List<LabGrade> grades = java.util.Collections.synchronizedList(new ArrayList<>());
        java.util.concurrent.CompletableFuture<Void> grading = new java.util.concurrent.CompletableFuture<>();
        Thread worker = new Thread(() -> {
            try {
                grade(request, grades);
                grading.complete(null);
            } catch (Throwable e) {
                grading.completeExceptionally(e);
            }
        }, "tierlab-grade");
        worker.setDaemon(true); // past the bound it is abandoned; the process's exit ends it
        worker.start();
        String error = null;
        try {
            grading.get(request.timeout().toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
        } catch (java.util.concurrent.TimeoutException e) {
            error = services.msg().get("grade.timedOut", request.timeout().toSeconds());
            abandon(request.keep());
        } catch (java.util.concurrent.ExecutionException e) {
            // whatever stopped grading, CI gets a report with status error and exit code 2
            error = e.getCause() instanceof RuntimeException re ? describe(re) : String.valueOf(e.getCause());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            error = services.msg().get("grade.timedOut", 0);
            abandon(request.keep());
        }
        List<LabGrade> graded;
        synchronized (grades) {
            graded = List.copyOf(grades);
        }
        return new GradeReport(request.version(), timestamp, request.targetWord(), graded, error);
    }

    /** The workspace copy being graded, while it is; whoever takes it (grading, or the time bound) cleans it up. */
    private final java.util.concurrent.atomic.AtomicReference<InFlight> inFlight = new java.util.concurrent.atomic.AtomicReference<>();
    /** Set while grading's own cleanup of a copy runs, so the time bound waits for it instead of starting another. */
    private final java.util.concurrent.CountDownLatch noCleanup = new java.util.concurrent.CountDownLatch(0);
    private volatile java.util.concurrent.CountDownLatch cleaning = noCleanup;

    /** Set past the time bound: the abandoned grading starts no further lab or deploy. */
    private volatile boolean abandoned;

    private record InFlight(Path copy, DeployWorkflow deployments, Targets.Request target) {
    }

    /** Past the time bound: clean up the copy being graded (or wait for grading's own cleanup of it). */
    private void abandon(boolean keep) {
        abandoned = true;
        InFlight left = inFlight.getAndSet(null);
        if (left == null) {
            try {
                cleaning.await(DESTROY_GRACE.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return;
        }
        cleanUp(left, keep);
    }

    private void cleanUp(InFlight f, boolean keep) {
        boolean deployed = DeployState.read(f.copy()).isPresent();
        if (deployed && keep) {
            listener.progress("grade.kept", f.copy());
        } else if (destroyed(f.copy(), deployed, f.deployments(), f.target())) {
            FileTrees.deleteTemporary(f.copy());
        }
    }

    private void grade(Request request, List<LabGrade> grades) {
        List<String> labIds = request.labIds();
        boolean all = request.all();
        if (all && labIds != null && !labIds.isEmpty()) {
            throw new TierlabException(ExitCode.USAGE, "error.grade.labAndAll");
        }
        Targets.Request target = request.target().get();
        if (target.kind() == TargetKind.AWS && !request.yes()) {
            throw new TierlabException(ExitCode.USAGE, "error.grade.awsNeedsYes");
        }
        Path dir = request.dir();
        Map<String, Path> found = workspacesByLab(dir);
        LabCatalog catalog = services.labs().get();
        List<String> ids = all ? catalog.ids() : labIds != null && !labIds.isEmpty() ? labIds : List.copyOf(found.keySet());
        if (ids.isEmpty()) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.grade.nothing", dir);
        }
        // an invalid lab, or an external lab not trusted to run its code, stops grading before anything runs
        List<Lab> labs = ids.stream().map(catalog::load).toList();
        labs.forEach(lab -> services.trust().requireForAll(lab, "tierlab grade"));
        Progress progress = request.progressFile() == null ? services.progress().get().load()
                : services.progress().get().read(services.env().workingDir().resolve(request.progressFile()));
        DeployWorkflow deployments = new DeployWorkflow(services, listener);
        for (Lab lab : labs) {
            if (abandoned) {
                return;
            }
            Path folder = catalog.folder(lab.id());
            Grader grader = new Grader(lab, LabFingerprint.of(folder, lab), lab.id() + "/lab.yaml", services.msg().lang());
            Path workspace = found.get(lab.id());
            if (workspace == null) {
                Messages msg = services.msg();
                grades.add(grader.none(msg.get("grade.workspaceExpected", lab.id(), dir), msg.get("grade.noWorkspace"),
                        msg.get("grade.noWorkspaceNote", lab.id(), dir), dev.tierlab.provision.Targets.expected(target.kindOrDefault()),
                        dev.tierlab.check.Checks.machine(dev.tierlab.browser.Chromium.find(services.env()))));
                continue;
            }
            grades.add(gradeWorkspace(lab, grader, workspace, progress, deployments, target, request.keep()));
        }
    }

    /**
     * Grades a copy of {@code workspace}: the learner's files are never changed, a deploy record the
     * learner left (which could point anywhere) is not used, and the stack grading creates is its own.
     */
    private LabGrade gradeWorkspace(Lab lab, Grader grader, Path workspace, Progress progress, DeployWorkflow deployments,
                                    Targets.Request targetOptions, boolean keep) {
        Path copy = copyOf(workspace, lab);
        InFlight mine = new InFlight(copy, deployments, targetOptions);
        inFlight.set(mine);
        LabWorkspace labContext = new LabWorkspace(copy, lab, progress);
        String note = null;
        try {
            if (lab.deploy() != null && !abandoned) {
                listener.progress("grade.deploying", lab.id(), workspace);
                try {
                    deployments.deploy(labContext, targetOptions, false, true);
                } catch (TierlabException e) {
                    if (!DeployWorkflow.workspaceFault(e)) {
                        throw e; // the target, not the learner's work: grading cannot go on
                    }
                    note = services.msg().get("grade.deployFailed", services.msg().get(e.key(), e.args()));
                }
            }
            try (Checks checks = deployments.checks(labContext, targetOptions)) {
                // hints and solutions from the workspace graded (progress is per home, which may serve several learners)
                return grader.grade(workspace.toString(), checks::run, LearnerRecord.read(workspace, lab.id()).asLabProgress(workspace), note);
            }
        } finally {
            java.util.concurrent.CountDownLatch done = new java.util.concurrent.CountDownLatch(1);
            cleaning = done;
            try {
                if (inFlight.compareAndSet(mine, null)) { // not taken by the time bound
                    cleanUp(mine, keep);
                }
            } finally {
                done.countDown();
                cleaning = noCleanup;
            }
        }
    }

    /** Destroys what grading deployed from {@code copy}; false (the copy keeps the record) when that failed. */
    private boolean destroyed(Path copy, boolean deployed, DeployWorkflow deployments, Targets.Request targetOptions) {
        if (!deployed) {
            return true;
        }
        try {
            deployments.destroy(copy, targetOptions);
            return true;
        } catch (RuntimeException e) {
            listener.progress("grade.destroyFailed", describe(e), copy);
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

    /** An error in one line: a known one localized with its hint, any other by its type and message. */
    public String describe(RuntimeException e) {
        Messages msg = services.msg();
        RuntimeException known = dev.tierlab.error.Unreachable.classify(e).<RuntimeException>map(t -> t).orElse(e);
        if (known instanceof TierlabException te) {
            return msg.get(te.key(), te.args()) + msg.find(te.key() + ".hint", te.args()).map(h -> " (" + h + ")").orElse("");
        }
        return e.getClass().getSimpleName() + ": " + e.getMessage();
    }
}
