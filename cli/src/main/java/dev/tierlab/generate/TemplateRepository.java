package dev.tierlab.generate;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Where templates live: {@code templates/<id>/} folders that mirror the output tree, each with a
 * {@code template.yaml}. The bundled templates are read straight from the application jar.
 */
public final class TemplateRepository {
    private final Path root;
    private final ObjectMapper yaml = JsonMapper.builder(new YAMLFactory())
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .propertyNamingStrategy(PropertyNamingStrategies.LOWER_CAMEL_CASE)
            .build();

    private TemplateRepository(Path root) {
        this.root = root;
    }

    public static TemplateRepository directory(Path root) {
        return new TemplateRepository(root);
    }

    /** The templates packed into the application (or, when run from classes, the build output). */
    public static TemplateRepository bundled() {
        return new TemplateRepository(dev.tierlab.files.Bundled.folder("templates"));
    }

    /** The ids of the templates here: the folders holding a {@code template.yaml}, by name. */
    public java.util.List<String> ids() {
        try (Stream<Path> list = Files.isDirectory(root) ? Files.list(root) : Stream.empty()) {
            return list.filter(p -> Files.isRegularFile(p.resolve(TemplateManifest.FILE)))
                    .map(p -> p.getFileName().toString().replaceAll("/$", "")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A template: its manifest and its files (path relative to the template folder, forward slashes). */
    public record Template(TemplateManifest manifest, Map<String, byte[]> files) {
    }

    public Template load(String id) {
        Path dir = root.resolve(id);
        Path manifestFile = dir.resolve(TemplateManifest.FILE);
        if (!Files.isRegularFile(manifestFile)) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.template.unknown", id);
        }
        TemplateManifest manifest;
        try {
            manifest = yaml.readValue(Files.readString(manifestFile), TemplateManifest.class);
        } catch (JsonProcessingException e) {
            String where = "templates/" + id + "/" + TemplateManifest.FILE
                    + (e.getLocation() == null ? "" : ":" + e.getLocation().getLineNr() + ":" + e.getLocation().getColumnNr());
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.lab.invalid", where, e.getOriginalMessage());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!id.equals(manifest.id())) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.lab.invalid", "templates/" + id + "/" + TemplateManifest.FILE,
                    dev.tierlab.i18n.Text.of("lab.problem.idNotFolder", manifest.id(), id));
        }
        Map<String, byte[]> files = new TreeMap<>();
        try (Stream<Path> walk = Files.walk(dir)) {
            for (Path p : (Iterable<Path>) walk.filter(Files::isRegularFile)::iterator) {
                String rel = dir.relativize(p).toString().replace('\\', '/');
                if (!rel.equals(TemplateManifest.FILE)) {
                    files.put(rel, Files.readAllBytes(p));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Template(manifest, files);
    }
}
