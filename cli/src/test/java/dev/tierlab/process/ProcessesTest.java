package dev.tierlab.process;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.error.ExitCode;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the JDK's own {@code java} as the external program, so the test needs nothing installed. */
class ProcessesTest {
    private static final String JAVA = Path.of(System.getProperty("java.home"), "bin", "java").toString();

    @TempDir
    Path dir;


    @Test
    void exitCodeAndCombinedOutputWithColoursRemoved() throws Exception {
        Path src = dir.resolve("Hello.java");
        java.nio.file.Files.writeString(src, """
                class Hello {
                    public static void main(String[] a) {
                        System.out.println("\\u001B[1;31mout\\u001B[0m");
                        System.err.println("err");
                        System.exit(3);
                    }
                }
                """);
        Processes.Result r = Processes.run(dir, List.of(JAVA, src.toString()), Duration.ofSeconds(60));
        assertEquals(3, r.exitCode());
        assertFalse(r.timedOut());
        assertFalse(r.succeeded());
        assertTrue(r.output().containsAll(List.of("out", "err")), r.output().toString());
    }

    @Test
    void stdinIsEmptySoAReaderDoesNotWait() throws Exception {
        Path src = dir.resolve("Read.java");
        java.nio.file.Files.writeString(src, """
                class Read {
                    public static void main(String[] a) throws Exception {
                        System.out.println("read " + System.in.read());
                    }
                }
                """);
        Processes.Result r = Processes.run(dir, List.of(JAVA, src.toString()), Duration.ofSeconds(60));
        assertTrue(r.succeeded(), r.toString());
        assertEquals(List.of("read -1"), r.output());
    }

    @Test
    void aProgramPastItsLimitIsStoppedAndSaysSo() throws Exception {
        Path src = dir.resolve("Sleep.java");
        java.nio.file.Files.writeString(src, """
                class Sleep {
                    public static void main(String[] a) throws Exception {
                        Thread.sleep(60_000);
                    }
                }
                """);
        long start = System.nanoTime();
        Processes.Result r = Processes.run(dir, List.of(JAVA, src.toString()), Duration.ofSeconds(3));
        assertTrue(r.timedOut());
        assertEquals(-1, r.exitCode());
        assertTrue(r.output().get(0).endsWith("took longer than 3 seconds and was stopped"), r.output().toString());
        assertTrue(System.nanoTime() - start < Duration.ofSeconds(30).toNanos());
    }

    @Test
    void aMissingProgramIsNamedWithNeutralAdvice() {
        Processes.NotStarted e = assertThrows(Processes.NotStarted.class,
                () -> Processes.run(dir, List.of("no-such-program-tierlab", "x")));
        assertEquals("no-such-program-tierlab", e.program());
        assertEquals(ExitCode.NOT_FOUND, e.exitCode());
        for (Lang lang : Lang.values()) {
            Messages msg = Messages.of(lang);
            String line = msg.get(e.key(), e.args());
            String hint = msg.find(e.key() + ".hint", e.args()).orElseThrow();
            assertTrue(line.contains("no-such-program-tierlab") && hint.contains("no-such-program-tierlab"), line + " / " + hint);
            assertFalse((line + hint).contains("Maven"), "not about Maven: " + line + " / " + hint);
        }
    }

    @Test
    void tailIsTheLastLines() {
        Processes.Result r = new Processes.Result(1, List.of("a", "b", "c", "d"), false);
        assertEquals(List.of("c", "d"), r.tail(2));
        assertEquals(List.of("a", "b", "c", "d"), r.tail(9));
    }
}
