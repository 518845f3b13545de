package dev.tierlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.TestFiles;
import dev.tierlab.course.ContentSource;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The grade report's hash tells an instructor when the checks a learner was graded with were edited. */
class LabFingerprintTest {
    @TempDir
    Path labs;

    private Path copy() throws IOException {
        return TestFiles.copyLab("api-gateway", labs);
    }

    private LabFingerprint fingerprint(Path folder) {
        Lab lab = new LabLoader(ContentSource.directory(folder.getParent())).load(folder.getFileName().toString());
        return LabFingerprint.of(folder, lab);
    }

    @Test
    void aChangedCheckChangesTheHash() throws IOException {
        Path lab = copy();
        String original = fingerprint(lab).sha256();
        assertEquals(64, original.length());
        assertEquals(original, fingerprint(lab).sha256(), "the same definition, the same hash");

        TestFiles.edit(lab.resolve("lab.yaml"), "expectStatus: 201}", "expectStatus: 501}");
        String edited = fingerprint(lab).sha256();
        assertNotEquals(original, edited, "a check's expectation changed");

        TestFiles.edit(lab.resolve("lab.yaml"), "expectStatus: 501}", "expectStatus: 201}");
        assertEquals(original, fingerprint(lab).sha256(), "undoing the edit restores the hash");
    }

    @Test
    void pointsAndEventsCountLayoutDoesNot() throws IOException {
        Path lab = copy();
        String original = fingerprint(lab).sha256();

        TestFiles.edit(lab.resolve("lab.yaml"), "id: unit-tests-pass\n        type: unit-tests\n        points: 2",
                "id: unit-tests-pass\n        type: unit-tests\n        points: 20");
        assertNotEquals(original, fingerprint(lab).sha256(), "points changed");
        TestFiles.edit(lab.resolve("lab.yaml"), "points: 20", "points: 2");

        TestFiles.edit(lab.resolve("lab.yaml"), "steps:\n", "# a comment the learner added\nsteps:\n");
        assertEquals(original, fingerprint(lab).sha256(), "comments and layout are not definitions");

        Path event = lab.resolve("events/post-ticket.json");
        Files.writeString(event, Files.readString(event).replace("\"POST\"", "\"PUT\""));
        assertNotEquals(original, fingerprint(lab).sha256(), "the event an invoke check sends changed");
    }

    @Test
    void everyCheckHasItsLine() throws IOException {
        Path lab = copy();
        LabFingerprint fp = fingerprint(lab);
        java.util.List<String> lines = Files.readAllLines(lab.resolve("lab.yaml"));
        int line = fp.line("post-creates-ticket");
        assertTrue(lines.get(line - 1).contains("id: post-creates-ticket"), "line " + line + ": " + lines.get(line - 1));
        assertEquals(0, fp.line("no-such-check"));
    }
}
