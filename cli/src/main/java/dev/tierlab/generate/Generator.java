package dev.tierlab.generate;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import freemarker.core.ParseException;
import freemarker.template.Configuration;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Renders a template with parameters into files, in strict mode: a missing variable is an error
 * that names the template file and line. Files ending in {@code .ftl} are rendered and lose the
 * suffix; other files are copied as they are. Path segments may hold variables as
 * {@code __name__}. Templates use FreeMarker's square-bracket syntax ({@code [=name]},
 * {@code [#if ...]}) so that {@code ${...}} in Java, Maven and CloudFormation files stays literal.
 * A {@code package} parameter also provides {@code packagePath} (dots replaced by slashes).
 */
public final class Generator {
    private static final Pattern PATH_VARIABLE = Pattern.compile("__([A-Za-z][A-Za-z0-9]*)__");
    private static final String SUFFIX = ".ftl";
    /** The most one file may render to, in characters. */
    static final int MAX_OUTPUT = 1024 * 1024;
    /** The most time one file may take to render. */
    static final java.time.Duration MAX_TIME = java.time.Duration.ofSeconds(5);
    private static final java.util.concurrent.ScheduledThreadPoolExecutor TIMER = timer();

    private static java.util.concurrent.ScheduledThreadPoolExecutor timer() {
        java.util.concurrent.ScheduledThreadPoolExecutor timer = new java.util.concurrent.ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "template-deadline");
            t.setDaemon(true);
            return t;
        });
        timer.setRemoveOnCancelPolicy(true);
        return timer;
    }

    private final Configuration config;

    public Generator() {
        config = new Configuration(Configuration.VERSION_2_3_34);
        config.setDefaultEncoding("UTF-8");
        config.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
        config.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
        config.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        config.setLogTemplateExceptions(false);
        config.setWrapUncheckedExceptions(true);
        config.setFallbackOnNullLoopVariable(false);
        config.setAPIBuiltinEnabled(false);
        config.setNewBuiltinClassResolver(freemarker.core.TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    }

    /** The parameters a render uses: the manifest's defaults, overridden by {@code given}. */
    public static Map<String, Object> parameters(TemplateManifest manifest, Map<String, Object> given) {
        Map<String, Object> model = new HashMap<>();
        for (TemplateManifest.Parameter p : manifest.parameters()) {
            if (p.defaultValue() != null) {
                model.put(p.name(), p.defaultValue());
            }
        }
        for (Map.Entry<String, Object> e : given.entrySet()) {
            if (manifest.parameters().stream().noneMatch(p -> p.name().equals(e.getKey()))) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.template.unknownParameter", e.getKey(), manifest.id(),
                        manifest.parameters().stream().map(TemplateManifest.Parameter::name).toList());
            }
            model.put(e.getKey(), e.getValue());
        }
        for (TemplateManifest.Parameter p : manifest.parameters()) {
            Object value = model.get(p.name());
            if (p.type() != null && value != null && !p.type().accepts(value)) {
                // what reaches a template is a name, never code: checked again here whatever validated the lab
                throw new TierlabException(ExitCode.BAD_INPUT, "error.template.badParameter", p.name(), manifest.id(), value,
                        p.type().described());
            }
        }
        if (model.get("package") instanceof String pkg) {
            model.put("packagePath", pkg.replace('.', '/'));
        }
        return model;
    }

    /** Renders every file of {@code template}; the result maps output paths to content. */
    public Map<String, byte[]> render(TemplateRepository.Template template, Map<String, Object> given) {
        Map<String, Object> model = parameters(template.manifest(), given);
        String id = template.manifest().id();
        Map<String, byte[]> out = new TreeMap<>();
        for (Map.Entry<String, byte[]> file : template.files().entrySet()) {
            String source = file.getKey();
            String target = expandPath(id, source, model);
            if (source.endsWith(SUFFIX)) {
                target = target.substring(0, target.length() - SUFFIX.length());
                String text = render(id + "/" + source, new String(file.getValue(), StandardCharsets.UTF_8), model);
                if (!text.isBlank()) { // a file that renders to nothing is left out: a flag can switch a whole file off
                    out.put(target, text.getBytes(StandardCharsets.UTF_8));
                }
            } else {
                out.put(target, file.getValue());
            }
        }
        return out;
    }

    private static String expandPath(String templateId, String path, Map<String, Object> model) {
        Matcher m = PATH_VARIABLE.matcher(path);
        StringBuilder sb = new StringBuilder();
        while (m.find()) {
            Object value = model.get(m.group(1));
            if (value == null) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.template.pathVariable", "templates/" + templateId + "/" + path,
                        m.group(1));
            }
            m.appendReplacement(sb, Matcher.quoteReplacement(value.toString()));
        }
        m.appendTail(sb);
        return sb.toString();
    }

    /**
     * A file of a template that does not render: its path in the template, where in it (line and
     * column 0 when not known) and FreeMarker's reason in one line.
     */
    public record Failure(String file, int line, int column, String reason) {
    }

    /**
     * Every {@code .ftl} file of {@code template} that does not render with {@code given}: what
     * {@link #render} would stop at, all of them (for {@code lab validate}). Nothing is kept of what renders.
     */
    public List<Failure> failures(TemplateRepository.Template template, Map<String, Object> given) {
        Map<String, Object> model = parameters(template.manifest(), given);
        List<Failure> failures = new ArrayList<>();
        for (Map.Entry<String, byte[]> file : template.files().entrySet()) {
            if (file.getKey().endsWith(SUFFIX)) {
                try {
                    renderText(file.getKey(), new String(file.getValue(), StandardCharsets.UTF_8), model);
                } catch (Failed f) {
                    failures.add(f.failure);
                }
            }
        }
        return failures;
    }

    private String render(String name, String text, Map<String, Object> model) {
        try {
            return renderText(name, text, model);
        } catch (Failed f) {
            Failure x = f.failure;
            throw new TierlabException(ExitCode.BAD_INPUT, f.getCause(), "error.template.render",
                    "templates/" + name + (x.line() > 0 ? ":" + x.line() + ":" + x.column() : ""), x.reason());
        }
    }

    /**
     * Renders one file, bounded: at most {@link #MAX_OUTPUT} characters of output and {@link #MAX_TIME}
     * of template loops (a template from a lab folder is untrusted input, and a loop can be endless); a
     * recursion too deep or a single value too large for the heap is a failure too. A built-in that
     * loops inside FreeMarker (say {@code ?join} of a huge range) is bounded only by the heap.
     */
    private String renderText(String name, String text, Map<String, Object> model) {
        java.util.concurrent.ScheduledFuture<?> deadline = null;
        boolean[] done = {false, false}; // rendering done; the deadline fired
        try {
            freemarker.template.Template t = new freemarker.template.Template(name, text, config);
            // FreeMarker's own check (used by its online template tester): loops stop when the thread is interrupted
            freemarker.core._CoreAPI.addThreadInterruptedChecks(t);
            BoundedWriter out = new BoundedWriter(MAX_OUTPUT);
            Thread self = Thread.currentThread();
            deadline = TIMER.schedule(() -> {
                synchronized (done) {
                    if (!done[0]) {
                        done[1] = true;
                        self.interrupt();
                    }
                }
            }, MAX_TIME.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS);
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new Failed(new Failure(name, e.getLineNumber(), e.getColumnNumber(), e.getEditorMessage()), e);
        } catch (TemplateException e) {
            Integer line = e.getLineNumber();
            Integer column = e.getColumnNumber();
            throw new Failed(new Failure(name, line == null ? 0 : line, column == null ? 0 : column, firstLine(e.getMessageWithoutStackTop())), e);
        } catch (IOException e) {
            throw new Failed(new Failure(name, 0, 0, e.getMessage()), e);
        } catch (RuntimeException e) {
            if (e.getClass().getName().endsWith("TemplateProcessingThreadInterruptedException")) {
                synchronized (done) {
                    if (!done[1]) {
                        // the caller's own interrupt (Ctrl-C in the shell): not the template's fault
                        throw new TierlabException(ExitCode.CANCELLED, e, "error.cancelled");
                    }
                }
                throw new Failed(new Failure(name, 0, 0, "rendering took longer than " + MAX_TIME.toSeconds() + " s"), e);
            }
            throw e;
        } catch (StackOverflowError e) {
            throw new Failed(new Failure(name, 0, 0, "the template recurses too deeply"), e);
        } catch (OutOfMemoryError e) {
            // one huge value (say ?left_pad of a billion): the allocation failed, and nothing of it is kept
            throw new Failed(new Failure(name, 0, 0, "the template needs more memory than tierlab has"), e);
        } finally {
            boolean fired;
            synchronized (done) {
                done[0] = true;
                fired = done[1];
            }
            if (deadline != null) {
                deadline.cancel(false);
            }
            if (fired) {
                Thread.interrupted(); // the deadline's interrupt is this method's; the caller's stays set
            }
        }
    }

    /** Why a file does not render; turned into an error by {@link #render} or collected by {@link #failures}. */
    private static final class Failed extends RuntimeException {
        private final Failure failure;

        Failed(Failure failure, Throwable cause) {
            super(failure.reason(), cause, false, false);
            this.failure = failure;
        }
    }

    /** Collects text up to a limit and fails past it, so a template cannot fill the memory. */
    private static final class BoundedWriter extends java.io.Writer {
        private final StringBuilder text = new StringBuilder();
        private final int limit;

        BoundedWriter(int limit) {
            this.limit = limit;
        }

        @Override
        public void write(char[] cbuf, int off, int len) throws IOException {
            if (text.length() + (long) len > limit) {
                throw new IOException("the output is larger than " + limit / 1024 + " KiB");
            }
            text.append(cbuf, off, len);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }

    /** FreeMarker's explanation in one line: the part before its tips, without the position it repeats. */
    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        StringBuilder sb = new StringBuilder();
        for (String line : s.lines().toList()) {
            if (line.startsWith("----")) {
                break;
            }
            String clean = line.replaceAll("\\s*\\[in template [^\\]]*\\]", "").strip();
            if (!clean.isEmpty()) {
                sb.append(sb.length() == 0 ? "" : " ").append(clean);
            }
        }
        return sb.toString();
    }
}
