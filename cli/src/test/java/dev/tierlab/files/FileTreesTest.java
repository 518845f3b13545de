package dev.tierlab.files;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FileTreesTest {
    @TempDir
    Path tmp;

    @Test
    void deletesATreeButNotWhatItsLinksPointAt() throws Exception {
        Path keep = Files.createDirectories(tmp.resolve("keep"));
        Files.writeString(keep.resolve("precious.txt"), "p");
        Path tree = Files.createDirectories(tmp.resolve("tree/a/b"));
        Files.writeString(tree.resolve("f.txt"), "f");
        Files.createSymbolicLink(tmp.resolve("tree/a/link"), keep);

        FileTrees.delete(tmp.resolve("tree"));

        assertFalse(Files.exists(tmp.resolve("tree")));
        assertTrue(Files.exists(keep.resolve("precious.txt")), "a link is deleted as a link, never followed");
    }

    @Test
    void aMissingTreeIsNothingToDo() throws Exception {
        FileTrees.delete(tmp.resolve("missing"));
        FileTrees.deleteTemporary(tmp.resolve("missing"));
        assertFalse(Files.exists(tmp.resolve("missing")));
    }

    @Test
    void copySkipsWhatItIsToldToSkip() throws Exception {
        Files.createDirectories(tmp.resolve("from/target"));
        Files.writeString(tmp.resolve("from/a.txt"), "a");
        Files.writeString(tmp.resolve("from/target/b.class"), "b");
        FileTrees.copy(tmp.resolve("from"), tmp.resolve("to"), p -> p.toString().equals("target"));
        assertTrue(Files.exists(tmp.resolve("to/a.txt")));
        assertFalse(Files.exists(tmp.resolve("to/target")));
    }
}
