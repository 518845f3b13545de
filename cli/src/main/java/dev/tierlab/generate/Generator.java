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
import java.util.HashMap;
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
                out.put(target, renderText(id + "/" + source, new String(file.getValue(), StandardCharsets.UTF_8), model)
                        .getBytes(StandardCharsets.UTF_8));
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

    private String renderText(String name, String text, Map<String, Object> model) {
        try {
            freemarker.template.Template t = new freemarker.template.Template(name, text, config);
            StringWriter out = new StringWriter();
            t.process(model, out);
            return out.toString();
        } catch (ParseException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.template.render",
                    "templates/" + name + ":" + e.getLineNumber() + ":" + e.getColumnNumber(), e.getEditorMessage());
        } catch (TemplateException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.template.render",
                    "templates/" + name + ":" + e.getLineNumber() + ":" + e.getColumnNumber(), firstLine(e.getMessageWithoutStackTop()));
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.template.render", "templates/" + name, e.getMessage());
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
