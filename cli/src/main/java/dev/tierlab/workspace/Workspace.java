package dev.tierlab.workspace;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.files.Containment;
import dev.tierlab.files.Hashes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * A learner's workspace: the generated files plus {@code .tierlab/workspace.json}, which records the
 * lab, the template versions and the hash of every file as generated. With those hashes a new
 * generation can tell a file the learner changed (kept unless they agree to overwrite it, and then
 * backed up first) from one tierlab wrote and nobody touched (safe to update).
 */
public final class Workspace {
    public static final String MARKER = ".tierlab/workspace.json";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    private final Path dir;
    private final Clock clock;

    public Workspace(Path dir, Clock clock) {
        this.dir = dir.toAbsolutePath().normalize();
        this.clock = clock;
    }

    public Path dir() {
        return dir;
    }

    /**
     * What {@code workspace.json} holds.
     *
     * @param from the folder of the lab when it is not bundled (null for a bundled lab): the workspace
     *             holds that lab's code, which runs only when the user trusts the folder
     */
    public record Marker(int schemaVersion, String lab, SortedMap<String, Integer> templates, SortedMap<String, String> files,
                         String from) {
        public Marker {
            templates = new TreeMap<>(templates == null ? Map.of() : templates);
            files = new TreeMap<>(files == null ? Map.of() : files);
        }
    }

    /**
     * What a generation would do. {@code conflicts} are files the learner changed (or created) whose
     * content differs from the new one; everything else can be written without losing anything.
     */
    public record Plan(Map<String, byte[]> files, List<String> created, List<String> updated, List<String> unchanged,
                       List<String> conflicts) {
    }

    /** What a generation did. */
    public record Result(List<String> written, List<String> kept, Path backup) {
    }

    public Optional<Marker> marker() {
        Path file = dir.resolve(MARKER);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), Marker.class));
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.workspace.marker", file, e.getMessage());
        }
    }

    public Plan plan(Map<String, byte[]> files) {
        Map<String, String> recorded = marker().map(Marker::files).orElse(new TreeMap<>());
        List<String> created = new ArrayList<>();
        List<String> updated = new ArrayList<>();
        List<String> unchanged = new ArrayList<>();
        List<String> conflicts = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.entrySet()) {
            Path target = resolve(f.getKey());
            if (!Files.exists(target)) {
                created.add(f.getKey());
                continue;
            }
            byte[] current = read(target);
            if (Arrays.equals(current, f.getValue())) {
                unchanged.add(f.getKey());
            } else if (sha256(current).equals(recorded.get(f.getKey()))) {
                updated.add(f.getKey()); // as tierlab wrote it: the learner loses nothing
            } else {
                conflicts.add(f.getKey());
            }
        }
        return new Plan(files, created, updated, unchanged, conflicts);
    }

    /**
     * Writes the plan. Conflicting files are overwritten only when {@code overwrite} is true, and then
     * copied to {@code .tierlab/backup/<timestamp>/} first; otherwise they are kept as they are.
     */
    public Result apply(Plan plan, boolean overwrite, String lab, Map<String, Integer> templateVersions) {
        return apply(plan, overwrite, lab, templateVersions, true);
    }

    /**
     * Writes an overlay (a solution) that is not tierlab's template output: the marker keeps the
     * template's hashes, so the overlaid files count as changed by the learner and a later
     * generation does not silently put the template back.
     */
    public Result overlay(Plan plan, String lab, Map<String, Integer> templateVersions) {
        return apply(plan, true, lab, templateVersions, false);
    }

    private Result apply(Plan plan, boolean overwrite, String lab, Map<String, Integer> templateVersions, boolean record) {
        List<String> written = new ArrayList<>();
        List<String> kept = new ArrayList<>();
        Path backup = null;
        SortedMap<String, String> hashes = new TreeMap<>(marker().map(Marker::files).orElse(new TreeMap<>()));
        try {
            if (overwrite && !plan.conflicts().isEmpty()) {
                backup = dir.resolve(".tierlab/backup/" + STAMP.format(clock.instant()));
                for (int i = 1; Files.exists(backup); i++) {
                    backup = dir.resolve(".tierlab/backup/" + STAMP.format(clock.instant()) + "-" + i);
                }
                for (String rel : plan.conflicts()) {
                    Path copy = backup.resolve(rel);
                    Files.createDirectories(copy.getParent());
                    Files.copy(resolve(rel), copy);
                }
            }
            for (Map.Entry<String, byte[]> f : plan.files().entrySet()) {
                String rel = f.getKey();
                if (plan.conflicts().contains(rel) && !overwrite) {
                    kept.add(rel);
                    continue;
                }
                if (!plan.unchanged().contains(rel)) {
                    AtomicFiles.writeShared(resolve(rel), f.getValue());
                    written.add(rel);
                }
                if (record || !hashes.containsKey(rel)) {
                    hashes.put(rel, record ? sha256(f.getValue()) : "overlay");
                }
            }
            Marker marker = new Marker(1, lab, new TreeMap<>(templateVersions), hashes, marker().map(Marker::from).orElse(null));
            AtomicFiles.write(dir.resolve(MARKER), JSON.writeValueAsBytes(marker));
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
        return new Result(written, kept, backup);
    }

    /** Records that the workspace was made from the lab of {@code labFolder}, not a bundled one ({@link Marker#from}). */
    public void recordFrom(Path labFolder) {
        Marker m = marker().orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.workspace.none", dir));
        try {
            AtomicFiles.write(dir.resolve(MARKER), JSON.writeValueAsBytes(new Marker(m.schemaVersion(), m.lab(), m.templates(), m.files(),
                    labFolder.toAbsolutePath().normalize().toString())));
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
    }

    /** A path inside the workspace; a template path that would leave it is refused. */
    private Path resolve(String rel) {
        return Containment.resolve(dir, rel)
                .orElseThrow(() -> new TierlabException(ExitCode.BAD_INPUT, "error.workspace.outside", rel));
    }

    private static byte[] read(Path p) {
        try {
            return Files.readAllBytes(p);
        } catch (IOException e) {
            throw TierlabException.io(p, e);
        }
    }

    static String sha256(byte[] content) {
        return Hashes.sha256(content);
    }
}
