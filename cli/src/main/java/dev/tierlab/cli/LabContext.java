package dev.tierlab.cli;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.generate.Workspace;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.Workspaces;
import dev.tierlab.progress.Progress;
import java.nio.file.Path;
import java.time.Clock;

/** The workspace a lab command works in, its lab and the learner's progress in it. */
record LabContext(Path workspace, Lab lab, Progress progress) {

    static LabContext of(CliContext ctx, Path dirFlag) {
        Progress progress = ctx.progress().load();
        Path workspace = Workspaces.find(dirFlag, ctx.env().workingDir(), progress);
        String labId = new Workspace(workspace, Clock.systemUTC()).marker().map(Workspace.Marker::lab)
                .orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", workspace));
        return new LabContext(workspace, ctx.labs().load(labId), progress);
    }

    /**
     * The step named {@code id}; else the first step with a failed check; else the first step with a
     * check not passed yet (the last step when all have passed).
     */
    Lab.Step step(String id) {
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
    boolean failedIn(Lab.Step step) {
        Progress.LabProgress lp = progress.lab(lab.id());
        return step.checks().stream().anyMatch(c -> lp.checks().containsKey(c.id()) && "FAILED".equals(lp.checks().get(c.id()).status()));
    }
}
