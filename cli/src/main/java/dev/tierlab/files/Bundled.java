package dev.tierlab.files;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.FileSystem;
import java.nio.file.FileSystemAlreadyExistsException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.Map;

/**
 * Folders packed into the application ({@code content/}, {@code labs/}, {@code templates/}) as
 * {@link Path}s, so they can be walked like directories whether tierlab runs from its jar or from
 * the build output.
 */
public final class Bundled {
    private Bundled() {
    }

    public static Path folder(String name) {
        URL url = Bundled.class.getClassLoader().getResource(name + "/");
        if (url == null) {
            throw new IllegalStateException(name + "/ is missing from the application");
        }
        try {
            URI uri = url.toURI();
            if ("jar".equals(uri.getScheme())) {
                FileSystem fs;
                try {
                    fs = FileSystems.newFileSystem(uri, Map.of());
                } catch (FileSystemAlreadyExistsException e) {
                    fs = FileSystems.getFileSystem(uri);
                }
                return fs.getPath("/" + name);
            }
            return Path.of(uri);
        } catch (URISyntaxException | IOException e) {
            throw new IllegalStateException("cannot open the bundled " + name + "/ at " + url, e);
        }
    }

    /** A resource that lives beside {@code owner}'s class file, e.g. a script tierlab writes out and runs. */
    public static byte[] bytes(Class<?> owner, String name) {
        try (java.io.InputStream in = owner.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException(name + " is missing from the application");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("cannot read the bundled " + name, e);
        }
    }
}
