package dev.tierlab;

import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.files.Bundled;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;

/** File helpers for tests that work on copies of bundled labs. */
public final class TestFiles {
    private TestFiles() {
    }

    /** A copy of the bundled lab {@code id} as {@code labsDir/id}; returns the copy's folder. */
    public static Path copyLab(String id, Path labsDir) throws IOException {
        Path from = Bundled.folder("labs").resolve(id);
        Path to = labsDir.resolve(id);
        try (Stream<Path> files = Files.walk(from)) {
            for (Path f : files.toList()) {
                Path target = to.resolve(from.relativize(f).toString());
                if (Files.isDirectory(f)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(f, target);
                }
            }
        }
        return to;
    }

    /** Replaces {@code from} by {@code to} in {@code file}, failing when {@code from} is not there. */
    public static void edit(Path file, String from, String to) throws IOException {
        String text = Files.readString(file);
        assertTrue(text.contains(from), "the test expects " + from + " in " + file);
        Files.writeString(file, text.replace(from, to));
    }
}
