package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.tierlab.config.Environment;
import dev.tierlab.course.ContentSource;
import dev.tierlab.course.CourseLoader;
import dev.tierlab.course.Quiz;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.jline.terminal.impl.ExternalTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The guided shell on a JLine dumb terminal with scripted input. */
class ShellTest {
    private static final Quiz QUIZ = new CourseLoader(ContentSource.bundled()).load().chapter("three-tier").quiz();

    @TempDir
    Path home;

    private String session(String input) throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.toString()), false, Locale.ENGLISH, home);
        try (Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            int code = assertTimeoutPreemptively(Duration.ofSeconds(30),
                    () -> new Shell(env, GlobalOptions.NONE, terminal).run());
            assertEquals(0, code);
        }
        return out.toString(StandardCharsets.UTF_8);
    }

    @Test
    void lessonsReadQuizAndExitPersistProgress() throws Exception {
        StringBuilder script = new StringBuilder("lessons\nread three-tier\nnext\nwhere\nquiz three-tier\n");
        for (Quiz.Question q : QUIZ.questions()) {
            script.append(String.join(",", q.correctIds())).append('\n');
        }
        script.append("exit\n");
        String out = session(script.toString());
        assertTrue(out.contains("Start with the first chapter"), out);
        assertTrue(out.contains("3 pages, quiz: " + QUIZ.size() + " questions"), out);
        assertTrue(out.contains("three-tier · page 1/3"), out);
        assertTrue(out.contains("three-tier · page 2/3"), out);
        assertTrue(out.contains("Type 'next' for the next page"), out);
        assertTrue(out.contains("You are in three-tier"), out);
        assertTrue(out.contains("page 2 of 3"), out);
        assertTrue(out.contains("Score: " + QUIZ.size() + "/" + QUIZ.size()), out);

        JsonNode progress = new ObjectMapper().readTree(Files.readString(home.resolve("progress.json")));
        assertEquals("[1,2]", progress.get("chapters").get("three-tier").get("pagesRead").toString());
        assertEquals(QUIZ.size(), progress.get("chapters").get("three-tier").get("quiz").get("score").asInt());
        List<String> history = Files.readAllLines(home.resolve(Shell.HISTORY_FILE));
        assertTrue(history.stream().anyMatch(l -> l.endsWith("read three-tier")), history.toString());

        String again = session("exit\n");
        assertTrue(again.contains("Continue where you left off: three-tier, page 2"), again);
    }

    @Test
    void exitAtAnAnswerPromptStopsTheQuizOnly() throws Exception {
        String out = session("quiz three-tier\nexit\nwhere\nexit\n");
        assertTrue(out.contains("Type exit or press Ctrl-C to stop the quiz."), out);
        assertTrue(out.contains("Quiz stopped before the end; nothing was recorded."), out);
        assertTrue(out.contains("You have not opened a lesson yet"), "the shell went on:\n" + out);
    }

    @Test
    void aScriptedSessionEndsWithTheLastCommandsExitCode() throws Exception {
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.toString()), false, Locale.ENGLISH, home);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Terminal terminal = new DumbTerminal("test", "dumb",
                new ByteArrayInputStream("read four-tier\nexit\n".getBytes(StandardCharsets.UTF_8)), out, StandardCharsets.UTF_8)) {
            assertEquals(3, new Shell(env, GlobalOptions.NONE, terminal).run(), "like a POSIX shell's exit");
        }
    }

    @Test
    void endOfInputExitsLikeCtrlD() throws Exception {
        String out = session("status\n");
        assertTrue(out.contains("Chapters done: 0 of"), out);
    }

    /**
     * Ctrl-C needs a terminal with a line discipline that turns the key into a signal, as a real
     * TTY does: JLine's ExternalTerminal, fed key by key once the shell is waiting.
     */
    @Test
    void ctrlCCancelsTheQuizAndReturnsToThePrompt() throws Exception {
        String out = interactive("dumb", null, (keys, screen) -> {
            type(keys, "quiz three-tier\r", screen, "answer> ");
            type(keys, "\u0003", screen, "error: cancelled.");
            type(keys, "where\r", screen, "You have not opened a lesson yet");
        });
        assertTrue(out.contains("error: cancelled."), out);
        Path progress = home.resolve("progress.json");
        assertFalse(Files.exists(progress) && Files.readString(progress).contains("\"quiz\""), "nothing recorded");
    }

    @Test
    void longLessonsPageToTheTerminalHeight() throws Exception {
        String out = interactive("xterm-256color", new org.jline.terminal.Size(60, 12), (keys, screen) -> {
            type(keys, "read three-tier --no-color\r", screen, "(space, enter, q) --");
            int screens = count(screen, "(space, enter, q) --");
            type(keys, " ", screen, "three-tier · page 1/3");
            waitFor(() -> count(screen, "(space, enter, q) --") > screens, screen);
            type(keys, "q", screen, "tierlab> ");
            assertFalse(screen.toString(StandardCharsets.UTF_8).contains("Type 'next' for the next page"),
                    "q stops before the end of the page");
        });
        String text = out.replaceAll("\u001B\\[[0-9;?]*[A-Za-z]", "");
        for (String line : text.split("\r?\n")) {
            int cr = line.lastIndexOf('\r');
            String visible = cr >= 0 ? line.substring(cr + 1) : line;
            assertTrue(dev.tierlab.render.DisplayWidth.of(visible) <= 60, "wider than the terminal: [" + visible + "]");
        }
    }

    /** Keys typed into a running shell, each step waiting for what the screen should show. */
    private interface Keystrokes {
        void type(PipedOutputStream keys, ByteArrayOutputStream screen) throws Exception;
    }

    /**
     * Runs the shell on a JLine ExternalTerminal, which has a line discipline like a real TTY (Ctrl-C
     * becomes a signal, raw mode works), types {@code steps}, then {@code exit}; returns the screen.
     */
    private String interactive(String type, org.jline.terminal.Size size, Keystrokes steps) throws Exception {
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.toString()), false, Locale.ENGLISH, home);
        PipedOutputStream keys = new PipedOutputStream();
        ByteArrayOutputStream screen = new ByteArrayOutputStream();
        ExecutorService executor = Executors.newSingleThreadExecutor();
        try (Terminal terminal = new ExternalTerminal("test", type, new PipedInputStream(keys), screen, StandardCharsets.UTF_8)) {
            if (size != null) {
                terminal.setSize(size);
            }
            Future<Integer> shell = executor.submit(() -> new Shell(env, GlobalOptions.NONE, terminal).run());
            steps.type(keys, screen);
            keys.write("exit\r".getBytes(StandardCharsets.UTF_8));
            keys.flush();
            shell.get(30, TimeUnit.SECONDS);
        } finally {
            executor.shutdownNow();
        }
        return screen.toString(StandardCharsets.UTF_8);
    }

    private static int count(ByteArrayOutputStream out, String text) {
        return out.toString(StandardCharsets.UTF_8).split(java.util.regex.Pattern.quote(text), -1).length - 1;
    }

    private static void waitFor(java.util.function.BooleanSupplier condition, ByteArrayOutputStream out) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("condition not met:\n" + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }

    private static void type(PipedOutputStream keys, String text, ByteArrayOutputStream out, String expect) throws Exception {
        keys.write(text.getBytes(StandardCharsets.UTF_8));
        keys.flush();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!out.toString(StandardCharsets.UTF_8).contains(expect)) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("no '" + expect + "' after typing " + text + ":\n" + out.toString(StandardCharsets.UTF_8));
            }
            Thread.sleep(20);
        }
    }

    @Test
    void errorsDoNotEndTheShell() throws Exception {
        String out = session("read four-tier\nlesons\nwhere\nexit\n");
        assertTrue(out.contains("no chapter 'four-tier'"), out);
        assertTrue(out.contains("Did you mean: tierlab lessons"), out);
        assertTrue(out.contains("You have not opened a lesson yet"), out);
    }

    @Test
    void backAndNextWalkAcrossPages() throws Exception {
        String out = session("next\nnext\nback\nback\nback\nexit\n");
        assertTrue(out.contains("You are at the first page of the course."), out);
        assertEquals(2, out.split("three-tier · page 1/3", -1).length - 1, out);
    }

    @Test
    void tabCompletionOffersCommandsOptionsAndChapterIds() {
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.toString()), false, Locale.ENGLISH, home);
        java.io.PrintWriter sink = new java.io.PrintWriter(new java.io.StringWriter());
        CliContext ctx = new CliContext(env, sink, sink, Prompter.of(java.io.InputStream.nullInputStream(), sink),
                Pager.printing(sink), GlobalOptions.NONE, true, false, () -> 0);
        ShellCompleter completer = new ShellCompleter(() -> Cli.commandLine(ctx).getCommandSpec());
        assertTrue(completer.complete(List.of()).containsAll(List.of("lessons", "read", "quiz", "next", "back", "where", "exit")));
        assertTrue(completer.complete(List.of("read")).contains("three-tier"));
        assertTrue(completer.complete(List.of("read")).contains("--page"));
        assertFalse(completer.complete(List.of("read", "three-tier")).contains("three-tier"));
        assertEquals(List.of("en", "ko"), completer.complete(List.of("lessons", "--lang")));
        assertTrue(completer.complete(List.of("config", "set")).contains("lang"));
    }
}
