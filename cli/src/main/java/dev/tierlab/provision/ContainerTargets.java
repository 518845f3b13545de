package dev.tierlab.provision;

import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.net.URI;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code localstack} and {@code floci} targets: an emulator in a container started with
 * Testcontainers, for machines that have a Docker engine. The container is reused across tierlab
 * commands (Testcontainers' reuse, labelled {@code tierlab}) so a deploy and the checks after it talk
 * to the same emulator. Without Docker, or without LocalStack's auth token, the user is told why and
 * which targets work instead.
 */
final class ContainerTargets {
    static final String LOCALSTACK_IMAGE = "localstack/localstack:latest";
    static final String FLOCI_IMAGE = "floci/floci:latest";
    private static final int PORT = 4566;

    private final Environment env;
    private final Consumer<String> progress;

    ContainerTargets(Environment env, Consumer<String> progress) {
        this.env = env;
        this.progress = progress;
    }

    /** Why the container targets cannot run here, or null when a Docker engine answers. */
    static String dockerUnavailable() {
        try {
            return DockerClientFactory.instance().isDockerAvailable() ? null : "no Docker engine answers";
        } catch (RuntimeException | LinkageError e) {
            return "no Docker engine answers (" + e.getClass().getSimpleName() + ")";
        }
    }

    Target start(TargetKind kind) {
        String name = kind.id();
        String token = env.get("LOCALSTACK_AUTH_TOKEN").orElse(null);
        if (name.equals("localstack") && token == null) {
            // LocalStack's image needs an auth token since 2026-03-23
            throw new TierlabException(ExitCode.USAGE, "error.target.localstackToken");
        }
        String why = dockerUnavailable();
        if (why != null) {
            throw new TierlabException(ExitCode.FAILED, "error.target.noDocker", name, why);
        }
        progress.accept(name);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(name.equals("localstack") ? LOCALSTACK_IMAGE : FLOCI_IMAGE))
                .withExposedPorts(PORT)
                .withLabel("tierlab", name)
                .withReuse(true)
                // both run Lambda functions in sibling containers
                .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock", BindMode.READ_WRITE)
                .waitingFor(Wait.forHttp(name.equals("localstack") ? "/_localstack/health" : "/").forPort(PORT)
                        .forStatusCodeMatching(code -> code < 500));
        if (token != null && name.equals("localstack")) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token); // passed through, never printed
        }
        container.start();
        URI endpoint = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT));
        return Target.emulator(kind, endpoint, name.equals("localstack") ? Targets.LOCALSTACK : Targets.FLOCI);
    }
}
