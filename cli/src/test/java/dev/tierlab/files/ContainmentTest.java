package dev.tierlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ContainmentTest {
    @TempDir
    Path tmp;

    @Test
    void aPathBelowTheRootIsInsideEvenBeforeItExists() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ws"));
        Files.createDirectories(root.resolve("src"));
        assertEquals(Optional.of(root.resolve("src/App.java")), Containment.resolve(root, "src/App.java"));
        assertEquals(Optional.of(root.resolve("new/deep/file.txt")), Containment.resolve(root, "new/deep/file.txt"));
        assertEquals(Optional.of(root.resolve("b")), Containment.resolve(root, "a/../b"), "normalized");
    }

    @Test
    void dotDotAbsoluteAndNullLeadNowhere() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ws"));
        assertEquals(Optional.empty(), Containment.resolve(root, "../outside.txt"));
        assertEquals(Optional.empty(), Containment.resolve(root, tmp.resolve("other").toString()));
        assertEquals(Optional.empty(), Containment.resolve(root, null));
        assertFalse(Containment.contains(root, tmp.resolve("ws-sibling")), "a name that merely starts like the root");
    }

    @Test
    void aSymbolicLinkOutOfTheRootIsRefused() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ws"));
        Path outside = Files.createDirectories(tmp.resolve("secret"));
        Files.writeString(outside.resolve("key.txt"), "x");
        Files.createSymbolicLink(root.resolve("link"), outside);
        Files.createSymbolicLink(root.resolve("file-link"), outside.resolve("key.txt"));

        assertEquals(Optional.empty(), Containment.resolve(root, "link/key.txt"), "reading through a link out");
        assertEquals(Optional.empty(), Containment.resolve(root, "link/new.txt"), "writing through a link out");
        assertEquals(Optional.empty(), Containment.resolve(root, "file-link"), "a link to a file outside");
    }

    @Test
    void aDanglingLinkIsRefusedAndALinkWithinTheRootIsFine() throws Exception {
        Path root = Files.createDirectories(tmp.resolve("ws"));
        Files.createSymbolicLink(root.resolve("dangling"), tmp.resolve("not-yet"));
        assertEquals(Optional.empty(), Containment.resolve(root, "dangling"), "written through, it would create a file outside");

        Files.createDirectories(root.resolve("real"));
        Files.createSymbolicLink(root.resolve("alias"), root.resolve("real"));
        assertTrue(Containment.resolve(root, "alias/file.txt").isPresent());
    }

    @Test
    void aRootThatIsItselfALinkStillContainsItsFiles() throws Exception {
        Path real = Files.createDirectories(tmp.resolve("real-ws"));
        Files.writeString(real.resolve("a.txt"), "a");
        Path root = Files.createSymbolicLink(tmp.resolve("ws"), real);
        assertEquals(Optional.of(root.resolve("a.txt")), Containment.resolve(root, "a.txt"));
    }
}
