package dev.tierlab.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.config.Environment;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.Bundled;
import dev.tierlab.generate.LabGenerator;
import dev.tierlab.generate.TemplateRepository;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.lab.Lab;
import dev.tierlab.lab.LabCatalog;
import dev.tierlab.progress.ProgressStore;
import dev.tierlab.workspace.Workspaces;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate workflow driven without a terminal: the listener is asked, the result is returned, nothing printed. */
class GenerateWorkflowTest {
    @TempDir
    Path tmp;

    private Services services() {
        Environment env = new Environment(Map.of(), false, Locale.ENGLISH, tmp.resolve("user-home"), tmp);
        LabCatalog labs = new LabCatalog(List.of(new LabCatalog.Source(Bundled.folder("labs"), true)));
        ProgressStore progress = new ProgressStore(tmp.resolve("home"), Clock.systemUTC(), Duration.ofSeconds(5),
                new ProgressStore.Listener() {
                    @Override
                    public void movedAside(Path backup) {
                    }

                    @Override
                    public void otherVersion(TierlabException reason) {
                    }
                });
        return new Services(env, Messages.of(Lang.EN), new dev.tierlab.lab.LabTrust(() -> labs, tmp.resolve("home"), false, q -> java.util.Optional.empty(),
                Messages.of(Lang.EN), note -> { }), () -> labs, () -> progress, () -> null, ws -> null,
                () -> new LabGenerator(TemplateRepository.bundled()), () -> null);
    }

    @Test
    void changedFilesAreOfferedToTheListenerAndKeptWhenItDeclines() throws Exception {
        Services services = services();
        Lab lab = services.labs().get().load("api-gateway");
        GenerateWorkflow workflow = new GenerateWorkflow(services);
        Path dir = workflow.target(lab, null);
        assertEquals(Workspaces.defaultDir(tmp.resolve("user-home"), "api-gateway"), dir, "no --dir, no workspace around, none in progress");

        List<List<String>> asked = new ArrayList<>();
        GenerateWorkflow.Generated first = workflow.generate(lab, dir, false, c -> {
            asked.add(c);
            return true;
        });
        assertTrue(first.result().written().size() > 3, first.result()::toString);
        assertEquals(List.of(), asked, "nothing to ask about in an empty folder");
        assertEquals(dir.toString(), services.progress().get().load().lab("api-gateway").workspace(), "recorded as the lab's workspace");

        Path template = dir.resolve("infra/template.yml");
        Files.writeString(template, Files.readString(template) + "\n# mine\n");
        GenerateWorkflow.Generated again = workflow.generate(lab, dir, false, c -> {
            asked.add(c);
            return false;
        });
        assertEquals(List.of(List.of("infra/template.yml")), asked);
        assertEquals(List.of("infra/template.yml"), again.result().kept());
        assertTrue(Files.readString(template).endsWith("# mine\n"), "kept as the learner left it");

        GenerateWorkflow.Generated forced = workflow.generate(lab, dir, true, c -> {
            throw new AssertionError("force does not ask");
        });
        assertNotNull(forced.result().backup());
        assertTrue(Files.readString(forced.result().backup().resolve("infra/template.yml")).endsWith("# mine\n"), "backed up first");
        assertEquals(dir, workflow.target(lab, null) , "found again through progress");
    }
}
