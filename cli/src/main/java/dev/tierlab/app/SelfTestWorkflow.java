package dev.tierlab.app;

import dev.tierlab.workspace.LabWorkspace;
import dev.tierlab.check.Checks;
import dev.tierlab.error.TierlabException;
import dev.tierlab.generate.LabGenerator;
import dev.tierlab.workspace.Workspace;
import dev.tierlab.lab.Lab;
import dev.tierlab.progress.Progress;
import dev.tierlab.provision.DeployState;
import dev.tierlab.provision.Targets;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A lab author's self-test, like {@code rustlings dev check} and Instruqt's track test: in a fresh
 * workspace, step by step, the starter state (the generated files plus the solutions of the earlier
 * steps, deployed as they left it) must fail the step's checks, and after the step's solution is laid
 * over and deployed, every check must pass. Then everything is destroyed and a leak scan must find
 * nothing left of it. A step without tasks and without a solution asks nothing of the learner, so its
 * starter may already pass. Quiz checks depend on the learner alone and are not part of the self-test.
 * Deploys report to the listener; the outcome is returned, never printed.
 */
public final class SelfTestWorkflow {
    private final Services services;
    private final DeployWorkflow deployments;
    private final Targets.Request options;

    public SelfTestWorkflow(Services services, DeployWorkflow.Listener listener, Targets.Request options) {
        this.services = services;
        this.deployments = new DeployWorkflow(services, listener);
        this.options = options;
    }

    /** A new empty folder to run the self-test of {@code lab} in; kept when the test fails, for the author to look at. */
    public static Path newWorkspace(Lab lab) {
        try {
            return java.nio.file.Files.createTempDirectory("tierlab-lab-test-" + lab.id() + "-");
        } catch (java.io.IOException e) {
            throw TierlabException.io(Path.of(System.getProperty("java.io.tmpdir")), e);
        }
    }

    /**
     * One step's outcome.
     *
     * @param starterMustFail whether the step asks something of the learner
     * @param starterFailed   how many checks failed in the starter state
     * @param solutionFailed  ids of the checks that failed after the solution
     * @param notVerifiable   checks the target cannot verify after the solution
     * @param note            why the solution's deploy failed, or null
     */
    public record StepResult(Lab.Step step, boolean starterMustFail, int starterFailed, List<String> solutionFailed,
                      int notVerifiable, String note) {
        public boolean starterOk() {
            return !starterMustFail || starterFailed > 0;
        }

        public boolean ok() {
            return starterOk() && solutionFailed.isEmpty();
        }
    }

    /** @param leaks what is left on the target after the destroy (empty when clean) */
    public record Result(List<StepResult> steps, List<String> leaks, boolean deployed) {
        public boolean ok() {
            return leaks.isEmpty() && steps.stream().allMatch(StepResult::ok);
        }

        public List<String> failedSteps() {
            return steps.stream().filter(s -> !s.ok()).map(s -> s.step().id()).toList();
        }
    }

    /** Runs the self-test of {@code lab} (defined in {@code folder}) in the empty directory {@code workspace}. */
    public Result run(Lab lab, Path folder, Path workspace) {
        LabGenerator generator = services.labGenerator().get();
        LabGenerator.Output output = generator.render(lab);
        Workspace ws = new Workspace(workspace, Clock.systemUTC());
        ws.apply(ws.plan(output.files()), true, lab.id(), output.templateVersions());
        LabWorkspace context = new LabWorkspace(workspace, lab, Progress.empty());
        List<StepResult> steps = new ArrayList<>();
        DeployState last = null;
        try {
            for (Lab.Step step : lab.steps()) {
                List<CheckResult> starter = run(context, step);
                if (step.solution() != null) {
                    Map<String, byte[]> files = generator.solution(lab, step, folder);
                    ws.overlay(ws.plan(files), lab.id(), output.templateVersions());
                }
                String note = null;
                if (lab.deploy() != null) {
                    try {
                        deployments.deploy(context, options, false, true);
                    } catch (TierlabException e) {
                        if (!DeployWorkflow.workspaceFault(e)) {
                            throw e;
                        }
                        note = services.msg().get(e.key(), e.args());
                    }
                    last = DeployState.read(workspace).orElse(last);
                }
                List<CheckResult> solved = run(context, step);
                boolean asksWork = (!step.tasks().isEmpty() || step.solution() != null)
                        && step.checks().stream().anyMatch(c -> !"quiz".equals(c.type()));
                steps.add(new StepResult(step, asksWork,
                        (int) starter.stream().filter(r -> r.status() == CheckStatus.FAILED).count(),
                        // after the solution, a blocked check (e.g. its deploy failed) is as bad as a failed one
                        solved.stream().filter(r -> r.status() == CheckStatus.FAILED || r.status() == CheckStatus.BLOCKED)
                                .map(CheckResult::id).toList(),
                        (int) solved.stream().filter(r -> r.status() == CheckStatus.NOT_VERIFIABLE).count(), note));
            }
        } finally {
            if (DeployState.read(workspace).isPresent()) {
                last = deployments.destroy(workspace, options);
            }
        }
        List<String> leaks = last == null ? List.of() : deployments.leaksOf(last, options);
        return new Result(steps, leaks, last != null);
    }

    private List<CheckResult> run(LabWorkspace context, Lab.Step step) {
        List<CheckResult> results = new ArrayList<>();
        try (Checks checks = deployments.checks(context, options)) {
            for (Lab.Check check : step.checks()) {
                results.add("quiz".equals(check.type())
                        ? new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, check.points(), "quiz", "learner")
                        : checks.run(check));
            }
        }
        return results;
    }
}
