package dev.tierlab.provision;

import dev.tierlab.config.Environment;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.net.URI;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.BindMode;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.wait.strategy.Wait;
import org.testcontainers.utility.DockerImageName;

/**
 * The {@code localstack} and {@code floci} targets: an emulator in a container started with
 * Testcontainers, for machines that have a Docker engine.
 *
 * <p>Lifetime: a container lives as long as the tierlab process that started it — one command, or
 * one {@code tierlab} shell session — because Testcontainers removes its containers when that JVM
 * ends (its reuse mode would keep them, but only for users who opted in to it in
 * {@code ~/.testcontainers.properties}, so tierlab does not rely on it). Within the process the
 * container is started once per kind and found again, so a grade, or a deploy and a check in the
 * shell, talk to the same emulator. A workspace deployed by an earlier process names a container
 * that is gone, with everything deployed in it: its check and destroy are refused with a message
 * saying so, instead of silently asking a fresh, empty emulator.
 */
final class ContainerTargets {
    static final String LOCALSTACK_IMAGE = "localstack/localstack:latest";
    static final String FLOCI_IMAGE = "floci/floci:latest";
    static final String LABEL = "dev.tierlab.target";
    private static final int PORT = 4566;

    /** The containers this process started; they end with it (see the class comment). */
    private static final Map<TargetKind, Running> RUNNING = new ConcurrentHashMap<>();

    private record Running(URI endpoint, GenericContainer<?> container) {
        boolean alive() {
            return container == null || container.isRunning();
        }
    }

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

    /**
     * The container target of {@code kind}.
     *
     * @param deployedTo the endpoint a workspace recorded when it deployed there; null to use this
     *                   process's container, starting it when there is none
     */
    Target start(TargetKind kind, URI deployedTo) {
        Optional<Running> running = Optional.ofNullable(RUNNING.get(kind)).filter(Running::alive);
        if (deployedTo != null) {
            Running same = running.filter(r -> r.endpoint().equals(deployedTo))
                    .orElseThrow(() -> new TierlabException(ExitCode.FAILED, "error.target.containerGone", kind.id(), deployedTo));
            return target(kind, same.endpoint());
        }
        if (running.isPresent()) {
            return target(kind, running.get().endpoint());
        }
        Running started = launch(kind);
        RUNNING.put(kind, started);
        return target(kind, started.endpoint());
    }

    private Running launch(TargetKind kind) {
        String name = kind.id();
        String token = env.get("LOCALSTACK_AUTH_TOKEN").orElse(null);
        if (kind == TargetKind.LOCALSTACK && token == null) {
            // LocalStack's image needs an auth token since 2026-03-23
            throw new TierlabException(ExitCode.USAGE, "error.target.localstackToken");
        }
        String why = dockerUnavailable();
        if (why != null) {
            throw new TierlabException(ExitCode.FAILED, "error.target.noDocker", name, why);
        }
        progress.accept(name);
        GenericContainer<?> container = new GenericContainer<>(DockerImageName.parse(kind == TargetKind.LOCALSTACK ? LOCALSTACK_IMAGE : FLOCI_IMAGE))
                .withExposedPorts(PORT)
                .withLabel(LABEL, name)
                .withLabel(LABEL + ".pid", String.valueOf(ProcessHandle.current().pid()))
                // both run Lambda functions in sibling containers
                .withFileSystemBind("/var/run/docker.sock", "/var/run/docker.sock", BindMode.READ_WRITE)
                .waitingFor(Wait.forHttp(kind == TargetKind.LOCALSTACK ? "/_localstack/health" : "/").forPort(PORT)
                        .forStatusCodeMatching(code -> code < 500));
        if (token != null && kind == TargetKind.LOCALSTACK) {
            container.withEnv("LOCALSTACK_AUTH_TOKEN", token); // passed through, never printed
        }
        container.start();
        return new Running(URI.create("http://" + container.getHost() + ":" + container.getMappedPort(PORT)), container);
    }

    private static Target target(TargetKind kind, URI endpoint) {
        return Target.emulator(kind, endpoint, kind == TargetKind.LOCALSTACK ? Targets.LOCALSTACK : Targets.FLOCI);
    }

    /** For tests: pretends this process started a container of {@code kind} at {@code endpoint}. */
    static void adoptForTest(TargetKind kind, URI endpoint) {
        RUNNING.put(kind, new Running(endpoint, null));
    }

    /** For tests: forgets what {@link #adoptForTest} recorded. */
    static void forgetForTest(TargetKind kind) {
        RUNNING.remove(kind);
    }
}
