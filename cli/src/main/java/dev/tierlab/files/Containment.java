package dev.tierlab.files;

import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Whether a path named by a lab, a template or an archive stays inside its folder. Comparing
 * normalized names is not enough: a symbolic link inside the folder (a learner's workspace, an
 * instructor's lab folder) can point anywhere, so the part of the path that exists is resolved to
 * its real location first. A part that does not exist yet (a file about to be written) cannot be a
 * link, so checking its nearest existing parent is enough.
 */
public final class Containment {
    private Containment() {
    }

    /**
     * {@code relative} resolved against {@code root}, when it stays inside {@code root} with links
     * followed; empty when it leads outside (by {@code ..}, an absolute path or a link) or is null.
     * The path need not exist.
     */
    public static Optional<Path> resolve(Path root, String relative) {
        if (relative == null) {
            return Optional.empty();
        }
        Path path = root.resolve(relative).normalize();
        return contains(root, path) ? Optional.of(path) : Optional.empty();
    }

    /** True when {@code path} is {@code root} or below it, once symbolic links are followed. */
    public static boolean contains(Path root, Path path) {
        Path r = root.toAbsolutePath().normalize();
        Path p = path.toAbsolutePath().normalize();
        if (!p.startsWith(r)) {
            return false;
        }
        if (p.getFileSystem() != FileSystems.getDefault()) {
            return true; // a folder packed in the jar has no links
        }
        if (!Files.exists(r)) {
            return true; // nothing below a root that is not there yet: no link to pass through
        }
        try {
            Path existing = p;
            while (existing != null && !Files.exists(existing, LinkOption.NOFOLLOW_LINKS)) {
                existing = existing.getParent();
            }
            if (Files.isSymbolicLink(existing) && !Files.exists(existing)) {
                return false; // a dangling link: where it points cannot be known until it is written through
            }
            return existing.toRealPath().startsWith(r.toRealPath());
        } catch (IOException e) {
            return false;
        }
    }
}
