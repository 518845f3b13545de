package dev.tierlab.verify.types;

import com.fasterxml.jackson.annotation.JsonProperty;
import dev.tierlab.verify.engine.CheckContext;
import dev.tierlab.verify.engine.BaseCheckType;
import dev.tierlab.verify.engine.Scope;
import dev.tierlab.verify.engine.Texts;
import dev.tierlab.verify.engine.Verdict;
import dev.tierlab.verify.engine.WorkspaceFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/** {@code file-contains}: a file of the workspace contains a text. */
public final class FileContainsCheck extends BaseCheckType<FileContainsCheck.Params> {
    /** @param file relative to the workspace; never read outside it */
    public record Params(@JsonProperty(required = true) String file, @JsonProperty(required = true) String contains) {
    }

    public FileContainsCheck() {
        super("file-contains", Params.class, Scope.WORKSPACE);
    }

    @Override
    public Verdict run(Params p, CheckContext context) {
        Texts t = context.texts();
        String expected = t.get("check.contains", p.file(), p.contains());
        Optional<Path> file = WorkspaceFiles.regularFile(context.workspace(), p.file());
        if (file.isEmpty()) {
            return Verdict.fail(expected, t.get("check.noFile", p.file()));
        }
        try {
            return judge(p, Files.readString(file.get()), t);
        } catch (IOException e) {
            return Verdict.fail(expected, t.get("check.cannotRead", p.file()));
        }
    }

    static Verdict judge(Params p, String text, Texts t) {
        String expected = t.get("check.contains", p.file(), p.contains());
        return text.contains(p.contains()) ? Verdict.pass(expected, t.get("check.found")) : Verdict.fail(expected, t.get("check.notFound"));
    }
}
