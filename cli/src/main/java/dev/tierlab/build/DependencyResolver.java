package dev.tierlab.build;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.maven.repository.internal.MavenRepositorySystemUtils;
import org.eclipse.aether.DefaultRepositorySystemSession;
import org.eclipse.aether.RepositorySystem;
import org.eclipse.aether.artifact.Artifact;
import org.eclipse.aether.artifact.DefaultArtifact;
import org.eclipse.aether.collection.CollectRequest;
import org.eclipse.aether.repository.LocalRepository;
import org.eclipse.aether.repository.RemoteRepository;
import org.eclipse.aether.repository.WorkspaceReader;
import org.eclipse.aether.repository.WorkspaceRepository;
import org.eclipse.aether.resolution.ArtifactDescriptorException;
import org.eclipse.aether.resolution.ArtifactDescriptorRequest;
import org.eclipse.aether.resolution.ArtifactDescriptorResult;
import org.eclipse.aether.resolution.ArtifactResult;
import org.eclipse.aether.resolution.DependencyRequest;
import org.eclipse.aether.resolution.DependencyResolutionException;
import org.eclipse.aether.supplier.RepositorySystemSupplier;
import org.eclipse.aether.transfer.AbstractTransferListener;
import org.eclipse.aether.transfer.TransferEvent;
import org.eclipse.aether.util.artifact.JavaScopes;
import org.eclipse.aether.util.filter.DependencyFilterUtils;
import org.eclipse.aether.util.repository.SimpleArtifactDescriptorPolicy;

/**
 * Resolves the runtime dependencies of a generated Maven project in-process with Maven Resolver:
 * from the local repository ({@code ~/.m2/repository}), fetching what is missing from Maven Central.
 * The project's own POM is offered to the resolver through a workspace reader, so BOM imports,
 * properties and exclusions work exactly as in Maven.
 */
public final class DependencyResolver {
    static final String CENTRAL = "https://repo.maven.apache.org/maven2/";

    private final Path localRepository;
    private final Consumer<String> progress;

    /** @param progress told the name of each artifact being downloaded */
    public DependencyResolver(Path localRepository, Consumer<String> progress) {
        this.localRepository = localRepository;
        this.progress = progress;
    }

    /**
     * The project's class paths: {@code compile} for javac (compile, provided and system scope) and
     * {@code runtime} for the deployment zip (compile and runtime scope), each in resolution order.
     */
    public record Classpaths(List<Path> compile, List<Path> runtime) {
    }

    public Classpaths resolve(MavenProject project) {
        RepositorySystem system = new RepositorySystemSupplier().get();
        DefaultRepositorySystemSession session = MavenRepositorySystemUtils.newSession();
        // POM profiles are activated by JDK version and OS, like in Maven; and a broken POM must be
        // reported, not silently read as "no dependencies"
        session.setSystemProperties(System.getProperties());
        session.setArtifactDescriptorPolicy(new SimpleArtifactDescriptorPolicy(false, false));
        session.setLocalRepositoryManager(system.newLocalRepositoryManager(session, new LocalRepository(localRepository.toFile())));
        session.setWorkspaceReader(new ProjectReader(project));
        session.setTransferListener(new AbstractTransferListener() {
            @Override
            public void transferInitiated(TransferEvent event) {
                if (event.getRequestType() == TransferEvent.RequestType.GET) {
                    progress.accept(event.getResource().getResourceName());
                }
            }
        });
        RemoteRepository central = new RemoteRepository.Builder("central", "default", CENTRAL).build();
        Artifact root = new DefaultArtifact(project.groupId(), project.artifactId(), "jar", project.version());
        try {
            // the project's own dependencies (all scopes, BOMs applied) become the direct dependencies
            ArtifactDescriptorResult descriptor = system.readArtifactDescriptor(session,
                    new ArtifactDescriptorRequest(root, List.of(central), null));
            CollectRequest collect = new CollectRequest(descriptor.getDependencies(), descriptor.getManagedDependencies(),
                    List.of(central));
            collect.setRootArtifact(root);
            DependencyRequest request = new DependencyRequest(collect, DependencyFilterUtils.classpathFilter(
                    JavaScopes.COMPILE, JavaScopes.PROVIDED, JavaScopes.SYSTEM, JavaScopes.RUNTIME));
            List<Path> compile = new ArrayList<>();
            List<Path> runtime = new ArrayList<>();
            for (ArtifactResult r : system.resolveDependencies(session, request).getArtifactResults()) {
                Path jar = r.getArtifact().getFile().toPath();
                String scope = r.getRequest().getDependencyNode().getDependency().getScope();
                if (!JavaScopes.RUNTIME.equals(scope)) {
                    compile.add(jar);
                }
                if (JavaScopes.COMPILE.equals(scope) || JavaScopes.RUNTIME.equals(scope)) {
                    runtime.add(jar);
                }
            }
            return new Classpaths(compile, runtime);
        } catch (ArtifactDescriptorException e) {
            throw new WorkspaceFault(ExitCode.BAD_INPUT, e, "error.build.dependencies", project.pom(), firstLine(rootCause(e)));
        } catch (DependencyResolutionException e) {
            throw new WorkspaceFault(ExitCode.BAD_INPUT, e, "error.build.dependencies", project.pom(), firstLine(rootCause(e)));
        } finally {
            system.shutdown();
        }
    }

    private static String firstLine(String s) {
        return s == null ? "" : s.lines().filter(l -> !l.isBlank()).limit(3).map(String::strip)
                .reduce((a, b) -> a + " " + b).orElse("");
    }

    private static String rootCause(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage();
    }

    /** Serves the project's own POM to the resolver; its "jar" is never needed, so the POM stands in. */
    private static final class ProjectReader implements WorkspaceReader {
        private final MavenProject project;
        private final WorkspaceRepository repository = new WorkspaceRepository("tierlab-project");

        ProjectReader(MavenProject project) {
            this.project = project;
        }

        private boolean matches(Artifact a) {
            return a.getGroupId().equals(project.groupId()) && a.getArtifactId().equals(project.artifactId())
                    && a.getVersion().equals(project.version());
        }

        @Override
        public WorkspaceRepository getRepository() {
            return repository;
        }

        @Override
        public File findArtifact(Artifact artifact) {
            return matches(artifact) ? project.pom().toFile() : null;
        }

        @Override
        public List<String> findVersions(Artifact artifact) {
            return matches(artifact) ? List.of(project.version()) : List.of();
        }
    }
}
