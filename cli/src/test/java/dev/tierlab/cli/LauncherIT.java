package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The packaged application, started through ./tierlab with piped input, as a user would. */
class LauncherIT {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();

    @TempDir
    Path home;

    private record Result(int code, String out, String err) {
    }

    private Result tierlab(String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of(REPO.resolve("tierlab").toString()));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).directory(home.toFile());
        pb.environment().put("TIERLAB_HOME", home.resolve("state").toString());
        pb.environment().remove("NO_COLOR");
        Path out = home.resolve("out.txt");
        Path err = home.resolve("err.txt");
        Path in = home.resolve("in.txt");
        Files.writeString(in, stdin);
        Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tierlab did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    @Test
    void pipedShellSessionPrintsTheCourseAndExits() throws Exception {
        Result r = tierlab("lessons\nexit\n");
        assertEquals(0, r.code(), r.toString());
        assertTrue(r.out().contains("three-tier"), r.out());
        assertTrue(r.out().contains("3 pages"), r.out());
        assertFalse(r.err().contains("building tierlab"), "the jar from this build is up to date: " + r.err());
        assertFalse(r.out().contains("\u001B["), "piped output has no escape codes");
    }

    @Test
    void oneShotCommandsAndExitCodes() throws Exception {
        Result version = tierlab("", "--version");
        assertEquals(0, version.code(), version.toString());
        assertTrue(version.out().startsWith("tierlab "), version.out());
        Result missing = tierlab("", "read", "nope");
        assertEquals(3, missing.code(), missing.toString());
        assertTrue(missing.err().contains("valid chapters: three-tier"), missing.err());
        Result ko = tierlab("", "--lang", "ko", "read", "three-tier");
        assertEquals(0, ko.code(), ko.toString());
        assertTrue(ko.out().contains("1/3쪽"), ko.out());
        Result progress = tierlab("status\nexit\n");
        assertTrue(progress.out().contains("three-tier: in progress, pages read 1/3"), progress.out());
    }
}
