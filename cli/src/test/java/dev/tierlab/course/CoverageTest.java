package dev.tierlab.course;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** Every section of the source material is taught by a chapter (content/coverage.yaml). */
class CoverageTest {
    private static final String SEED = "000_89f561f20564757e.txt";

    record Section(String heading, String chapter) {
    }

    record Coverage(List<Section> sections) {
    }

    private static Coverage coverage() throws IOException {
        try (InputStream in = CoverageTest.class.getClassLoader().getResourceAsStream("content/coverage.yaml")) {
            return new ObjectMapper(new YAMLFactory()).readValue(in, Coverage.class);
        }
    }

    @Test
    void everyChapterIsMappedAndEveryMappedChapterExists() throws IOException {
        Set<String> mapped = new TreeSet<>();
        for (Section s : coverage().sections()) {
            mapped.add(s.chapter());
        }
        assertEquals(new TreeSet<>(BundledContentTest.CHAPTERS), mapped);
    }

    /**
     * The source material lives outside the repository (../shared/seed, next to the checkout on our
     * machines); where it is absent, as on a bare CI clone, this check is skipped and says why.
     */
    @Test
    void everySeedHeadingIsCovered() throws IOException {
        Path repo = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();
        Path seed = Path.of(System.getProperty("tierlab.seed", repo.resolve("../shared/seed/" + SEED).toString()));
        Assumptions.assumeTrue(Files.isRegularFile(seed),
                "source material not found at " + seed + " (it is kept outside the repository); coverage of its headings not checked");
        Set<String> headings = new TreeSet<>();
        for (String line : Files.readAllLines(seed)) {
            if (line.startsWith("#### ")) {
                headings.add(line.substring(5).trim());
            }
        }
        Set<String> covered = new TreeSet<>();
        coverage().sections().forEach(s -> covered.add(s.heading()));
        assertTrue(headings.size() >= 11, "the seed's section headings: " + headings);
        assertEquals(headings, covered);
    }
}
