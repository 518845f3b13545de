package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.Capability;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Browser;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * {@code browser}: the deployed site opened in a real headless browser, as a learner opens it — its
 * scripts run, its requests to the API are subject to CORS — followed by a few steps (type into a
 * field, click, wait for an element and its text). It fails when a step cannot be done in time or
 * when the page reports an error in its console (a CORS refusal, a script error, a request that
 * failed), as the page fails for its user. Needs {@code browser}: where this machine has none, the
 * check is not verifiable here and its stand-in (an {@code http} check of the CORS headers) counts.
 */
public final class BrowserCheck extends BaseCheckType<BrowserCheck.Params> {
    static final int MAX_STEPS = 20;
    static final int MAX_WAIT_SECONDS = 60;

    /**
     * @param url         the page (usually {@code ${outputs.SiteUrl}/})
     * @param steps       what to do on the page, in order; the check passes when every step is done
     * @param waitSeconds how long each step may wait for its element (default 15)
     * @param ignoreConsole console errors that contain one of these texts are not counted (e.g. a favicon)
     */
    public record Params(@JsonProperty(required = true) String url, @JsonProperty(required = true) List<Browser.Action> steps,
                         Integer waitSeconds, List<String> ignoreConsole) {
        public Params {
            if (steps.isEmpty() || steps.size() > MAX_STEPS) {
                throw new IllegalArgumentException("steps are 1 to " + MAX_STEPS + " actions, not " + steps.size());
            }
            steps = List.copyOf(steps);
            waitSeconds = waitSeconds == null ? 15 : waitSeconds;
            if (waitSeconds < 1 || waitSeconds > MAX_WAIT_SECONDS) {
                throw new IllegalArgumentException("waitSeconds is 1 to " + MAX_WAIT_SECONDS + ", not " + waitSeconds);
            }
            ignoreConsole = ignoreConsole == null ? List.of() : List.copyOf(ignoreConsole);
        }
    }

    public BrowserCheck() {
        super("browser", Params.class, Scope.DEPLOYED);
    }

    @Override
    public Set<Capability> needs(Params params) {
        return Set.of(Capability.BROWSER);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        Browser.Seen seen = context.browser().visit(new Browser.Visit(p.url(), p.steps(), Duration.ofSeconds(p.waitSeconds())));
        return judge(p, seen, context.texts());
    }

    /** Passes when every step was done and the console shows no error that is not ignored. */
    static Verdict judge(Params p, Browser.Seen seen, Texts t) {
        String last = p.steps().get(p.steps().size() - 1).describe();
        String exp = t.get("check.r.browser", p.url(), last);
        if (!seen.completed()) {
            String step = seen.failedStep() < 0 ? t.get("check.r.browserPage") : p.steps().get(seen.failedStep()).describe();
            return Verdict.fail(exp, t.get("check.r.browserStuck", step, String.valueOf(seen.failure()))
                    + console(p, seen, t).map(c -> "; " + c).orElse(""));
        }
        Optional<String> errors = console(p, seen, t);
        if (errors.isPresent()) {
            return Verdict.fail(exp, errors.get());
        }
        return Verdict.pass(exp, t.get("check.r.browserDone", p.steps().size(), seen.lastText() == null ? "" : HttpCheck.excerpt(seen.lastText())));
    }

    /** The console errors that count, put into words; empty when there are none. */
    private static Optional<String> console(Params p, Browser.Seen seen, Texts t) {
        List<String> counted = seen.consoleErrors().stream().filter(e -> p.ignoreConsole().stream().noneMatch(e::contains)).toList();
        if (counted.isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(t.get("check.r.browserConsole", counted.size(), shorten(counted.get(0), 300)));
    }

    private static String shorten(String s, int max) {
        String flat = s.replaceAll("\\s+", " ").strip();
        return flat.length() > max ? flat.substring(0, max - 3) + "..." : flat;
    }

    /** Opening the page runs the deployed application, whose functions run on this machine on the sandbox. */
    @Override
    public Optional<String> labCode(Params params) {
        return Optional.of(params == null ? "" : params.url());
    }
}
