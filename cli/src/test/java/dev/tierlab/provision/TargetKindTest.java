package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TargetKindTest {
    @TempDir
    Path ws;

    @Test
    void theWordsUsersTypeInTheOrderHelpListsThem() {
        assertEquals(List.of("sandbox", "endpoint", "localstack", "floci", "aws"), TargetKind.ids());
        for (TargetKind k : TargetKind.values()) {
            assertEquals(k, TargetKind.of(k.id()));
        }
    }

    @Test
    void anUnknownWordListsTheKnownOnes() {
        TierlabException e = assertThrows(TierlabException.class, () -> TargetKind.of("azure"));
        assertEquals(ExitCode.USAGE, e.exitCode());
        assertEquals("error.target.unknown", e.key());
        assertEquals("sandbox, endpoint, localstack, floci, aws", e.args()[1]);
    }

    @Test
    void aDeployRecordWrittenBeforeTheTypeStillReadsAndIsWrittenTheSameWay() throws Exception {
        Files.createDirectories(ws.resolve(".tierlab"));
        // as tierlab 0.1 wrote it
        Files.writeString(ws.resolve(DeployState.FILE), """
                {
                  "target" : "endpoint",
                  "endpoint" : "http://127.0.0.1:4566",
                  "region" : "us-east-1",
                  "account" : "000000000000",
                  "stack" : "tierlab-api-gateway-1a2b3c4d",
                  "bucket" : "tierlab-artifacts-000000000000-us-east-1",
                  "artifacts" : [ "tierlab-api-gateway-1a2b3c4d/abc.zip" ],
                  "outputs" : { "ApiUrl" : "https://x.execute-api.us-east-1.amazonaws.com/dev" },
                  "deployedAt" : "2026-11-30T10:00:00Z"
                }
                """);
        DeployState state = DeployState.read(ws).orElseThrow();
        assertEquals(TargetKind.ENDPOINT, state.target());
        state.write(ws);
        assertEquals(true, Files.readString(ws.resolve(DeployState.FILE)).contains("\"target\" : \"endpoint\""));
    }

    @Test
    void aRecordNamingAnUnknownTargetIsABadStateFile() throws Exception {
        Files.createDirectories(ws.resolve(".tierlab"));
        Files.writeString(ws.resolve(DeployState.FILE), "{\"target\": \"mainframe\", \"stack\": \"s\"}");
        TierlabException e = assertThrows(TierlabException.class, () -> DeployState.read(ws));
        assertEquals("error.deploy.badState", e.key());
    }
}
