package dev.tierlab.check;

import dev.tierlab.lab.Lab;
import dev.tierlab.provision.DeployState;
import dev.tierlab.verify.CheckResult;
import dev.tierlab.verify.CheckStatus;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;

/**
 * Runs any check of a lab: local types on this machine ({@link LocalChecks}), remote types against
 * the target the workspace was deployed to ({@link RemoteChecks}). A remote check whose needs the
 * target lacks is reported as not verifiable there, naming the check that stands in for it; one that
 * finds nothing deployed fails and says to deploy.
 */
public final class Checks {
    private final LocalChecks local;
    private final DeployState deployed;
    private final Supplier<Remote> remote;
    private final LocalChecks.Texts texts;
    private Remote connected;

    /** The remote side, connected on first use: the target's name, its capabilities and the checks. */
    public record Remote(String target, Set<dev.tierlab.verify.Capability> capabilities, RemoteChecks checks) {
    }

    /**
     * @param deployed what the workspace deployed, null when nothing
     * @param remote   connects to the deployed target (may start the sandbox); called at most once
     */
    public Checks(LocalChecks local, DeployState deployed, Supplier<Remote> remote, LocalChecks.Texts texts) {
        this.local = local;
        this.deployed = deployed;
        this.remote = remote;
        this.texts = texts;
    }

    public static boolean isRemote(Lab.Check check) {
        return RemoteChecks.TYPES.contains(check.type());
    }

    public CheckResult run(Lab.Check check) {
        if (!isRemote(check)) {
            return local.run(check);
        }
        if (deployed == null) {
            return CheckResult.failed(check.id(), check.points(), texts.get("check.r.deployedHere"), texts.get("check.r.notDeployed"));
        }
        if (connected == null) {
            connected = remote.get();
        }
        List<String> missing = check.needs().stream().filter(n -> dev.tierlab.verify.Capability.find(n).map(c -> !connected.capabilities().contains(c)).orElse(true)).toList();
        if (!missing.isEmpty()) {
            String found = check.standIn() == null
                    ? texts.get("check.r.notOn", connected.target(), String.join(", ", missing))
                    : texts.get("check.r.standIn", connected.target(), String.join(", ", missing), check.standIn());
            return new CheckResult(check.id(), CheckStatus.NOT_VERIFIABLE, 0, check.points(),
                    texts.get("check.target", String.join(", ", check.needs())), found);
        }
        return connected.checks().run(check);
    }
}
