package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.net.URI;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** What can be known about a container target's lifetime without Docker (ContainerTargetsIT runs the containers). */
class ContainerTargetsTest {
    private final List<String> started = new ArrayList<>();
    private final ContainerTargets targets = new ContainerTargets(
            new Environment(Map.of(), false, Locale.ENGLISH, Path.of("/nonexistent-home"), Path.of(".")), started::add);

    @AfterEach
    void forget() {
        ContainerTargets.forgetForTest(TargetKind.FLOCI);
        ContainerTargets.forgetForTest(TargetKind.LOCALSTACK);
    }

    @Test
    void aContainerAnEarlierProcessDeployedToIsGoneAndSaysSo() {
        TierlabException e = assertThrows(TierlabException.class,
                () -> targets.start(TargetKind.FLOCI, URI.create("http://localhost:32768")));
        assertEquals("error.target.containerGone", e.key());
        assertEquals(ExitCode.FAILED, e.exitCode());
        assertEquals(List.of("floci", URI.create("http://localhost:32768")), List.of(e.args()));
        assertEquals(List.of(), started, "no new, empty container is started in its place");
    }

    @Test
    void theContainerOfThisProcessIsFoundAgain() {
        URI endpoint = URI.create("http://localhost:40001");
        ContainerTargets.adoptForTest(TargetKind.FLOCI, endpoint);

        Target deployedTo = targets.start(TargetKind.FLOCI, endpoint);
        assertEquals(endpoint, deployedTo.endpoint());
        assertEquals(TargetKind.FLOCI, deployedTo.kind());
        assertEquals(Targets.FLOCI, deployedTo.capabilities());
        assertEquals(endpoint, targets.start(TargetKind.FLOCI, null).endpoint(), "a new deploy uses it too");
        assertEquals(List.of(), started);

        TierlabException other = assertThrows(TierlabException.class,
                () -> targets.start(TargetKind.FLOCI, URI.create("http://localhost:40002")));
        assertEquals("error.target.containerGone", other.key(), "another container than the one deployed to");
        TierlabException otherKind = assertThrows(TierlabException.class, () -> targets.start(TargetKind.LOCALSTACK, endpoint));
        assertEquals("error.target.containerGone", otherKind.key());
    }

    @Test
    void localstackWithoutItsTokenIsRefusedBeforeDockerIsAsked() {
        TierlabException e = assertThrows(TierlabException.class, () -> targets.start(TargetKind.LOCALSTACK, null));
        assertEquals("error.target.localstackToken", e.key());
    }
}
