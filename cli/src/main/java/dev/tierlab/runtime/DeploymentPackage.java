package dev.tierlab.runtime;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.error.WorkspaceFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipFile;

/**
 * A deployment zip unpacked the way Lambda does (classes at the root, jars under {@code lib/}), into a
 * folder next to it that is reused while the zip is unchanged.
 */
public final class DeploymentPackage {
    private final Path root;

    private DeploymentPackage(Path root) {
        this.root = root;
    }

    public static DeploymentPackage open(Path zip) {
        if (!Files.isRegularFile(zip)) {
            throw new WorkspaceFault(ExitCode.NOT_FOUND, "error.invoke.noZip", zip);
        }
        try {
            String key = Files.size(zip) + "-" + Files.getLastModifiedTime(zip).toMillis();
            String prefix = ".tierlab-" + zip.getFileName() + "-";
            Path root = zip.resolveSibling(prefix + key);
            if (!Files.isDirectory(root)) {
                removeOlder(zip.getParent(), prefix);
                Path tmp = Files.createTempDirectory(zip.getParent(), ".tierlab-unpack-");
                unzip(zip, tmp);
                try {
                    Files.move(tmp, root, StandardCopyOption.ATOMIC_MOVE);
                } catch (IOException e) {
                    if (!Files.isDirectory(root)) {
                        throw e;
                    }
                }
            }
            return new DeploymentPackage(root);
        } catch (IOException e) {
            throw TierlabException.io(zip, e);
        }
    }

    /** Unpacked copies of earlier builds of the same zip: they would only fill the disk. */
    private static void removeOlder(Path dir, String prefix) throws IOException {
        try (Stream<Path> old = Files.list(dir)) {
            for (Path p : old.filter(f -> f.getFileName().toString().startsWith(prefix)).toList()) {
                dev.tierlab.files.FileTrees.delete(p);
            }
        }
    }

    private static void unzip(Path zip, Path into) throws IOException {
        try (ZipFile z = new ZipFile(zip.toFile())) {
            Enumeration<? extends ZipEntry> entries = z.entries();
            while (entries.hasMoreElements()) {
                ZipEntry e = entries.nextElement();
                Path target = dev.tierlab.files.Containment.resolve(into, e.getName())
                        .orElseThrow(() -> new IOException("zip entry outside the package: " + e.getName()));
                if (e.isDirectory()) {
                    Files.createDirectories(target);
                } else {
                    Files.createDirectories(target.getParent());
                    try (InputStream in = z.getInputStream(e)) {
                        Files.copy(in, target, StandardCopyOption.REPLACE_EXISTING);
                    }
                }
            }
        }
    }

    /** The class path Lambda uses: the package root, then every jar in {@code lib/}. */
    public List<Path> classpath() {
        List<Path> entries = new ArrayList<>();
        entries.add(root);
        Path lib = root.resolve("lib");
        if (Files.isDirectory(lib)) {
            try (Stream<Path> jars = Files.list(lib)) {
                entries.addAll(jars.filter(p -> p.toString().endsWith(".jar")).sorted().toList());
            } catch (IOException e) {
                throw TierlabException.io(root, e);
            }
        }
        return entries;
    }
}
