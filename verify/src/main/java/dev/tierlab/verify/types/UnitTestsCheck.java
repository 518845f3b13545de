package dev.tierlab.verify.types;

import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.NoParams;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import java.util.Optional;

/** {@code unit-tests}: the projects' own tests pass ({@code mvn test}). */
public final class UnitTestsCheck extends BaseCheckType<NoParams> {
    public UnitTestsCheck() {
        super("unit-tests", NoParams.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(NoParams params, CheckContext context) {
        return judge(context.local().unitTests(), context.texts());
    }

    static Verdict judge(LocalProject.Tests tests, Texts t) {
        if (tests.passed()) {
            return Verdict.pass(t.get("check.testsPass"), t.get("check.testsPassed"));
        }
        return Verdict.fail(t.get("check.testsPass"), tests.summary() == null ? t.get("check.testsFailed") : tests.summary());
    }

    /** The workspace's tests, through Maven. */
    @Override
    public Optional<String> labCode(NoParams params) {
        return Optional.of("mvn test");
    }
}
