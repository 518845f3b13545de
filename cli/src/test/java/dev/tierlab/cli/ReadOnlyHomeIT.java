package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application on a home it cannot write: a folder owned by root (mode 0755) used by the
 * unprivileged user {@code nobody}, as with a home on a read-only mount or a shared classroom image.
 * Root ignores file permissions, so tierlab is run as {@code nobody} through {@code runuser}; without
 * root or runuser the test is skipped and says why.
 */
class ReadOnlyHomeIT {
    private static final Path REPO = Path.of(System.getProperty("tierlab.repo", "..")).toAbsolutePath().normalize();
    private static final Path JAR = REPO.resolve("cli/target/tierlab.jar");
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    private static final String NOTICE = "notice: tierlab's home %s is read-only; progress was read without the lock and nothing will be saved.";

    @TempDir
    Path dir;

    private Path home;
    private byte[] progressBefore;

    private record Result(int code, String out, String err) {
    }

    /** tierlab run as {@code user} (null: this process's user, root) with {@code stdin}, in {@link #dir}. */
    private Result tierlab(String user, String stdin, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        if (user != null) {
            command.addAll(List.of("runuser", "-u", user, "--"));
        }
        command.addAll(List.of("env", "TIERLAB_HOME=" + home, "COLUMNS=200", JAVA, "-jar", JAR.toString()));
        command.addAll(List.of(args));
        Path out = dir.resolve("out.txt");
        Path err = dir.resolve("err.txt");
        Path in = dir.resolve("in.txt");
        Files.writeString(in, stdin);
        ProcessBuilder pb = new ProcessBuilder(command).directory(dir.toFile());
        pb.environment().remove("NO_COLOR");
        Process p = pb.redirectInput(in.toFile()).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "tierlab did not finish");
        return new Result(p.exitValue(), Files.readString(out, StandardCharsets.UTF_8), Files.readString(err, StandardCharsets.UTF_8));
    }

    private Result asNobody(String... args) throws IOException, InterruptedException {
        return tierlab("nobody", "", args);
    }

    private static String run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        return p.waitFor() == 0 ? output : null;
    }

    @BeforeEach
    void readOnlyHomeWithProgress() throws Exception {
        assumeTrue(run("sh", "-c", "command -v runuser") != null, "runuser is not installed: cannot run tierlab as another user");
        String uid = run("id", "-u");
        assumeTrue("0".equals(uid), "running as uid " + uid + ", not root: runuser cannot switch to nobody");
        assumeTrue(run("id", "-u", "nobody") != null, "there is no user nobody");
        // nobody must reach this folder, the jar and the JDK; the home inside stays writable by root only
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwxr-xr-x"));
        home = dir.resolve("home");
        Files.createDirectory(home, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
        String probe = run("runuser", "-u", "nobody", "--", JAVA, "-jar", JAR.toString(), "--version");
        assumeTrue(probe != null, "nobody cannot run " + JAR + " with " + JAVA);

        // the owner reads a page: progress.json and its lock file exist, owned by root
        Result owner = tierlab(null, "", "read", "three-tier");
        assertEquals(0, owner.code(), owner.toString());
        // readable by nobody, not writable (tierlab writes its state owner-only)
        Files.setPosixFilePermissions(home.resolve("progress.json"), PosixFilePermissions.fromString("rw-r--r--"));
        progressBefore = Files.readAllBytes(home.resolve("progress.json"));
    }

    @Test
    void readOnlyCommandsReadWithoutTheLockAndSaySo() throws Exception {
        Result status = asNobody("status");
        assertEquals(0, status.code(), status.toString());
        assertTrue(status.out().contains("three-tier: in progress, pages read 1/3"), status.out());
        assertEquals(String.format(NOTICE, home) + "\n", status.err(), "said once, and nothing else");

        Result read = asNobody("read", "three-tier", "--page", "2");
        assertEquals(0, read.code(), read.toString());
        assertTrue(read.out().contains("three-tier \u00b7 page 2/3"), read.out());
        assertTrue(read.out().contains("(Your progress could not be saved: tierlab's home " + home + " is read-only.)"), read.out());
        assertFalse(read.err().contains("Exception"), read.err());

        for (String command : List.of("lessons", "progress", "lab list")) {
            Result r = asNobody(command.split(" "));
            assertEquals(0, r.code(), command + ": " + r);
        }

        Result ko = asNobody("--lang", "ko", "status");
        assertEquals(0, ko.code(), ko.toString());
        assertTrue(ko.err().contains("알림: tierlab 홈 " + home + "은(는) 읽기 전용이라 잠금 없이 진도를 읽었습니다."), ko.err());

        assertNothingChanged();
    }

    @Test
    void aShellSessionSaysItOnce() throws Exception {
        Result shell = tierlab("nobody", "status\nread three-tier\nlessons\nexit\n");
        assertEquals(0, shell.code(), shell.toString());
        String all = shell.out() + shell.err();
        assertEquals(1, all.split(java.util.regex.Pattern.quote(String.format(NOTICE, home)), -1).length - 1, all);
        assertNothingChanged();
    }

    @Test
    void commandsThatWriteProgressFailClearlyAndChangeNothing() throws Exception {
        Result reset = asNobody("reset", "--yes");
        assertEquals(4, reset.code(), reset.toString());
        assertEquals("error: tierlab's home " + home + " is read-only.\n"
                + "hint: tierlab saves progress there: make " + home + " writable, or point --home or TIERLAB_HOME to a writable directory.\n",
                reset.err());

        Path workspace = dir.resolve("ws");
        Result start = asNobody("lab", "start", "api-gateway", "--dir", workspace.toString());
        assertEquals(4, start.code(), start.toString());
        assertTrue(start.err().startsWith("error: tierlab's home " + home + " is read-only."), start.err());
        assertFalse(Files.exists(workspace), "nothing generated before the failure");

        // hints and solutions are recorded (progress and the workspace, which a grade reads): none is shown unless it can be
        Path learnerWorkspace = dir.resolve("mine");
        Result generated = tierlab(null, "", "lab", "start", "api-gateway", "--dir", learnerWorkspace.toString());
        assertEquals(0, generated.code(), generated.toString());
        assertTrue(run("chown", "-R", "nobody", learnerWorkspace.toString()) != null, "the workspace is the learner's");
        Files.setPosixFilePermissions(home.resolve("progress.json"), PosixFilePermissions.fromString("rw-r--r--"));
        progressBefore = Files.readAllBytes(home.resolve("progress.json"));
        Result hint = asNobody("hint", "--dir", learnerWorkspace.toString());
        assertEquals(4, hint.code(), hint.toString());
        assertEquals("", hint.out(), "no hint shown");
        assertTrue(hint.err().contains("error: tierlab's home " + home + " is read-only."), hint.err());
        Result solution = asNobody("solution", "post-ticket", "--yes", "--dir", learnerWorkspace.toString());
        assertEquals(4, solution.code(), solution.toString());
        assertEquals("", solution.out(), "no solution shown");

        Result quiz = asNobody("quiz", "three-tier", "--answer", "q1=a");
        assertEquals(0, quiz.code(), quiz.toString());
        assertTrue(quiz.out().contains("Score: "), "the score is shown: " + quiz.out());
        assertTrue(quiz.err().contains("(Your progress could not be saved: tierlab's home " + home + " is read-only.)"), quiz.err());

        assertNothingChanged();
    }

    private void assertNothingChanged() throws IOException {
        assertArrayEquals(progressBefore, Files.readAllBytes(home.resolve("progress.json")), "progress.json untouched");
        try (Stream<Path> files = Files.list(home)) {
            assertEquals(List.of("progress.json", "progress.json.lock"), files.map(f -> f.getFileName().toString()).sorted().toList());
        }
    }
}
