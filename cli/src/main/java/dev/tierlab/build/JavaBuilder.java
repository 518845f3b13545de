package dev.tierlab.build;

import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import javax.tools.Diagnostic;
import javax.tools.DiagnosticCollector;
import javax.tools.JavaCompiler;
import javax.tools.JavaFileObject;
import javax.tools.StandardJavaFileManager;
import javax.tools.ToolProvider;

/**
 * Compiles a Lambda project in-process with {@code javax.tools} and packages the deployment zip
 * Lambda expects: the compiled classes at the root and the dependency jars under {@code lib/}.
 * Zip entries get a fixed time, so the same inputs give the same zip (and the same CodeSha256).
 */
public final class JavaBuilder {
    private static final FileTime FIXED = FileTime.fromMillis(315532800000L); // 1980-01-01, the zip epoch

    /** @param errors compiler errors formatted like javac's ({@code file:line: error: message}, source line, caret) */
    public record Result(boolean compiled, int classes, List<String> errors, Path zip) {
    }

    /**
     * @param classpath the jars javac sees (compile, provided, system scope)
     * @param runtime   the jars packed under {@code lib/} (compile and runtime scope)
     */
    public Result build(MavenProject project, List<Path> classpath, List<Path> runtime) {
        try {
            dev.tierlab.files.FileTrees.delete(project.classes());
            Files.createDirectories(project.classes());
            List<Path> sources = files(project.dir().resolve("src/main/java"), ".java");
            if (!sources.isEmpty()) {
                List<String> errors = compile(project, sources, classpath);
                if (!errors.isEmpty()) {
                    return new Result(false, 0, errors, null);
                }
            }
            copyTree(project.dir().resolve("src/main/resources"), project.classes());
            int classes = files(project.classes(), ".class").size();
            zip(project, runtime);
            return new Result(true, classes, List.of(), project.zip());
        } catch (IOException e) {
            throw TierlabException.io(project.dir(), e);
        }
    }

    private List<String> compile(MavenProject project, List<Path> sources, List<Path> classpath) throws IOException {
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        if (javac == null) {
            throw new TierlabException(dev.tierlab.error.ExitCode.BAD_INPUT, "error.build.noCompiler", System.getProperty("java.home"));
        }
        DiagnosticCollector<JavaFileObject> diagnostics = new DiagnosticCollector<>();
        try (StandardJavaFileManager files = javac.getStandardFileManager(diagnostics, Locale.ROOT, StandardCharsets.UTF_8)) {
            List<String> options = new ArrayList<>(List.of("--release", String.valueOf(project.release()),
                    "-d", project.classes().toString(), "-encoding", "UTF-8", "-g", "-parameters", "-proc:none"));
            if (!classpath.isEmpty()) {
                options.add("-classpath");
                options.add(String.join(java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList()));
            }
            Iterable<? extends JavaFileObject> units = files.getJavaFileObjectsFromPaths(sources);
            boolean ok = javac.getTask(null, files, diagnostics, options, null, units).call();
            List<String> errors = new ArrayList<>();
            for (Diagnostic<? extends JavaFileObject> d : diagnostics.getDiagnostics()) {
                if (d.getKind() == Diagnostic.Kind.ERROR) {
                    errors.add(format(project.dir(), d));
                }
            }
            if (!ok && errors.isEmpty()) {
                errors.add("javac failed without an error message");
            }
            return errors;
        }
    }

    /** javac's own layout: {@code path:line: error: message}, then the source line and a caret. */
    private static String format(Path base, Diagnostic<? extends JavaFileObject> d) {
        String file = d.getSource() == null ? "" : base.relativize(Path.of(d.getSource().toUri())).toString();
        StringBuilder sb = new StringBuilder(file).append(':').append(d.getLineNumber()).append(": error: ")
                .append(d.getMessage(Locale.ROOT));
        if (d.getSource() != null && d.getLineNumber() > 0) {
            try {
                String line = Files.readAllLines(Path.of(d.getSource().toUri())).get((int) d.getLineNumber() - 1);
                sb.append('\n').append(line).append('\n').append(" ".repeat((int) Math.max(0, d.getColumnNumber() - 1))).append('^');
            } catch (IOException | IndexOutOfBoundsException e) {
                // the message alone still names file and line
            }
        }
        return sb.toString();
    }

    /** Packages {@code target/classes} and {@code jars} as the deployment zip (used after a Maven build too). */
    public Path packageZip(MavenProject project, List<Path> jars) {
        try {
            zip(project, jars);
            return project.zip();
        } catch (IOException e) {
            throw TierlabException.io(project.zip(), e);
        }
    }

    private static void zip(MavenProject project, List<Path> classpath) throws IOException {
        Path zip = project.zip();
        Files.createDirectories(zip.getParent());
        Path tmp = Files.createTempFile(zip.getParent(), ".tierlab-", ".zip");
        try (OutputStream out = Files.newOutputStream(tmp); ZipOutputStream z = new ZipOutputStream(out)) {
            for (Path f : files(project.classes(), "")) {
                add(z, project.classes().relativize(f).toString().replace('\\', '/'), f);
            }
            for (Path jar : classpath) {
                add(z, "lib/" + jar.getFileName(), jar);
            }
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView("posix")) {
            Files.setPosixFilePermissions(tmp, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r--r--"));
        }
        Files.move(tmp, zip, java.nio.file.StandardCopyOption.REPLACE_EXISTING, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
    }

    private static void add(ZipOutputStream z, String name, Path file) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setLastModifiedTime(FIXED);
        z.putNextEntry(e);
        Files.copy(file, z);
        z.closeEntry();
    }

    /** Regular files below {@code dir} ending in {@code suffix}, sorted; none when it does not exist. */
    private static List<Path> files(Path dir, String suffix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).filter(p -> p.toString().endsWith(suffix)).sorted().toList();
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        if (Files.isDirectory(from)) {
            dev.tierlab.files.FileTrees.copy(from, to, p -> false);
        }
    }
}
