package dev.tierlab.verify.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.tierlab.verify.Capability;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import software.amazon.awssdk.core.exception.SdkException;
import software.amazon.awssdk.services.cloudformation.model.CloudFormationException;
import software.amazon.awssdk.services.cloudformation.model.StackResource;

/**
 * Runs a lab's checks, in order, one run at a time (values captured by one check are seen by the
 * later ones). For each check it decides, before running anything:
 * <ol>
 *   <li>whether the target can show it at all — a capability the check needs and the target lacks
 *       makes it <em>not verifiable</em> (naming its stand-in), whatever the state of the learner's
 *       work, so what can be earned depends on the target only;</li>
 *   <li>whether its precondition holds — nothing deployed, a deploy older than the workspace, or a
 *       value it needs from an earlier check that did not pass make it <em>blocked</em>, with what to
 *       do, instead of a failure with a hint about code that may be right;</li>
 * </ol>
 * then fills its parameters' references, binds them and runs its type.
 */
public final class CheckRunner implements AutoCloseable {
    /** Where deployed checks go: what the target can do, what was deployed there, how to connect. */
    public record Remote(String target, Set<Capability> expected, Deployment deployment, Supplier<Connection> connect) {
    }

    /** A connected target: its capabilities as it reports them, and its clients. */
    public record Connection(Set<Capability> capabilities, AwsApi aws) {
    }

    /**
     * @param workspace      the learner's workspace
     * @param deployTemplate the lab's CloudFormation template, relative to the workspace (null when the lab deploys nothing)
     * @param local          what this machine can do for workspace checks (e.g. run Java functions)
     * @param machine        the capabilities of this machine that any check may need, whatever the target
     *                       ({@link Capability#machine()}: a browser)
     * @param browser        the browser of this machine, for checks that open a page
     */
    public record Setup(Path workspace, String deployTemplate, Set<Capability> local, LocalProject project, Learner learner,
                        Remote remote, Texts texts, Set<Capability> machine, Browser browser) {
        public Setup {
            machine = Set.copyOf(machine);
        }
    }

    private final CheckTypes types;
    private final Setup setup;
    private final Texts texts;
    private final Map<String, String> vars = new LinkedHashMap<>();
    /** value name → the check that captures it */
    private final Map<String, String> capturedBy = new HashMap<>();
    private final Context context = new Context();
    private Connection connection;
    private Map<String, StackResource> resources;
    private HttpClient http;

    public CheckRunner(CheckTypes types, Setup setup) {
        this.types = types;
        this.setup = setup;
        this.texts = setup.texts();
    }

    public CheckResult run(CheckSpec check) {
        int points = check.points() == null ? 1 : check.points();
        CheckType<?> type = types.find(check.type()).orElse(null);
        if (type == null) {
            return CheckResult.failed(check.id(), points, texts.get("check.succeeds", check.type()),
                    texts.get("check.typeUnknown", check.type(), String.join(", ", types.names())));
        }
        JsonNode raw = Parameters.tree(check.params());
        Object written = bindAsWritten(type, raw);
        if (written != null) {
            captures(type, written).forEach(name -> capturedBy.putIfAbsent(name, check.id()));
        }
        CheckResult blocked = precondition(check, type, written, points);
        if (blocked != null) {
            return blocked;
        }
        Deployment deployed = type.scope() == Scope.DEPLOYED ? setup.remote().deployment() : null;
        Substitution.Result filled = new Substitution(deployed == null ? null : deployed.stack(),
                deployed == null ? Map.of() : deployed.outputs(), vars,
                url -> deployed == null ? url : context.aws().reachable(url)).apply(raw);
        if (!filled.unresolvedVars().isEmpty()) {
            String name = filled.unresolvedVars().iterator().next();
            String by = capturedBy.get(name);
            return by == null
                    ? CheckResult.failed(check.id(), points, texts.get("check.r.captured", name), texts.get("check.r.notCapturedBy", name))
                    : new CheckResult(check.id(), CheckStatus.BLOCKED, 0, points, texts.get("check.r.captured", name),
                    texts.get("check.blocked.dependsOn", by, name));
        }
        if (!filled.unresolvedOutputs().isEmpty()) {
            String name = filled.unresolvedOutputs().iterator().next();
            return CheckResult.failed(check.id(), points, texts.get("check.r.output", name),
                    texts.get("check.r.noOutput", name, String.join(", ", deployed.outputs().keySet())));
        }
        return execute(check, type, filled.params(), points);
    }

    /** Not verifiable on this target, or blocked by what is (not) deployed; null when the check can run. */
    private CheckResult precondition(CheckSpec check, CheckType<?> type, Object written, int points) {
        List<String> notOnMachine = missing(check, type, written, setup.machine()).stream()
                .filter(n -> Capability.find(n).map(Capability::machine).orElse(false)).toList();
        if (!notOnMachine.isEmpty()) {
            String install = notOnMachine.stream().map(n -> texts.get("check.r.install." + n)).collect(java.util.stream.Collectors.joining("; "));
            String found = check.standIn() == null ? texts.get("check.r.notOnMachine", String.join(", ", notOnMachine), install)
                    : texts.get("check.r.notOnMachineStandIn", String.join(", ", notOnMachine), install, check.standIn());
            return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, points,
                    texts.get("check.target", String.join(", ", check.needs())), found);
        }
        if (type.scope() == Scope.WORKSPACE) {
            List<String> missing = missing(check, type, written, union(setup.local(), setup.machine()));
            return missing.isEmpty() ? null : new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, points,
                    texts.get("check.target", String.join(", ", check.needs())), texts.get("check.notLocal", String.join(", ", missing)));
        }
        Remote remote = setup.remote();
        Deployment deployed = remote.deployment();
        Set<Capability> capabilities = union(deployed == null ? remote.expected() : connection().capabilities(), setup.machine());
        List<String> missing = missing(check, type, written, capabilities);
        if (!missing.isEmpty()) {
            String found = check.standIn() == null
                    ? texts.get("check.r.notOn", remote.target(), String.join(", ", missing))
                    : texts.get("check.r.standIn", remote.target(), String.join(", ", missing), check.standIn());
            return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, points,
                    texts.get("check.target", String.join(", ", check.needs())), found);
        }
        if (deployed == null) {
            return new CheckResult(check.id(), CheckStatus.BLOCKED, 0, points, texts.get("check.r.deployedHere"),
                    texts.get("check.blocked.notDeployed"));
        }
        if (deployed.stale()) {
            return new CheckResult(check.id(), CheckStatus.BLOCKED, 0, points, texts.get("check.r.deployedHere"),
                    texts.get("check.blocked.stale"));
        }
        return null;
    }

    private static Set<Capability> union(Set<Capability> a, Set<Capability> b) {
        Set<Capability> all = new java.util.HashSet<>(a);
        all.addAll(b);
        return all;
    }

    /**
     * The needs of {@code check} and of its type that {@code capabilities} lack, by the names authors
     * write (an unknown name counts as lacking: lab validate reports it).
     */
    private static List<String> missing(CheckSpec check, CheckType<?> type, Object written, Set<Capability> capabilities) {
        java.util.LinkedHashSet<String> needs = new java.util.LinkedHashSet<>(check.needs());
        if (written != null) {
            typeNeeds(type, written).forEach(c -> needs.add(c.id()));
        }
        return needs.stream().filter(n -> Capability.find(n).map(c -> !capabilities.contains(c)).orElse(true)).toList();
    }

    /**
     * Whether {@code check} can be earned on a target with {@code capabilities} at all — the first
     * decision of {@link #run}, for callers that grade without running (e.g. a lab with no workspace).
     */
    public static boolean verifiableOn(CheckTypes types, CheckSpec check, Set<Capability> capabilities) {
        CheckType<?> type = types.find(check.type()).orElse(null);
        Object written = type == null ? null : bindAsWritten(type, Parameters.tree(check.params()));
        return type == null || missing(check, type, written, capabilities).isEmpty();
    }

    /** The parameters as the lab wrote them (before references are filled), or null when they do not bind yet. */
    private static Object bindAsWritten(CheckType<?> type, JsonNode raw) {
        try {
            return Parameters.bind(raw, type.parameters());
        } catch (Parameters.Invalid e) {
            return null; // reported when the check runs
        }
    }

    @SuppressWarnings("unchecked")
    private static <P> Set<String> captures(CheckType<P> type, Object params) {
        return type.captures((P) params);
    }

    @SuppressWarnings("unchecked")
    private static <P> Set<Capability> typeNeeds(CheckType<P> type, Object params) {
        return type.needs((P) params);
    }

    private <P> CheckResult execute(CheckSpec check, CheckType<P> type, JsonNode params, int points) {
        P bound;
        try {
            bound = Parameters.bind(params, type.parameters());
        } catch (Parameters.Invalid e) {
            return CheckResult.failed(check.id(), points, texts.get("check.succeeds", check.type()),
                    texts.get("check.badParams", e.problem().name(), e.getMessage()));
        }
        try {
            Verdict v = type.run(bound, context);
            return v.passed() ? CheckResult.passed(check.id(), points, v.expected(), v.found())
                    : CheckResult.failed(check.id(), points, v.expected(), v.found());
        } catch (MissingResource e) {
            return CheckResult.failed(check.id(), points, texts.get("check.r.exists", e.logicalId()), texts.get("check.r.missing", e.logicalId()));
        } catch (NotVerifiableHere e) {
            return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, points, texts.get("check.succeeds", check.type()),
                    texts.get("check.notHere", e.getMessage()));
        } catch (SdkException e) {
            return CheckResult.failed(check.id(), points, texts.get("check.r.answers", check.type()), texts.get("check.r.error", shortMessage(e)));
        } catch (LabProblem e) {
            return CheckResult.failed(check.id(), points, texts.get("check.succeeds", check.type()), e.getMessage());
        } catch (java.util.concurrent.CancellationException e) {
            throw e; // the user interrupted the run: the application reports it
        } catch (RuntimeException e) {
            return CheckResult.failed(check.id(), points, texts.get("check.succeeds", check.type()), texts.describe(e));
        }
    }

    private Connection connection() {
        if (connection == null) {
            connection = setup.remote().connect().get();
        }
        return connection;
    }

    private static String shortMessage(SdkException e) {
        String s = String.valueOf(e.getMessage());
        int cut = s.indexOf(" (Service:");
        return cut > 0 ? s.substring(0, cut) : s;
    }

    @Override
    public void close() {
        if (connection != null) {
            connection.aws().close();
        }
    }

    /** The one context of this run. */
    private final class Context implements CheckContext {
        @Override
        public Path workspace() {
            return setup.workspace();
        }

        @Override
        public String deployTemplate() {
            return setup.deployTemplate();
        }

        @Override
        public Texts texts() {
            return texts;
        }

        @Override
        public LocalProject local() {
            return setup.project();
        }

        @Override
        public Learner learner() {
            return setup.learner();
        }

        @Override
        public Deployment deployment() {
            return setup.remote().deployment();
        }

        @Override
        public AwsApi aws() {
            return connection().aws();
        }

        @Override
        public Map<String, StackResource> resources() {
            if (resources == null) {
                resources = new LinkedHashMap<>();
                try {
                    aws().cloudFormation().describeStackResources(b -> b.stackName(deployment().stack())).stackResources()
                            .forEach(r -> resources.put(r.logicalResourceId(), r));
                } catch (CloudFormationException e) {
                    // no stack: every resource is missing
                }
            }
            return resources;
        }

        @Override
        public Map<String, String> vars() {
            return vars;
        }

        @Override
        public Browser browser() {
            return setup.browser();
        }

        @Override
        public HttpClient http() {
            if (http == null) {
                http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
            }
            return http;
        }
    }
}
