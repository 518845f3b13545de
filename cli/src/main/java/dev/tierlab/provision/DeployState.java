package dev.tierlab.provision;

import com.fasterxml.jackson.annotation.JsonInclude;
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
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What a workspace has deployed, kept in {@code <workspace>/.tierlab/deploy.json} (written
 * atomically): the target, the stack, the uploaded artifacts and the stack's outputs. While a deploy
 * or destroy runs, {@link #pending} names it; a command that finds it set after the fact knows that
 * the operation was interrupted and says so.
 *
 * @param target   the kind of target, recorded as the word the user types (sandbox, endpoint, aws, …)
 * @param endpoint the emulator's URL, null on AWS
 * @param outputs  the stack's outputs after the last successful deploy
 * @param sources  the {@link DeployedSources} fingerprint of the workspace at the last successful deploy
 *                 (null before one): checks of what is deployed are blocked while the workspace differs
 * @param site     the bucket tierlab published the lab's site to (null when it has none): destroy empties it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeployState(TargetKind target, String endpoint, String region, String account, String stack, String bucket,
                          List<String> artifacts, Map<String, String> outputs, String deployedAt, Pending pending,
                          String sources, String site) {
    public static final String FILE = ".tierlab/deploy.json";
    private static final ObjectMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
            .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES).build();

    public DeployState {
        artifacts = artifacts == null ? List.of() : List.copyOf(artifacts);
        outputs = outputs == null ? Map.of() : Map.copyOf(outputs);
    }

    /** An operation that started and has not been seen to finish. */
    public record Pending(String operation, String startedAt) {
    }

    public DeployState withPending(Pending p) {
        return new DeployState(target, endpoint, region, account, stack, bucket, artifacts, outputs, deployedAt, p, sources, site);
    }

    public DeployState withOutputs(Map<String, String> o) {
        return new DeployState(target, endpoint, region, account, stack, bucket, artifacts, o, deployedAt, pending, sources, site);
    }

    /** This state as of a deploy that finished now, of the workspace whose fingerprint is {@code deployedSources}. */
    public DeployState deployedNow(String deployedSources) {
        return new DeployState(target, endpoint, region, account, stack, bucket, artifacts, outputs,
                java.time.Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString(), null, deployedSources, site);
    }

    /** This state with the fingerprint of what is deployed (a deploy that found nothing to change). */
    public DeployState withSources(String deployedSources) {
        return new DeployState(target, endpoint, region, account, stack, bucket, artifacts, outputs, deployedAt, pending, deployedSources, site);
    }

    /** This state with the bucket its site was published to. */
    public DeployState withSite(String siteBucket) {
        return new DeployState(target, endpoint, region, account, stack, bucket, artifacts, outputs, deployedAt, pending, sources, siteBucket);
    }

    public static Optional<DeployState> read(Path workspace) {
        Path file = workspace.resolve(FILE);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(JSON.readValue(file.toFile(), DeployState.class));
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.deploy.badState", file, e.getMessage());
        }
    }

    public void write(Path workspace) {
        Path file = workspace.resolve(FILE);
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.write(file, JSON.writeValueAsBytes(this));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    public static void delete(Path workspace) {
        try {
            Files.deleteIfExists(workspace.resolve(FILE));
        } catch (IOException e) {
            throw TierlabException.io(workspace.resolve(FILE), e);
        }
    }
}
