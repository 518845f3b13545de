package dev.tierlab.provision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.verify.Capability;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The capability table of docs/targets.md is the code: one row per {@link Capability} in the enum's
 * order, and in each target's column "yes" exactly where {@link Targets#expected} has it, "yes
 * (tierlab)" exactly where tierlab supplies it ({@link Targets#suppliedByTierlab}).
 */
class TargetsTableTest {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();
    private static final String HEADER = "| capability | meaning | sandbox | localstack | floci | endpoint | aws | stands in / note |";

    /** The table's rows, each split into its cells (without the outer pipes). */
    static List<List<String>> rows(List<String> doc) {
        int at = doc.indexOf(HEADER);
        assertTrue(at >= 0, "docs/targets.md has the capability table, header " + HEADER);
        List<List<String>> rows = new ArrayList<>();
        for (int i = at + 2; i < doc.size() && doc.get(i).startsWith("|"); i++) {
            String line = doc.get(i).trim();
            assertTrue(line.endsWith("|"), "row " + (i + 1) + " ends with |: " + line);
            rows.add(Arrays.stream(line.substring(1, line.length() - 1).split("\\|", -1)).map(String::trim).toList());
        }
        return rows;
    }

    private static String column(String header, int index) {
        return header.substring(1, header.length() - 1).split("\\|")[index].trim();
    }

    @Test
    void theTableInTargetsMdIsTargetsAndCapability() throws IOException {
        List<List<String>> rows = rows(Files.readAllLines(REPO.resolve("docs/targets.md")));
        List<String> ids = rows.stream().map(r -> r.get(0).replace("`", "")).toList();
        assertEquals(Capability.ofTargets().stream().map(Capability::id).toList(), ids,
                "one row per capability, in the order of Capability");
        for (List<String> row : rows) {
            Capability capability = Capability.of(row.get(0).replace("`", ""));
            assertEquals(8, row.size(), capability + ": 8 cells");
            assertFalse(row.get(1).isBlank(), capability + " says what it means");
            for (int c = 2; c <= 6; c++) {
                TargetKind kind = TargetKind.valueOf(column(HEADER, c).toUpperCase(java.util.Locale.ROOT));
                String cell = row.get(c).replace("*", "");
                String word = cell.split("[ ,:(]", 2)[0];
                assertTrue(word.equals("yes") || word.equals("no"), capability + " on " + kind + ": starts with yes or no: " + cell);
                assertEquals(Targets.expected(kind).contains(capability), word.equals("yes"),
                        capability + " on " + kind + ": the table says '" + cell + "', Targets says otherwise");
                assertEquals(Targets.suppliedByTierlab(kind).contains(capability), cell.startsWith("yes (tierlab)"),
                        capability + " on " + kind + ": 'yes (tierlab)' exactly where tierlab supplies it: " + cell);
            }
        }
    }

    @Test
    void whatTierlabSuppliesIsPartOfTheTarget() {
        for (TargetKind kind : TargetKind.values()) {
            assertTrue(Targets.expected(kind).containsAll(Targets.suppliedByTierlab(kind)), kind.id());
        }
        assertEquals(Capability.ofTargets(), Targets.expected(TargetKind.AWS), "AWS does everything a target can");
    }

    @Test
    void theTableEndsAtItsLastRow() {
        List<String> doc = List.of("intro", HEADER, "|---|---|---|---|---|---|---|---|", "| `xray` | traces | no | no | no | no | yes | x |", "",
                "| not | the table |");
        List<List<String>> rows = rows(doc);
        assertEquals(1, rows.size(), "the table ends at the first line that is not a row");
        assertEquals(List.of("`xray`", "traces", "no", "no", "no", "no", "yes", "x"), rows.get(0));
    }
}
