package dev.tierlab.build;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** The Maven projects of a workspace: folders with a {@code pom.xml}, outside {@code target} and {@code .tierlab}. */
public final class Projects {
    private Projects() {
    }

    public static List<MavenProject> in(Path workspace) {
        try (Stream<Path> walk = Files.walk(workspace, 3)) {
            List<MavenProject> projects = walk
                    .filter(p -> p.getFileName().toString().equals("pom.xml") && Files.isRegularFile(p))
                    .filter(p -> !workspace.relativize(p).toString().matches("(.*/)?(target|\\.tierlab)/.*"))
                    .map(p -> MavenProject.read(p.getParent()))
                    .sorted((a, b) -> a.dir().compareTo(b.dir()))
                    .toList();
            if (projects.isEmpty()) {
                throw new WorkspaceFault(ExitCode.NOT_FOUND, "error.build.noProject", workspace);
            }
            return projects;
        } catch (IOException e) {
            throw TierlabException.io(workspace, e);
        }
    }
}
