package dev.tierlab.course;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where course files come from: the copy packed into the application, or a directory laid out like
 * the repository's {@code content/} folder. Paths are relative and use {@code /}.
 */
public interface ContentSource {

    /** The UTF-8 text at {@code path}, or empty when there is no such file. */
    Optional<String> read(String path);

    /** A human-readable location of {@code path}, for error messages. */
    String describe(String path);

    /** The content packed into the application jar under {@code content/}. */
    static ContentSource bundled() {
        return classpath("content/");
    }

    /** Files packed into the application jar under {@code prefix} (for example {@code labs/}). */
    static ContentSource classpath(String prefix) {
        return new ContentSource() {
            @Override
            public Optional<String> read(String path) {
                try (InputStream in = ContentSource.class.getClassLoader().getResourceAsStream(prefix + path)) {
                    return in == null ? Optional.empty() : Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }

            @Override
            public String describe(String path) {
                return prefix + path;
            }
        };
    }

    /** A directory with the layout of {@code content/}. */
    static ContentSource directory(Path root) {
        return new ContentSource() {
            @Override
            public Optional<String> read(String path) {
                Path file = root.resolve(path);
                if (!Files.isRegularFile(file)) {
                    return Optional.empty();
                }
                return Optional.of(dev.tierlab.files.TextFiles.read(file)); // bounded, and named when not UTF-8
            }

            @Override
            public String describe(String path) {
                return root.resolve(path).toString();
            }
        };
    }
}
