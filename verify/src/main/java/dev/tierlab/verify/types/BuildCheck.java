package dev.tierlab.verify.types;

import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.LocalProject;
import dev.tierlab.verify.engine.NoParams;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;

/** {@code build}: every project of the workspace compiles (tierlab's in-process build). */
public final class BuildCheck extends BaseCheckType<NoParams> {
    public BuildCheck() {
        super("build", NoParams.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(NoParams params, CheckContext context) {
        return judge(context.local().build(), context.texts());
    }

    static Verdict judge(LocalProject.Build build, Texts t) {
        if (build.compiled()) {
            return Verdict.pass(t.get("check.compiles"), t.get("check.compiled"));
        }
        return Verdict.fail(t.get("check.compiles"), build.firstError() == null ? t.get("check.compileErrors") : build.firstError());
    }
}
