package dev.tierlab.check;

import dev.tierlab.browser.Chromium;
import dev.tierlab.browser.ChromiumBrowser;
import dev.tierlab.build.ProjectBuilder;
import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import dev.tierlab.progress.Progress;
import dev.tierlab.provision.AwsClients;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.DeployedSources;
import dev.tierlab.provision.Target;
import dev.tierlab.runtime.LocalInvocation;
import dev.tierlab.verify.Capability;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.engine.Browser;
import dev.tierlab.verify.engine.CheckRunner;
import dev.tierlab.verify.engine.NotVerifiableHere;
import dev.tierlab.verify.engine.CheckTypes;
import dev.tierlab.verify.engine.Deployment;
import dev.tierlab.verify.engine.Learner;
import dev.tierlab.verify.engine.Texts;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Set;
import java.util.function.Supplier;

/**
 * The checks of one workspace, run by the check engine ({@link CheckRunner}): workspace checks on
 * this machine, checks of what is deployed against the target the workspace deployed to (connected
 * on first use, closed with this). One instance is one run: values captured by a check are seen by
 * the later ones.
 */
public final class Checks implements AutoCloseable {
    /** What this machine's local runtime can do for workspace checks. */
    public static final Set<Capability> LOCAL = Set.of(Capability.LAMBDA_JAVA);

    private final CheckRunner runner;
    private final String target;

    /**
     * @param deploy    how the lab deploys (null when it does not)
     * @param deployed  what the workspace deployed, null when nothing
     * @param target    the target's name (where it deployed, or where a deploy would go)
     * @param expected  what that target can do, known without connecting (used when nothing is deployed)
     * @param connect   connects to the deployed target (may start the sandbox); called at most once
     * @param describe  puts an error of tierlab's into words
     */
    public Checks(Lab.Deploy deploy, Path workspace, ProjectBuilder builder, LocalInvocation invocation, Progress progress,
                  DeployState deployed, String target, Set<Capability> expected, Supplier<Target> connect, Texts texts,
                  java.util.function.Function<TierlabException, String> describe, Optional<Chromium> chromium) {
        this.target = target;
        Deployment deployment = deployed == null ? null : new Deployment(deployed.stack(), deployed.outputs(),
                deploy != null && deployed.sources() != null && !deployed.sources().equals(DeployedSources.of(workspace, deploy)));
        Learner learner = chapter -> Optional.ofNullable(progress.chapter(chapter).quiz()).map(q -> new Learner.QuizScore(q.score(), q.max()));
        Texts described = new Texts() {
            @Override
            public String get(String key, Object... args) {
                return texts.get(key, args);
            }

            @Override
            public String describe(RuntimeException e) {
                return e instanceof TierlabException te ? describe.apply(te) : e.getClass().getSimpleName() + ": " + e.getMessage();
            }
        };
        this.runner = new CheckRunner(CheckTypes.standard(), new CheckRunner.Setup(workspace, deploy == null ? null : deploy.template(), LOCAL,
                new WorkspaceProject(workspace, builder, invocation, describe), learner,
                new CheckRunner.Remote(target, expected, deployment, () -> {
                    Target t = connect.get();
                    return new CheckRunner.Connection(t.capabilities(), new AwsClients(t));
                }), described, machine(chromium), browser(chromium)));
    }

    /** What this machine offers any check, whatever the target: a browser when Chromium and its driver are found. */
    public static Set<Capability> machine(Optional<Chromium> chromium) {
        return chromium.isPresent() ? Set.of(Capability.BROWSER) : Set.of();
    }

    private static Browser browser(Optional<Chromium> chromium) {
        boolean root = "root".equals(System.getProperty("user.name"));
        return chromium.<Browser>map(c -> new ChromiumBrowser(c, root)).orElse(visit -> {
            throw new NotVerifiableHere("no Chromium with chromedriver on this machine");
        });
    }

    /** The target checks of what is deployed go to. */
    public String target() {
        return target;
    }

    public CheckResult run(Lab.Check check) {
        try {
            return runner.run(check);
        } catch (java.util.concurrent.CancellationException e) {
            throw new TierlabException(dev.tierlab.error.ExitCode.CANCELLED, e, "error.cancelled");
        }
    }

    @Override
    public void close() {
        runner.close();
    }
}
