package dev.tierlab.workspace;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.progress.Progress;
import java.nio.file.Files;
import java.nio.file.Path;

/** Finds the workspace a command works on: {@code --dir}, else the current directory, else the current lab's. */
public final class Workspaces {
    public static final String DEFAULT_PARENT = "tierlab-workspace";

    private Workspaces() {
    }

    /** Where {@code generate} puts a lab's workspace when no directory is given. */
    public static Path defaultDir(Path userHome, String labId) {
        return userHome.resolve(DEFAULT_PARENT).resolve(labId);
    }

    public static Path find(Path dirFlag, Path workingDir, Progress progress) {
        return find(dirFlag, workingDir, () -> progress);
    }

    /** As above; the progress is read only when neither {@code --dir} nor the working directory decide. */
    public static Path find(Path dirFlag, Path workingDir, java.util.function.Supplier<Progress> progressSource) {
        if (dirFlag != null) {
            Path dir = workingDir.resolve(dirFlag).normalize();
            if (!Files.isRegularFile(dir.resolve(Workspace.MARKER))) {
                throw new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", dir);
            }
            return dir;
        }
        for (Path p = workingDir; p != null; p = p.getParent()) {
            if (Files.isRegularFile(p.resolve(Workspace.MARKER))) {
                return p;
            }
        }
        Progress progress = progressSource.get();
        if (progress.currentLab() != null) {
            String ws = progress.lab(progress.currentLab()).workspace();
            if (ws != null && Files.isRegularFile(Path.of(ws).resolve(Workspace.MARKER))) {
                return Path.of(ws);
            }
        }
        throw new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", workingDir);
    }

    /**
     * The lab workspaces in {@code dir}: {@code dir} itself when it is one, else its sub-folders that
     * are (two levels deep, hidden folders skipped), sorted by path.
     */
    public static java.util.List<Path> under(Path dir) {
        if (Files.isRegularFile(dir.resolve(Workspace.MARKER))) {
            return java.util.List.of(dir);
        }
        if (!Files.isDirectory(dir)) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.noDirectory", dir);
        }
        Path marker = Path.of(Workspace.MARKER);
        try (java.util.stream.Stream<Path> files = Files.walk(dir, 2 + marker.getNameCount())) {
            return files.filter(p -> p.endsWith(marker) && Files.isRegularFile(p))
                    .map(p -> {
                        Path ws = p;
                        for (int i = 0; i < marker.getNameCount(); i++) {
                            ws = ws.getParent();
                        }
                        return ws;
                    })
                    .filter(ws -> !ws.equals(dir) && java.util.stream.StreamSupport.stream(dir.relativize(ws).spliterator(), false)
                            .noneMatch(part -> part.toString().startsWith(".")))
                    .sorted()
                    .toList();
        } catch (java.io.IOException e) {
            throw TierlabException.io(dir, e);
        }
    }
}
