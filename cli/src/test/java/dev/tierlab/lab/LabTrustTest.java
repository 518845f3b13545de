package dev.tierlab.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.verify.engine.CheckType;
import dev.tierlab.verify.engine.CheckTypes;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The parts of {@link LabTrust} that need no command line (the flow is in {@code cli.LabAuthoringTest}). */
class LabTrustTest {
    @TempDir
    Path dir;

    /** A check type that runs lab code must say, in both languages, what it runs when trust is asked. */
    @Test
    void everyTypeThatRunsLabCodeIsDescribedInBothLanguages() {
        int running = 0;
        for (String name : CheckTypes.standard().names()) {
            CheckType<?> type = CheckTypes.standard().find(name).orElseThrow();
            if (type.labCode(null).isPresent()) {
                running++;
                assertDescribed(name);
            }
        }
        assertEquals(5, running, "unit-tests, invoke, command, http and browser run the lab's code (build only compiles)");
        assertDescribed("build"); // tierlab build --with-maven
        assertDescribed("deploy");
    }

    private static void assertDescribed(String kind) {
        for (Lang lang : Lang.values()) {
            assertTrue(Messages.of(lang).find("trust.use." + kind, "id", "detail").isPresent(), "trust.use." + kind + " in " + lang);
        }
    }

    @Test
    void theContentHashChangesWithAnyFileAnywhereInTheFolder() throws IOException {
        Path lab = Files.createDirectories(dir.resolve("lab/solution/one"));
        Files.writeString(dir.resolve("lab/lab.yaml"), "id: lab\n");
        Files.writeString(lab.resolve("App.java.ftl"), "class App {}\n");
        String before = LabTrust.contentHash(dir.resolve("lab"));
        assertEquals(before, LabTrust.contentHash(dir.resolve("lab")), "the same content, the same hash");

        Files.writeString(lab.resolve("App.java.ftl"), "class App { static { } }\n");
        String changed = LabTrust.contentHash(dir.resolve("lab"));
        assertNotEquals(before, changed, "a solution file changed");

        Files.writeString(dir.resolve("lab/pom-extension.xml"), "<extensions/>\n");
        assertNotEquals(changed, LabTrust.contentHash(dir.resolve("lab")), "a file was added");
    }

    /** File names may hold spaces and newlines: the fields of the hash are kept apart by NUL, which they cannot hold. */
    @Test
    void fileNamesCannotForgeTheHashOfAnotherTree() throws IOException {
        Path two = Files.createDirectories(dir.resolve("two"));
        Files.writeString(two.resolve("a"), "Z");
        Files.writeString(two.resolve("b"), "hello");
        Path one = Files.createDirectories(dir.resolve("one"));
        Files.writeString(one.resolve("a 1\nZfile b"), "hello");
        assertNotEquals(LabTrust.contentHash(two), LabTrust.contentHash(one));
    }
}
