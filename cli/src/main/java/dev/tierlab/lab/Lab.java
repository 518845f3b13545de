package dev.tierlab.lab;

import dev.tierlab.course.Localized;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A lab as defined in {@code labs/<id>/lab.yaml} (schema: {@code labs/lab.schema.json}): ordered
 * steps, each with instructions, templates to generate, learner tasks, tiered hints, a solution
 * overlay and checks.
 */
public record Lab(String id, String chapter, Localized title, Localized summary, Deploy deploy, Grading grading,
                  List<Step> steps) {

    public Lab {
        steps = List.copyOf(steps);
        grading = grading == null ? Grading.NONE : grading;
    }

    public Optional<Step> step(String stepId) {
        return steps.stream().filter(s -> s.id().equals(stepId)).findFirst();
    }

    /** Step {@code stepId}; an unknown id fails with the list of this lab's steps. */
    public Step requireStep(String stepId) {
        return step(stepId).orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.lab.unknownStep", stepId,
                String.join(", ", steps.stream().map(Step::id).toList())));
    }

    /**
     * One step of a lab.
     *
     * @param instructions Markdown files relative to the lab folder, per language
     * @param solution     a folder relative to the lab folder laid over the workspace, or null
     */
    public record Step(String id, Localized title, Localized instructions, List<Generate> generate, List<Task> tasks,
                       List<Localized> hints, String solution, List<Check> checks) {
        public Step {
            generate = generate == null ? List.of() : List.copyOf(generate);
            tasks = tasks == null ? List.of() : List.copyOf(tasks);
            hints = hints == null ? List.of() : List.copyOf(hints);
            checks = checks == null ? List.of() : List.copyOf(checks);
        }
    }

    /**
     * How {@code tierlab deploy} deploys the workspace: a CloudFormation template, the parameter that
     * receives the artifacts bucket, and for each parameter that receives an S3 key, the project folder
     * whose deployment zip is uploaded under that key.
     *
     * @param template        a template file relative to the workspace
     * @param bucketParameter the template parameter given the artifacts bucket's name
     * @param packages        template parameter → project folder (relative to the workspace)
     * @param targetParameter the template parameter given the target's name ({@code sandbox}, {@code aws}, ...),
     *                        for a Condition on what one target's CloudFormation lacks
     * @param endpointPortParameter the template parameter given the port of the target's own endpoint (443 on
     *                        AWS), for an origin that an emulator's CloudFront reaches only at its own address
     */
    public record Deploy(String template, String bucketParameter, Map<String, String> packages, String targetParameter,
                         String endpointPortParameter, Site site) {
        public Deploy {
            packages = packages == null ? Map.of() : Map.copyOf(packages);
        }
    }

    /**
     * A static site published after the stack deploys: the files of {@code dir} go to the bucket
     * {@code bucket} (a logical id), with {@code config} written from the stack's outputs; when
     * {@code distribution} (a logical id) caches the files, its cache is invalidated after each publish.
     */
    public record Site(String dir, String bucket, SiteConfig config, String distribution) {
    }

    /**
     * The script a site loads for what only the deploy knows: {@code window.<global> = {...}} in {@code file}.
     *
     * @param values name → value, where {@code ${outputs.X}} is an output of the stack (URLs made reachable from this machine)
     */
    public record SiteConfig(String file, String global, Map<String, String> values) {
        public SiteConfig {
            global = global == null ? "APP_CONFIG" : global;
            values = values == null ? Map.of() : new java.util.LinkedHashMap<>(values);
        }
    }

    /**
     * What {@code tierlab grade} deducts: points per hint level a learner opened in a step and per
     * step whose solution they looked at, taken from that step's points (never below zero). No
     * penalty unless the lab sets one.
     */
    public record Grading(Integer hintPenalty, Integer solutionPenalty) {
        public static final Grading NONE = new Grading(0, 0);

        public Grading {
            hintPenalty = hintPenalty == null ? 0 : hintPenalty;
            solutionPenalty = solutionPenalty == null ? 0 : solutionPenalty;
        }
    }

    /** Render template {@code template} with {@code parameters} into {@code into} (default: the workspace). */
    public record Generate(String template, String into, Map<String, Object> parameters) {
        public Generate {
            parameters = parameters == null ? Map.of() : Map.copyOf(parameters);
        }
    }

    /** A learner task, marked in generated files as {@code // TODO(tierlab:<id>)}. */
    public record Task(String id, Localized description) {
    }

    /**
     * A check: its type and parameters, the points it is worth, the target capabilities it needs,
     * and the hint shown when it fails. The type names one of {@code verify.engine.CheckTypes}, whose
     * record the parameters are bound to when the lab is loaded.
     * {@code standIn} names the configuration check that stands in for this one on a target that
     * lacks what it needs.
     */
    public record Check(String id, String type, Integer points, List<String> needs, Map<String, Object> params,
                        Localized hint, String standIn) implements dev.tierlab.verify.engine.CheckSpec {
        public Check {
            points = points == null ? 1 : points;
            needs = needs == null ? List.of() : List.copyOf(needs);
            params = params == null ? Map.of() : Map.copyOf(params);
        }
    }
}
