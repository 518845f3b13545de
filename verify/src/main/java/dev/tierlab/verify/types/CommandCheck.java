package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@code command}: an author's program, run in the workspace without a shell, exits with a code and
 * prints a text. Runs only for bundled labs or with {@code --trust} (the application refuses the lab
 * before any check runs otherwise).
 */
public final class CommandCheck extends BaseCheckType<CommandCheck.Params> {
    /**
     * @param run            the program and its arguments
     * @param expectExit     the exit code that passes (0)
     * @param expectOutput   text that stdout or stderr must contain, if given
     * @param timeoutSeconds when the program is stopped (60)
     */
    public record Params(@JsonProperty(required = true) List<String> run, Integer expectExit, String expectOutput,
                         Integer timeoutSeconds) {
        public Params {
            if (run == null || run.isEmpty() || run.stream().anyMatch(a -> a == null || a.isEmpty())) {
                throw new IllegalArgumentException("run needs a program and its arguments, none empty");
            }
            run = List.copyOf(run);
            expectExit = expectExit == null ? 0 : expectExit;
            timeoutSeconds = timeoutSeconds == null ? 60 : timeoutSeconds;
            if (timeoutSeconds < 1 || timeoutSeconds > 3600) {
                throw new IllegalArgumentException("timeoutSeconds must be between 1 and 3600: " + timeoutSeconds);
            }
        }
    }

    public CommandCheck() {
        super("command", Params.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        return judge(p, context.local().run(p.run(), Duration.ofSeconds(p.timeoutSeconds())), context.texts());
    }

    static Verdict judge(Params p, LocalProject.Ran ran, Texts t) {
        String command = String.join(" ", p.run());
        String expected = p.expectOutput() == null ? t.get("check.cmd.exit", command, p.expectExit())
                : t.get("check.cmd.exitOutput", command, p.expectExit(), p.expectOutput());
        if (!ran.started()) {
            // e.g. a script the learner was to write is missing: a failure, not "not verifiable"
            return Verdict.fail(expected, t.get("check.cmd.notStarted", p.run().get(0)));
        }
        String last = ran.output().stream().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse("");
        String found = t.get("check.cmd.found", ran.exitCode(), last.strip());
        boolean ok = ran.exitCode() == p.expectExit()
                && (p.expectOutput() == null || String.join("\n", ran.output()).contains(p.expectOutput()));
        return Verdict.of(ok, expected, found);
    }

    /** The author's program. */
    @Override
    public Optional<String> labCode(Params params) {
        return Optional.of(params == null ? "…" : String.join(" ", params.run()));
    }
}
