package dev.tierlab.build;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.apache.maven.model.Model;
import org.apache.maven.model.io.xpp3.MavenXpp3Reader;
import org.codehaus.plexus.util.xml.pull.XmlPullParserException;

/**
 * The facts tierlab needs about a generated Maven project: its coordinates and Java release.
 *
 * @param release the {@code maven.compiler.release} property, 17 when absent
 */
public record MavenProject(Path dir, Path pom, String groupId, String artifactId, String version, int release) {

    public static MavenProject read(Path dir) {
        Path pom = dir.resolve("pom.xml");
        try (Reader in = Files.newBufferedReader(pom)) {
            Model m = new MavenXpp3Reader().read(in);
            String group = m.getGroupId() != null ? m.getGroupId() : m.getParent() == null ? null : m.getParent().getGroupId();
            String version = m.getVersion() != null ? m.getVersion() : m.getParent() == null ? null : m.getParent().getVersion();
            if (group == null || m.getArtifactId() == null || version == null) {
                throw new WorkspaceFault(ExitCode.BAD_INPUT, "error.build.pom", pom, "groupId, artifactId and version are needed");
            }
            String release = m.getProperties().getProperty("maven.compiler.release", "17");
            return new MavenProject(dir, pom, group, m.getArtifactId(), version, Integer.parseInt(release.trim()));
        } catch (XmlPullParserException e) {
            throw new WorkspaceFault(ExitCode.BAD_INPUT, e, "error.build.pom", pom + ":" + e.getLineNumber() + ":" + e.getColumnNumber(),
                    e.getMessage());
        } catch (NumberFormatException e) {
            throw new WorkspaceFault(ExitCode.BAD_INPUT, e, "error.build.pom", pom, "maven.compiler.release must be a number");
        } catch (IOException e) {
            throw TierlabException.io(pom, e);
        }
    }

    /** The deployment zip that {@code tierlab build} writes. */
    public Path zip() {
        return dir.resolve("target").resolve(artifactId + ".zip");
    }

    public Path classes() {
        return dir.resolve("target/classes");
    }
}
