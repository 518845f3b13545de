package dev.tierlab.workspace;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabCatalog;
import dev.tierlab.progress.Progress;
import java.nio.file.Path;
import java.time.Clock;

/** The workspace a lab command works in, its lab and the learner's progress in it. */
public record LabWorkspace(Path workspace, Lab lab, Progress progress) {

    /**
     * The lab workspace {@code --dir} names ({@code dirFlag}, may be null), else the one around
     * {@code workingDir}, else the current lab's (see {@link Workspaces#find}), with its lab loaded.
     */
    public static LabWorkspace open(Path dirFlag, Path workingDir, Progress progress, LabCatalog labs) {
        Path workspace = Workspaces.find(dirFlag, workingDir, progress);
        String labId = new Workspace(workspace, Clock.systemUTC()).marker().map(Workspace.Marker::lab)
                .orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", workspace));
        return new LabWorkspace(workspace, labs.load(labId), progress);
    }

    /**
     * The step named {@code id}; else the first step with a failed check; else the first step with a
     * check not passed yet (the last step when all have passed).
     */
    public Lab.Step step(String id) {
        if (id != null) {
            return lab.requireStep(id);
        }
        for (Lab.Step s : lab.steps()) {
            if (failedIn(s)) {
                return s;
            }
        }
        Progress.LabProgress lp = progress.lab(lab.id());
        for (Lab.Step s : lab.steps()) {
            boolean open = s.checks().stream().anyMatch(c -> {
                Progress.CheckRecord r = lp.checks().get(c.id());
                return r == null || !"PASSED".equals(r.status());
            });
            if (open) {
                return s;
            }
        }
        return lab.steps().get(lab.steps().size() - 1);
    }

    /** True when a check of {@code step} has failed: that unlocks the second hint. */
    public boolean failedIn(Lab.Step step) {
        Progress.LabProgress lp = progress.lab(lab.id());
        return step.checks().stream().anyMatch(c -> lp.checks().containsKey(c.id()) && "FAILED".equals(lp.checks().get(c.id()).status()));
    }
}
