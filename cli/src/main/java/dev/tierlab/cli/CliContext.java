package dev.tierlab.cli;

import dev.tierlab.config.ConfigStore;
import dev.tierlab.config.Environment;
import dev.tierlab.config.Settings;
import dev.tierlab.course.ContentSource;
import dev.tierlab.course.Course;
import dev.tierlab.course.CourseLoader;
import dev.tierlab.error.TierlabException;
import dev.tierlab.i18n.Lang;
import dev.tierlab.i18n.Messages;
import dev.tierlab.progress.ProgressStore;
import dev.tierlab.render.TerminalRenderer;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.IntSupplier;

/**
 * What commands work with during one run: the output writers, how to ask the user, and the
 * services, created on first use. One-shot use has one context per process; the shell has one for
 * its whole session, and the global options typed on a line apply to that line only.
 */
final class CliContext {
    static final Duration LOCK_TIMEOUT = Duration.ofSeconds(10);

    private final Environment env;
    private final PrintWriter out;
    private final PrintWriter err;
    private final Prompter prompter;
    private final Pager pager;
    private final GlobalOptions launchOptions;
    private final boolean shell;
    private final boolean colorCapable;
    private final IntSupplier terminalWidth;

    private GlobalOptions lineOptions = GlobalOptions.NONE;
    private Settings settings;
    private GlobalOptions settingsFor;
    private ContentSource content = ContentSource.bundled();
    private Course course;
    private dev.tierlab.lab.LabCatalog catalog;
    private List<dev.tierlab.lab.LabCatalog.Source> catalogFor;
    private boolean exitRequested;
    private dev.tierlab.lab.LabTrust trust;
    private String trustFor;
    private final java.util.Set<Path> readOnlyHomesTold = new java.util.HashSet<>();

    CliContext(Environment env, PrintWriter out, PrintWriter err, Prompter prompter, Pager pager,
               GlobalOptions launchOptions, boolean shell, boolean colorCapable, IntSupplier terminalWidth) {
        this.env = env;
        this.out = out;
        this.err = err;
        this.prompter = prompter;
        this.pager = pager;
        this.launchOptions = launchOptions;
        this.shell = shell;
        this.colorCapable = colorCapable;
        this.terminalWidth = terminalWidth;
    }

    Environment env() {
        return env;
    }

    PrintWriter out() {
        return out;
    }

    PrintWriter err() {
        return err;
    }

    Prompter prompter() {
        return prompter;
    }

    Pager pager() {
        return pager;
    }

    boolean isShell() {
        return shell;
    }

    /** Called by the root command after parsing with the global options of this command line. */
    void lineOptions(GlobalOptions options) {
        this.lineOptions = options;
    }

    GlobalOptions options() {
        return launchOptions.overriddenBy(lineOptions);
    }

    Settings settings() {
        GlobalOptions o = options();
        if (settings == null || !o.equals(settingsFor)) {
            ConfigNotices notices = new ConfigNotices();
            settings = Settings.resolve(o.lang(), o.noColor(), o.stacktrace(), o.home(), env, colorCapable,
                    terminalWidth.getAsInt(), notices);
            settingsFor = o;
            notices.print(); // once, in the language just resolved
        }
        return settings;
    }

    /** The language for help text, decided before parsing; never fails (English on a bad value). */
    Lang helpLang() {
        try {
            return settings().lang();
        } catch (TierlabException e) {
            return Lang.EN;
        }
    }

    Messages msg() {
        return Messages.of(helpLang());
    }

    /** Reads the course from {@code source} instead of the content packed into the application. */
    void useContent(ContentSource source) {
        this.content = source;
        this.course = null;
    }

    Course course() {
        if (course == null) {
            course = new CourseLoader(content).load();
        }
        return course;
    }

    /**
     * The labs: the bundled ones, overlaid by the folders of {@code TIERLAB_LABS_PATH} and then of
     * {@code --labs-dir}. A lab that replaces another is announced on standard error once.
     */
    /** What the workflows of {@code dev.tierlab.app} work with, for this command line. */
    dev.tierlab.app.Services services() {
        return new dev.tierlab.app.Services(env, msg(), trust(), this::labs, this::progress, this::projectBuilder,
                this::localInvocation, this::labGenerator, () -> SandboxCommand.sandbox(this));
    }

    /**
     * Whether labs may run their code here: {@code --trust}, a decision remembered in the home, or the
     * user's answer when a terminal can ask (kept for the rest of the shell session).
     */
    dev.tierlab.lab.LabTrust trust() {
        String key = options().trust() + " " + settings().home() + " " + helpLang();
        if (trust == null || !key.equals(trustFor)) {
            trust = new dev.tierlab.lab.LabTrust(this::labs, settings().home(), options().trust(),
                    question -> env.terminal() ? Optional.of(confirm(question)) : Optional.empty(), msg(), note -> {
                        err.println(note);
                        err.flush();
                    });
            trustFor = key;
        }
        return trust;
    }

    /**
     * Before running the code of {@code workspace} ({@code use}): trust of the lab it was made from, when
     * that lab is not bundled ({@link dev.tierlab.lab.LabTrust}; the workspace remembers the lab's folder).
     * A folder of the learner's own is the learner's code, as with any build tool.
     */
    void requireTrustedWorkspace(Path workspace, dev.tierlab.lab.LabTrust.Use use) {
        Optional<dev.tierlab.workspace.Workspace.Marker> marker = new dev.tierlab.workspace.Workspace(workspace, java.time.Clock.systemUTC()).marker();
        if (marker.isEmpty()) {
            return;
        }
        String id = marker.get().lab();
        if (marker.get().from() != null) {
            // made from a lab of another folder: trusted by that folder, whatever labs this command line has
            trust().require(id, Path.of(marker.get().from()), List.of(use));
        } else if (labs().ids().contains(id)) {
            trust().require(labs().load(id), List.of(use));
        }
    }

    /** Deploy, destroy and checks, shown as the commands show them ({@code show}: where plan and events go). */
    dev.tierlab.app.DeployWorkflow deployWorkflow(PrintWriter show) {
        return new dev.tierlab.app.DeployWorkflow(services(), new DeployPrinter(this, show));
    }

    /** The lab workspace a command works in: {@code --dir} ({@code dirFlag}, may be null), else the one found. */
    dev.tierlab.workspace.LabWorkspace labWorkspace(Path dirFlag) {
        return dev.tierlab.workspace.LabWorkspace.open(dirFlag, env().workingDir(), progress().load(), labs());
    }

    dev.tierlab.lab.LabCatalog labs() {
        List<dev.tierlab.lab.LabCatalog.Source> sources = labSources();
        if (catalog == null || !sources.equals(catalogFor)) {
            catalog = new dev.tierlab.lab.LabCatalog(sources);
            catalogFor = sources;
            for (dev.tierlab.lab.LabCatalog.Override o : catalog.overrides()) {
                err.println(msg().get("lab.overrides", o.id(), o.folder(), o.replaced()));
            }
            err.flush();
        }
        return catalog;
    }

    /** The labs folders, bundled first, without reading them (see {@link #labs()}). */
    List<dev.tierlab.lab.LabCatalog.Source> labSources() {
        List<dev.tierlab.lab.LabCatalog.Source> sources = new ArrayList<>();
        sources.add(new dev.tierlab.lab.LabCatalog.Source(dev.tierlab.files.Bundled.folder("labs"), true));
        labsDirs().forEach(d -> sources.add(new dev.tierlab.lab.LabCatalog.Source(d, false)));
        return sources;
    }

    /** The instructors' labs folders: {@code TIERLAB_LABS_PATH} (separated by the path separator), then {@code --labs-dir}. */
    private List<Path> labsDirs() {
        List<String> given = new ArrayList<>();
        env.get("TIERLAB_LABS_PATH").ifPresent(v -> given.addAll(List.of(v.split(java.util.regex.Pattern.quote(java.io.File.pathSeparator)))));
        given.addAll(options().labsDirs());
        List<Path> dirs = new ArrayList<>();
        for (String g : given) {
            if (g.isBlank()) {
                continue;
            }
            Path dir = env.workingDir().resolve(g).toAbsolutePath().normalize();
            if (!java.nio.file.Files.isDirectory(dir)) {
                throw new TierlabException(dev.tierlab.error.ExitCode.NOT_FOUND, "error.labs.noDir", dir);
            }
            if (!dirs.contains(dir)) {
                dirs.add(dir);
            }
        }
        return dirs;
    }

    dev.tierlab.generate.LabGenerator labGenerator() {
        return new dev.tierlab.generate.LabGenerator(dev.tierlab.generate.TemplateRepository.bundled());
    }

    /** Builds projects with the learner's local Maven repository; downloads are announced on standard error. */
    dev.tierlab.build.ProjectBuilder projectBuilder() {
        return new dev.tierlab.build.ProjectBuilder(env.userHome().resolve(".m2/repository"),
                name -> err.println(msg().get("build.downloading", name)));
    }

    /** Local invocation in {@code workspace}, with the sample events of the workspace's lab. */
    dev.tierlab.runtime.LocalInvocation localInvocation(Path workspace) {
        String lab = new dev.tierlab.workspace.Workspace(workspace, Clock.systemUTC()).marker()
                .map(dev.tierlab.workspace.Workspace.Marker::lab).orElse(null);
        Path folder = lab == null || !labs().ids().contains(lab) ? null : labs().folder(lab);
        Path events = folder == null ? null : dev.tierlab.lab.LabCatalog.inside(folder, "events").orElse(null);
        return new dev.tierlab.runtime.LocalInvocation(projectBuilder(),
                new dev.tierlab.runtime.LambdaInvoker(dev.tierlab.runtime.WorkerPool.processWide()),
                name -> read(events == null ? null : dev.tierlab.lab.LabCatalog.inside(events, name + ".json").orElse(null)),
                name -> list(events));
    }

    /** The text of {@code file}, empty when it is not a regular file (or null). */
    static java.util.Optional<String> read(Path file) {
        try {
            return file != null && java.nio.file.Files.isRegularFile(file)
                    ? java.util.Optional.of(java.nio.file.Files.readString(file)) : java.util.Optional.empty();
        } catch (java.io.IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    private static java.util.List<String> list(Path dir) {
        if (dir == null || !java.nio.file.Files.isDirectory(dir)) {
            return java.util.List.of();
        }
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.list(dir)) {
            return files.map(p -> p.getFileName().toString().replaceFirst("\\.json$", "")).sorted().toList();
        } catch (java.io.IOException e) {
            throw TierlabException.io(dir, e);
        }
    }

    ProgressStore progress() {
        return new ProgressStore(settings().ensureHome(), Clock.systemUTC(), LOCK_TIMEOUT, new ProgressStore.Listener() {
            @Override
            public void movedAside(Path backup) {
                err.println(msg().get("progress.movedAside", backup));
            }

            @Override
            public void otherVersion(TierlabException reason) {
                err.println(msg().get("progress.otherVersion", msg().get(reason.key(), reason.args())));
            }

            @Override
            public void readWithoutLock(Path home) {
                if (readOnlyHomesTold.add(home)) { // once per run (or shell session), not at every read
                    err.println(msg().get("progress.readOnlyHome", home));
                    err.flush();
                }
            }
        });
    }

    /**
     * Records what a command that shows something keeps on the side (a quiz score, check results).
     * On a read-only home the command goes on and says on standard error that progress was not saved.
     */
    void recordProgress(java.util.function.UnaryOperator<dev.tierlab.progress.Progress> change) {
        try {
            progress().update(change);
        } catch (TierlabException e) {
            if (!ProgressStore.isReadOnlyHome(e)) {
                throw e;
            }
            err.println(msg().get("progress.notSaved", msg().get(e.key(), e.args())));
            err.flush();
        }
    }

    ConfigStore config() {
        ConfigNotices notices = new ConfigNotices();
        notices.ready = true;
        return new ConfigStore(settings().ensureHome(), notices);
    }

    /**
     * What was wrong with config.json. While the settings are being resolved the language is not known
     * yet, so the notices wait and are printed once, in the language that was resolved.
     */
    private final class ConfigNotices implements ConfigStore.Listener {
        private final java.util.List<Runnable> waiting = new java.util.ArrayList<>();
        private boolean ready;

        @Override
        public void movedAside(Path backup) {
            say(() -> err.println(msg().get("config.movedAside", backup)));
        }

        @Override
        public void invalid(String key, String value, String allowed) {
            say(() -> err.println(msg().get("config.invalid", key, value, allowed)));
        }

        private void say(Runnable notice) {
            if (ready) {
                notice.run();
            } else {
                waiting.add(notice);
            }
        }

        void print() {
            ready = true;
            waiting.forEach(Runnable::run);
            waiting.clear();
        }
    }

    TerminalRenderer renderer() {
        Settings s = settings();
        return new TerminalRenderer(s.width(), s.color());
    }

    /** Prints a message wrapped to the output width. */
    void say(String text) {
        renderer().wrapPlain(text, "", "").forEach(out::println);
        out.flush();
    }

    /** Asks a yes/no question; anything but yes (or the end of input) is no. */
    boolean confirm(String question) {
        Optional<String> answer = prompter.readLine(question + " " + msg().get("confirm.choices") + " ");
        if (answer.isEmpty()) {
            out.println();
        }
        String a = answer.orElse("").trim().toLowerCase(Locale.ROOT);
        return a.equals("y") || a.equals("yes") || a.equals("예") || a.equals("네") || a.equals("ㅇ");
    }

    void requestExit() {
        exitRequested = true;
    }

    boolean exitRequested() {
        return exitRequested;
    }
}
