package dev.tierlab.progress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.TierlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a learner used, kept in the workspace: per lab, merged, and loud when the file is damaged. */
class LearnerRecordTest {
    @TempDir
    Path ws;

    @Test
    void hintsKeepTheHighestLevelAndSolutionsAccumulatePerLab() throws Exception {
        assertEquals(LearnerRecord.Used.NONE, LearnerRecord.read(ws, "api-gateway"), "nothing recorded yet");
        LearnerRecord.update(ws, "api-gateway", u -> u.withHintLevel("post-ticket", 2));
        LearnerRecord.update(ws, "api-gateway", u -> u.withHintLevel("post-ticket", 1).withSolutionSeen("post-ticket"));
        LearnerRecord.update(ws, "other-lab", u -> u.withHintLevel("first", 1));
        LearnerRecord.Used used = LearnerRecord.read(ws, "api-gateway");
        assertEquals(Map.of("post-ticket", 2), used.hints());
        assertEquals(List.of("post-ticket"), used.solutionsSeen());
        assertEquals(Map.of("first", 1), LearnerRecord.read(ws, "other-lab").hints(), "labs are kept apart");
        Progress.LabProgress asProgress = used.asLabProgress(ws);
        assertEquals(ws.toString(), asProgress.workspace());
        assertEquals(Map.of("post-ticket", 2), asProgress.hints());
        String json = Files.readString(ws.resolve(LearnerRecord.FILE));
        assertTrue(json.contains("\"schemaVersion\" : 1"), json);
        try (var files = Files.list(ws.resolve(".tierlab"))) {
            assertEquals(List.of("learner.json"), files.map(p -> p.getFileName().toString()).toList(), "no temporary file left");
        }
    }

    @Test
    void aDamagedRecordIsAnErrorNamingTheFile() throws Exception {
        Files.createDirectories(ws.resolve(".tierlab"));
        Files.writeString(ws.resolve(LearnerRecord.FILE), "{not json");
        TierlabException e = assertThrows(TierlabException.class, () -> LearnerRecord.read(ws, "api-gateway"));
        assertEquals("error.learner.unreadable", e.key());
        assertEquals(ws.resolve(LearnerRecord.FILE), e.args()[0]);
    }
}
