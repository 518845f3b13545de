package dev.tierlab.lab;

import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/** Finds the learner's tasks in a workspace: the {@code TODO(tierlab:<task-id>)} markers, with file and line. */
public final class Tasks {
    private Tasks() {
    }

    /** Where a task is marked: a path relative to the workspace and a line number. */
    public record Marker(String taskId, String file, int line) {
        @Override
        public String toString() {
            return file + ":" + line;
        }
    }

    public static List<Marker> find(Path workspace, String taskId) {
        String needle = "TODO(tierlab:" + taskId + ")";
        List<Marker> found = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(workspace)) {
            for (Path f : walk.filter(Files::isRegularFile)
                    .filter(p -> !workspace.relativize(p).toString().matches("(.*/)?(target|\\.tierlab|\\.git|node_modules)/.*"))
                    .sorted().toList()) {
                List<String> lines;
                try {
                    lines = Files.readAllLines(f);
                } catch (IOException | UncheckedIOException e) {
                    continue; // not text
                }
                for (int i = 0; i < lines.size(); i++) {
                    if (lines.get(i).contains(needle)) {
                        found.add(new Marker(taskId, workspace.relativize(f).toString().replace('\\', '/'), i + 1));
                    }
                }
            }
        } catch (IOException e) {
            throw TierlabException.io(workspace, e);
        }
        return found;
    }
}
