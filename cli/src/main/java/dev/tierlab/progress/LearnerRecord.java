package dev.tierlab.progress;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.UnaryOperator;

/**
 * What a learner used in one workspace — the hint levels opened per step and the steps whose solution
 * they saw — kept in {@code <workspace>/.tierlab/learner.json} (written atomically) as well as in the
 * progress of tierlab's home. Progress is per home, and one home may serve several learners (a
 * grading machine, a shared lab computer); a grade reads what was used from the workspace it grades,
 * so one learner is never charged for another's hints. The file travels with the workspace (it is
 * committed with it in a Classroom repository).
 *
 * @param labs lab id → what was used in that lab (a workspace normally holds one)
 */
public record LearnerRecord(int schemaVersion, SortedMap<String, Used> labs) {
    public static final String FILE = ".tierlab/learner.json";
    public static final int SCHEMA_VERSION = 1;
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .build();

    public LearnerRecord {
        schemaVersion = SCHEMA_VERSION;
        labs = Collections.unmodifiableSortedMap(new TreeMap<>(labs == null ? Map.of() : labs));
    }

    /** The hint levels opened per step and the steps whose solution was shown or applied. */
    public record Used(SortedMap<String, Integer> hints, List<String> solutionsSeen) {
        public static final Used NONE = new Used(null, null);

        public Used {
            hints = Collections.unmodifiableSortedMap(new TreeMap<>(hints == null ? Map.of() : hints));
            solutionsSeen = List.copyOf(new TreeSet<>(solutionsSeen == null ? List.of() : solutionsSeen));
        }

        public Used withHintLevel(String step, int level) {
            TreeMap<String, Integer> h = new TreeMap<>(hints);
            h.merge(step, level, Math::max);
            return new Used(h, solutionsSeen);
        }

        public Used withSolutionSeen(String step) {
            List<String> seen = new java.util.ArrayList<>(solutionsSeen);
            seen.add(step);
            return new Used(hints, seen);
        }

        /** As the lab progress a grade reads: the workspace, its hints and solutions, no check results. */
        public Progress.LabProgress asLabProgress(Path workspace) {
            return new Progress.LabProgress(workspace.toString(), hints, solutionsSeen, null);
        }
    }

    /** What was used in {@code lab} in {@code workspace}; nothing when the workspace has no record. */
    public static Used read(Path workspace, String lab) {
        return load(workspace).labs().getOrDefault(lab, Used.NONE);
    }

    /** Applies {@code change} to what was used in {@code lab} and writes the record atomically. */
    public static void update(Path workspace, String lab, UnaryOperator<Used> change) {
        LearnerRecord record = load(workspace);
        TreeMap<String, Used> labs = new TreeMap<>(record.labs());
        labs.put(lab, change.apply(labs.getOrDefault(lab, Used.NONE)));
        Path file = workspace.resolve(FILE);
        try {
            // shared permissions: an instructor reads it with the rest of the workspace
            AtomicFiles.writeShared(file, (JSON.writeValueAsString(new LearnerRecord(SCHEMA_VERSION, labs)) + "\n")
                    .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    private static LearnerRecord load(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return new LearnerRecord(SCHEMA_VERSION, null);
        }
        try {
            LearnerRecord record = JSON.readValue(file.toFile(), LearnerRecord.class);
            return record == null ? new LearnerRecord(SCHEMA_VERSION, null) : record;
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.learner.unreadable", file, e.getMessage());
        }
    }
}
