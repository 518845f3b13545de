package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.build.MavenProject;
import dev.tierlab.build.Projects;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import dev.tierlab.lab.Lab;
import dev.tierlab.runtime.DeploymentPackage;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.cloudformation.model.StackEvent;

/**
 * Errors caused by the workspace's content are {@link WorkspaceFault}s (a grade counts them against
 * the learner); errors of the target or the machine are not. Each case fails before any AWS call.
 */
class WorkspaceFaultTest {
    @TempDir
    Path ws;

    private static final Deployer.Listener QUIET = new Deployer.Listener() {
        @Override
        public void progress(String key, Object... args) {
        }

        @Override
        public boolean confirm(Deployer.Plan plan) {
            return false;
        }

        @Override
        public void event(StackEvent event) {
        }
    };

    private TierlabException deploy(String template) {
        // nothing listens on port 9: a call to the target would fail with another error
        Target nowhere = Target.emulator(TargetKind.ENDPOINT, URI.create("http://127.0.0.1:9"), Set.of());
        try (AwsClients aws = new AwsClients(nowhere)) {
            return assertThrows(TierlabException.class,
                    () -> new Deployer(aws, QUIET).deploy("lab", ws, new Lab.Deploy(template, null, Map.of(), null, null, null), p -> p));
        }
    }

    @Test
    void aMissingTemplateOrOneOutsideTheWorkspaceIsTheWorkspacesFault() throws Exception {
        assertTrue(deploy("template.yaml") instanceof WorkspaceFault);
        assertEquals("error.deploy.noTemplate", deploy("../template.yaml").key());
        Files.writeString(ws.resolveSibling("elsewhere.yaml"), "Resources: {}");
        Files.createSymbolicLink(ws.resolve("template.yaml"), ws.resolveSibling("elsewhere.yaml"));
        TierlabException viaLink = deploy("template.yaml");
        assertTrue(viaLink instanceof WorkspaceFault);
        assertEquals("error.deploy.noTemplate", viaLink.key(), "a link out of the workspace is no template of it");
    }

    @Test
    void aBrokenPomNoProjectAndNoZipAreTheWorkspacesFault() throws Exception {
        assertTrue(assertThrows(TierlabException.class, () -> Projects.in(ws)) instanceof WorkspaceFault);
        Files.writeString(ws.resolve("pom.xml"), "<project><artifactId>a</artifactId></project>"); // no groupId, no version
        assertTrue(assertThrows(TierlabException.class, () -> MavenProject.read(ws)) instanceof WorkspaceFault);
        assertTrue(assertThrows(TierlabException.class, () -> DeploymentPackage.open(ws.resolve("missing.zip"))) instanceof WorkspaceFault);
    }

    @Test
    void anUnreadableDeployRecordIsNot() throws Exception {
        Files.createDirectories(ws.resolve(".tierlab"));
        Files.writeString(ws.resolve(DeployState.FILE), "{not json");
        TierlabException e = assertThrows(TierlabException.class, () -> DeployState.read(ws));
        assertTrue(!(e instanceof WorkspaceFault), "tierlab's own record, not the learner's work");
    }
}
