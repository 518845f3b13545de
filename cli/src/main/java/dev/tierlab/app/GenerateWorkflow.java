package dev.tierlab.app;

import dev.tierlab.generate.LabGenerator;
import dev.tierlab.lab.Lab;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.workspace.Workspaces;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;

/**
 * Generates a lab's workspace for {@code generate} and {@code lab start}: renders, asks the listener
 * before overwriting files the learner changed (a backup is kept), writes, and records the workspace
 * as the current lab's.
 */
public final class GenerateWorkflow {
    private final Services services;

    /** Asked when the learner changed files that the generation would replace. */
    public interface Listener {
        /** Returns whether to overwrite {@code conflicts} (relative paths); they are backed up first. */
        boolean overwrite(List<String> conflicts);
    }

    /** What a generation did in {@code dir}. */
    public record Generated(Path dir, Workspace.Plan plan, Workspace.Result result) {
    }

    public GenerateWorkflow(Services services) {
        this.services = services;
    }

    /**
     * Where to generate {@code lab}: {@code --dir}; else the workspace of this lab that contains the
     * current directory; else the lab's workspace from progress; else {@code ~/tierlab-workspace/<lab>}.
     */
    public Path target(Lab lab, Path dirFlag) {
        if (dirFlag != null) {
            return services.env().workingDir().resolve(dirFlag).normalize();
        }
        for (Path p = services.env().workingDir(); p != null; p = p.getParent()) {
            java.util.Optional<Workspace.Marker> marker = java.nio.file.Files.isRegularFile(p.resolve(Workspace.MARKER))
                    ? new Workspace(p, Clock.systemUTC()).marker() : java.util.Optional.empty();
            if (marker.isPresent()) {
                if (lab.id().equals(marker.get().lab())) {
                    return p;
                }
                break;
            }
        }
        String saved = services.progress().get().load().lab(lab.id()).workspace();
        return saved != null ? Path.of(saved) : Workspaces.defaultDir(services.env().userHome(), lab.id());
    }

    /** Generates {@code lab} into {@code dir}; changed files are overwritten when {@code force} or the listener says so. */
    public Generated generate(Lab lab, Path dir, boolean force, Listener listener) {
        services.progress().get().requireWritable(); // the workspace is recorded: on a read-only home, fail before writing it
        LabGenerator.Output output = services.labGenerator().get().render(lab);
        Workspace ws = new Workspace(dir, Clock.systemUTC());
        Workspace.Plan plan = ws.plan(output.files());
        boolean overwrite = force;
        if (!plan.conflicts().isEmpty() && !force) {
            overwrite = listener.overwrite(plan.conflicts());
        }
        Workspace.Result result = ws.apply(plan, overwrite, lab.id(), output.templateVersions());
        if (!services.labs().get().isBundled(lab.id())) {
            ws.recordFrom(services.labs().get().folder(lab.id()));
        }
        services.progress().get().update(p -> p.withLab(lab.id(), p.lab(lab.id()).withWorkspace(ws.dir().toString()), true));
        return new Generated(ws.dir(), plan, result);
    }
}
