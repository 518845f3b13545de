package dev.tierlab.verify.engine;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** Files of the workspace a check may read: never outside it, also not through a symbolic link. */
public final class WorkspaceFiles {
    private WorkspaceFiles() {
    }

    /** The regular file {@code relative} of {@code workspace}, when it exists and really is inside. */
    public static Optional<Path> regularFile(Path workspace, String relative) {
        try {
            Path root = workspace.toRealPath();
            Path file = root.resolve(relative).normalize();
            if (!file.startsWith(root) || !Files.isRegularFile(file)) {
                return Optional.empty();
            }
            Path real = file.toRealPath();
            return real.startsWith(root) ? Optional.of(real) : Optional.empty();
        } catch (IOException | java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
    }
}
