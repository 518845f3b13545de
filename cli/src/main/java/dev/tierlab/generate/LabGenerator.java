package dev.tierlab.generate;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.lab.Lab;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Renders a lab's workspace: every {@code generate} entry of every step, each template into its
 * {@code into} folder; and a step's solution overlay, rendered with the same parameters.
 */
public final class LabGenerator {
    private final TemplateRepository templates;
    private final Generator generator = new Generator();

    public LabGenerator(TemplateRepository templates) {
        this.templates = templates;
    }

    /** The files of a lab's workspace and the versions of the templates that made them. */
    public record Output(Map<String, byte[]> files, Map<String, Integer> templateVersions) {
    }

    public Output render(Lab lab) {
        Map<String, byte[]> files = new TreeMap<>();
        Map<String, Integer> versions = new TreeMap<>();
        for (Lab.Step step : lab.steps()) {
            for (Lab.Generate g : step.generate()) {
                TemplateRepository.Template t = templates.load(g.template());
                versions.put(g.template(), t.manifest().version());
                generator.render(t, g.parameters()).forEach((path, content) -> files.put(prefix(g.into()) + path, content));
            }
        }
        return new Output(files, versions);
    }

    /**
     * The solution files of {@code step}: the folder {@code labDir/<solution>} mirrors the workspace;
     * {@code .ftl} files are rendered with the parameters the lab's templates were generated with.
     */
    public Map<String, byte[]> solution(Lab lab, Lab.Step step, Path labDir) {
        return generator.render(overlay(lab, step, labDir), Map.of());
    }

    /**
     * The solution files of {@code step} that would not render when the solution is applied, each with
     * its path relative to the lab folder (for {@code lab validate}); empty when all render.
     */
    public java.util.List<Generator.Failure> solutionFailures(Lab lab, Lab.Step step, Path labDir) {
        String prefix = prefix(step.solution());
        return generator.failures(overlay(lab, step, labDir), Map.of()).stream()
                .map(f -> new Generator.Failure(prefix + f.file(), f.line(), f.column(), f.reason())).toList();
    }

    /** A step's solution folder as a template whose parameters are the lab's. */
    private TemplateRepository.Template overlay(Lab lab, Lab.Step step, Path labDir) {
        if (step.solution() == null) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.lab.noSolution", step.id());
        }
        Path dir = dev.tierlab.lab.LabCatalog.inside(labDir, step.solution()).orElse(null);
        if (dir == null || !Files.isDirectory(dir)) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", labDir.resolve("lab.yaml").toString(),
                    dev.tierlab.i18n.Text.of("lab.problem.noSolution", step.solution()));
        }
        Map<String, Object> model = new HashMap<>();
        for (Lab.Step s : lab.steps()) {
            for (Lab.Generate g : s.generate()) {
                model.putAll(Generator.parameters(templates.load(g.template()).manifest(), g.parameters()));
            }
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk::iterator) {
                if (Files.isSymbolicLink(p)) {
                    // where a link leads is the lab author's machine, not the lab: refused, never skipped silently
                    throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", labDir.resolve("lab.yaml").toString(),
                            dev.tierlab.i18n.Text.of("lab.problem.solutionLink", labDir.relativize(p).toString().replace('\\', '/')));
                }
                if (Files.isRegularFile(p, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                    files.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
        TemplateManifest overlay = new TemplateManifest("solution-" + step.id(), 1, null, model.keySet().stream()
                .map(name -> new TemplateManifest.Parameter(name, null, model.get(name), null)).toList());
        return new TemplateRepository.Template(overlay, files);
    }

    private static String prefix(String into) {
        return into == null || into.isBlank() ? "" : into.replaceAll("/+$", "") + "/";
    }
}
