package dev.tierlab.progress;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.BufferedReader;
import java.io.File;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProgressStoreTest {
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-27T10:15:30Z"), ZoneOffset.UTC);

    @TempDir
    Path home;

    private final List<Path> movedAside = new ArrayList<>();
    private final List<TierlabException> otherVersions = new ArrayList<>();

    private ProgressStore store(Duration lockTimeout) {
        return new ProgressStore(home, CLOCK, lockTimeout, new ProgressStore.Listener() {
            @Override
            public void movedAside(Path backup) {
                movedAside.add(backup);
            }

            @Override
            public void otherVersion(TierlabException reason) {
                otherVersions.add(reason);
            }
        });
    }

    private ProgressStore store() {
        return store(Duration.ofSeconds(5));
    }

    private static Progress sample() {
        return Progress.empty().withPageRead("three-tier", 1).withPageRead("three-tier", 3)
                .withQuiz("three-tier", new Progress.QuizResult(5, 7, new TreeMap<>(Map.of("q1", List.of("b"))), "2026-11-27T10:00:00Z"));
    }

    @Test
    void writesAtomicallyAndReadsBack() throws Exception {
        store().update(p -> sample());
        assertEquals(sample(), store().load());
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of("progress.json", "progress.json.lock"),
                    files.map(f -> f.getFileName().toString()).sorted().toList(), "no temporary files left behind");
        }
        assertTrue(Files.readString(home.resolve("progress.json")).contains("\"schemaVersion\" : " + Progress.SCHEMA_VERSION));
    }

    @Test
    void missingFileMeansFreshProgress() {
        assertEquals(Progress.empty(), store().load());
    }

    @Test
    void corruptFileIsMovedAsideNeverDeleted() throws Exception {
        byte[] garbage = "{\"schemaVersion\": 1, \"chapters\": {\"x\": ".getBytes(StandardCharsets.UTF_8);
        Files.write(home.resolve("progress.json"), garbage);
        assertEquals(Progress.empty(), store().load());
        Path backup = home.resolve("progress.json.bak-20261127-101530");
        assertEquals(List.of(backup), movedAside);
        assertArrayEquals(garbage, Files.readAllBytes(backup));

        Files.write(home.resolve("progress.json"), "not json at all".getBytes(StandardCharsets.UTF_8));
        Progress after = store().update(p -> p.withPageRead("three-tier", 2));
        assertEquals(2, movedAside.size());
        assertEquals(home.resolve("progress.json.bak-20261127-101530-1"), movedAside.get(1), "earlier backups are kept");
        assertEquals(after, store().load());
    }

    @Test
    void wrongShapeCountsAsCorrupt() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{\"schemaVersion\": 1, \"chapters\": {\"x\": {\"pagesRead\": [0]}}}");
        assertEquals(Progress.empty(), store().load());
        assertEquals(1, movedAside.size());
    }

    @Test
    void aNewerSchemaVersionIsNotTreatedAsCorrupt() throws Exception {
        Files.writeString(home.resolve("progress.json"), "{\"schemaVersion\": 99}");
        assertEquals(Progress.empty(), store().load(), "read as empty so lessons stay readable");
        assertEquals(1, otherVersions.size());
        TierlabException e = assertThrows(TierlabException.class, () -> store().update(p -> sample()));
        assertEquals(ExitCode.BAD_INPUT, e.exitCode(), "but never overwritten");
        assertEquals(List.of(), movedAside);
        assertEquals("{\"schemaVersion\": 99}", Files.readString(home.resolve("progress.json")));
    }

    @Test
    void versionOneFilesAreReadAndRewrittenAsTheCurrentVersion() throws Exception {
        Files.writeString(home.resolve("progress.json"),
                "{\"schemaVersion\": 1, \"current\": {\"chapter\": \"three-tier\", \"page\": 2}, \"chapters\": {}}");
        Progress p = store().update(x -> x.withPageRead("three-tier", 3));
        assertEquals(Progress.SCHEMA_VERSION, p.schemaVersion());
        assertTrue(Files.readString(home.resolve("progress.json")).contains("\"schemaVersion\" : " + Progress.SCHEMA_VERSION));
        assertEquals(List.of(), movedAside);
    }

    @Test
    void labProgressRoundTrips() {
        Progress.LabProgress lab = Progress.LabProgress.NONE.withWorkspace("/tmp/ws").withHintLevel("s1", 2).withHintLevel("s1", 1)
                .withSolutionSeen("s1").withCheck("c1", new Progress.CheckRecord("FAILED", 0, 2, "2026-11-27T10:00:00Z"));
        store().update(p -> p.withLab("api-gateway", lab, true));
        Progress read = store().load();
        assertEquals("api-gateway", read.currentLab());
        assertEquals(2, read.lab("api-gateway").hints().get("s1"), "hint levels only go up");
        assertEquals(lab, read.lab("api-gateway"));
    }

    @Test
    void exportThenImportRoundTripsExactly() throws Exception {
        store().update(p -> sample());
        Path exported = home.resolve("export.json");
        store().exportTo(exported, false);
        byte[] bytes = Files.readAllBytes(exported);
        store().update(p -> Progress.empty());
        Path backup = store().importFrom(exported);
        assertTrue(Files.exists(backup));
        assertEquals(sample(), store().load());
        Path again = home.resolve("again.json");
        store().exportTo(again, false);
        assertArrayEquals(bytes, Files.readAllBytes(again));
    }

    @Test
    void importOfBadFilesChangesNothing() throws Exception {
        store().update(p -> sample());
        byte[] before = Files.readAllBytes(home.resolve("progress.json"));
        for (String bad : List.of("{\"schemaVersion\": 99, \"chapters\": {}}", "[1,2]", "{\"chapters\": {}}", "{oops",
                "{\"schemaVersion\": 1, \"surprise\": true}")) {
            Path file = home.resolve("bad.json");
            Files.writeString(file, bad);
            TierlabException e = assertThrows(TierlabException.class, () -> store().importFrom(file), bad);
            assertEquals(ExitCode.BAD_INPUT, e.exitCode(), bad);
            assertArrayEquals(before, Files.readAllBytes(home.resolve("progress.json")), bad);
        }
        assertEquals(List.of(), movedAside);
    }

    /** A second process holds the lock: this one waits, then gives up with BUSY and writes nothing. */
    @Test
    void aSecondProcessCannotWriteAtTheSameTime() throws Exception {
        store().update(p -> sample());
        byte[] before = Files.readAllBytes(home.resolve("progress.json"));
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process holder = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                LockHolder.class.getName(), home.resolve("progress.json.lock").toString())
                .redirectErrorStream(true).start();
        try (BufferedReader r = new BufferedReader(new InputStreamReader(holder.getInputStream(), StandardCharsets.UTF_8))) {
            assertEquals("locked", r.readLine());
            TierlabException e = assertThrows(TierlabException.class,
                    () -> store(Duration.ofMillis(300)).update(p -> Progress.empty()));
            assertEquals(ExitCode.BUSY, e.exitCode());
            assertArrayEquals(before, Files.readAllBytes(home.resolve("progress.json")));
        } finally {
            holder.destroy();
            holder.waitFor();
        }
        store(Duration.ofSeconds(5)).update(p -> Progress.empty());
        assertEquals(Progress.empty(), store().load(), "the lock is free once the other process ends");
        assertTrue(new File(home.toFile(), "progress.json").exists());
    }
}
