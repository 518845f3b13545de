package dev.tierlab.provision;

import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import dev.tierlab.files.Hashes;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * A fingerprint of what a deploy takes from the workspace: the template and, for each deployed
 * project, its {@code pom.xml} and {@code src/} tree (not build output). When it differs from the one
 * recorded at the last deploy, what is deployed is older than the workspace, and checks of it say
 * so instead of judging code the learner has since changed.
 */
public final class DeployedSources {
    private DeployedSources() {
    }

    public static String of(Path workspace, Lab.Deploy spec) {
        List<Path> files = new ArrayList<>();
        files.add(workspace.resolve(spec.template()).normalize());
        for (String project : spec.packages().values()) {
            Path dir = workspace.resolve(project).normalize();
            files.add(dir.resolve("pom.xml"));
            Path src = dir.resolve("src");
            if (Files.isDirectory(src)) {
                try (Stream<Path> walk = Files.walk(src)) {
                    walk.filter(Files::isRegularFile).sorted().forEach(files::add);
                } catch (IOException e) {
                    throw TierlabException.io(src, e);
                }
            }
        }
        if (spec.site() != null) {
            files.addAll(SitePublisher.sources(workspace, spec.site()));
        }
        try {
            MessageDigest sha = Hashes.sha256();
            for (Path f : files) {
                sha.update(workspace.relativize(f).toString().replace('\\', '/').getBytes(StandardCharsets.UTF_8));
                sha.update((byte) 0);
                if (Files.isRegularFile(f)) {
                    sha.update(Files.readAllBytes(f));
                }
                sha.update((byte) 0);
            }
            return Hashes.hex(sha.digest());
        } catch (IOException e) {
            throw TierlabException.io(workspace, e);
        }
    }
}
