package dev.tierlab.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.DefaultJsonNodeReader;
import com.networknt.schema.serialization.node.JsonLocationAware;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.Containment;
import dev.tierlab.files.Hashes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;

/**
 * What identifies the checks a grade was computed with: a SHA-256 over the lab definition (its
 * content, not its layout: keys sorted, comments and spacing ignored) and over every event file an
 * {@code invoke} check sends; and the line of each check in {@code lab.yaml}. A learner who edits a
 * check, its points or its event changes the hash.
 *
 * @param sha256 lowercase hex
 * @param lines  check id → line of the check in lab.yaml, from 1
 */
public record LabFingerprint(String sha256, Map<String, Integer> lines) {
    private static final ObjectMapper CANONICAL = JsonMapper.builder()
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();

    public LabFingerprint {
        lines = Map.copyOf(lines);
    }

    public int line(String checkId) {
        return lines.getOrDefault(checkId, 0);
    }

    /** The fingerprint of {@code lab} as defined in {@code folder} (the folder holding its lab.yaml). */
    public static LabFingerprint of(Path folder, Lab lab) {
        Path file = folder.resolve("lab.yaml");
        try {
            String text = Files.readString(file);
            JsonNode tree = DefaultJsonNodeReader.builder().locationAware().build().readTree(text, InputFormat.YAML);
            MessageDigest sha = Hashes.sha256();
            Object plain = CANONICAL.treeToValue(tree, Object.class);
            sha.update(CANONICAL.writeValueAsBytes(plain));
            TreeSet<String> events = new TreeSet<>();
            for (Lab.Step step : lab.steps()) {
                for (Lab.Check check : step.checks()) {
                    if ("invoke".equals(check.type()) && check.params().get("event") != null) {
                        events.add(String.valueOf(check.params().get("event")));
                    }
                }
            }
            for (String event : events) {
                Path path = folder.resolve("events").resolve(event + ".json").normalize();
                boolean inside = Containment.contains(folder, path);
                sha.update(("\nevent " + event + "\n").getBytes(StandardCharsets.UTF_8));
                if (inside && Files.isRegularFile(path)) {
                    sha.update(Files.readAllBytes(path));
                }
            }
            return new LabFingerprint(Hashes.hex(sha.digest()), lines(tree));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    private static Map<String, Integer> lines(JsonNode tree) {
        Map<String, Integer> lines = new HashMap<>();
        for (JsonNode step : tree.path("steps")) {
            for (JsonNode check : step.path("checks")) {
                if (check instanceof JsonLocationAware aware && aware.tokenLocation() != null
                        && aware.tokenLocation() != JsonLocation.NA && check.hasNonNull("id")) {
                    lines.put(check.get("id").asText(), aware.tokenLocation().getLineNr());
                }
            }
        }
        return lines;
    }
}
