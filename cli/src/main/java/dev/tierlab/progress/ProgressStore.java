package dev.tierlab.progress;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.files.ProcessLock;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.function.UnaryOperator;

/**
 * Keeps {@code progress.json} in tierlab's home. Every read-modify-write holds an exclusive lock
 * shared with other tierlab processes, and every write is atomic. A file that cannot be read or
 * parsed is moved aside to {@code progress.JSON.bak-<timestamp>} (never deleted), the listener is
 * told, and the learner continues with fresh progress.
 *
 * <p>On a read-only home (no lock file can be made, nothing can be written) progress is read without
 * the lock, the listener is told, and every write fails with {@code error.progress.readOnlyHome}
 * before anything is changed; an unreadable file there is left where it is and not used.
 */
public final class ProgressStore {
    public static final String FILE_NAME = "progress.json";
    private static final String READ_ONLY_HOME = "error.progress.readOnlyHome";
    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss").withZone(ZoneOffset.UTC);

    private final Path home;
    private final Path file;
    private final Path lockFile;
    private final Clock clock;
    private final Duration lockTimeout;
    private final Listener listener;

    /** Told about progress files that were not used as they are. */
    @FunctionalInterface
    public interface Listener {
        /** An unreadable progress file was moved aside to {@code backup}. */
        void movedAside(Path backup);

        /**
         * The file is left alone and not used: it was written by another tierlab version, or it cannot
         * be read and the home is read-only, so it cannot be moved aside.
         */
        default void otherVersion(TierlabException reason) {
        }

        /** The home is read-only: progress was read without the lock, and nothing can be saved. */
        default void readWithoutLock(Path home) {
        }
    }
    private static final ObjectMapper JSON = JsonMapper.builder()
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .build();

    public ProgressStore(Path home, Clock clock, Duration lockTimeout, Listener listener) {
        this.home = home;
        this.file = home.resolve(FILE_NAME);
        this.lockFile = home.resolve(FILE_NAME + ".lock");
        this.clock = clock;
        this.lockTimeout = lockTimeout;
        this.listener = listener;
    }

    public Path file() {
        return file;
    }

    /**
     * The stored progress, or empty progress when there is none yet. A file written by another
     * tierlab version is reported to the listener and read as empty, so lessons stay readable.
     */
    public Progress load() {
        try (ProcessLock ignored = lockForReading()) {
            return readOrRecover();
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        } catch (TierlabException e) {
            if (!isOtherVersion(e)) {
                throw e;
            }
            listener.otherVersion(e);
            return Progress.empty();
        }
    }

    private static boolean isOtherVersion(TierlabException e) {
        return "error.progress.schemaVersion".equals(e.key());
    }

    /**
     * The lock, or null when it cannot be made because the home is read-only: then nothing can
     * change the file while it is read, and there is nothing to protect against.
     */
    private ProcessLock lockForReading() throws IOException {
        try {
            return lock();
        } catch (IOException e) {
            if (!readOnlyHome()) {
                throw e;
            }
            listener.readWithoutLock(home);
            return null;
        }
    }

    /** Whether this process cannot write in the home (a read-only file system, or no write permission). */
    private boolean readOnlyHome() {
        return Files.isDirectory(home) && !Files.isWritable(home);
    }

    /**
     * Fails with {@code error.progress.readOnlyHome} when the home is read-only, so that a command
     * that must save progress can stop before it does anything else.
     */
    public void requireWritable() {
        if (readOnlyHome()) {
            throw new TierlabException(ExitCode.BAD_INPUT, READ_ONLY_HOME, home);
        }
    }

    /** Whether {@code e} is the failure of a write on a read-only home. */
    public static boolean isReadOnlyHome(TierlabException e) {
        return READ_ONLY_HOME.equals(e.key());
    }

    /** Why a write failed: a home that turned out to be read-only is named as such, with what to do. */
    private TierlabException writeFailed(IOException e) {
        return readOnlyHome() ? new TierlabException(ExitCode.BAD_INPUT, e, READ_ONLY_HOME, home)
                : TierlabException.io(file, e);
    }

    /** Applies {@code change} to the stored progress under the lock and stores the result. */
    public Progress update(UnaryOperator<Progress> change) {
        requireWritable(); // before anything is read or changed
        try (ProcessLock ignored = lock()) {
            Progress next = change.apply(readOrRecover());
            AtomicFiles.write(file, serialize(next));
            return next;
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /**
     * Replaces the stored progress with {@code progress} without reading the old file, which is kept
     * as {@code progress.json.bak-<timestamp>} (so even a file this version cannot read is not lost).
     * Returns the backup, or null when there was no file.
     */
    public Path replace(Progress progress) {
        requireWritable(); // before anything is read or changed
        try (ProcessLock ignored = lock()) {
            Path backup = null;
            if (Files.exists(file, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
                backup = backupPath();
                Files.move(file, backup);
            }
            AtomicFiles.write(file, serialize(progress));
            return backup;
        } catch (IOException e) {
            throw writeFailed(e);
        }
    }

    /** Writes the current progress to {@code target}, refusing to replace an existing file unless asked. */
    public void exportTo(Path target, boolean overwrite) {
        if (Files.isDirectory(target)) {
            throw new TierlabException(ExitCode.USAGE, "error.progress.exportDirectory", target);
        }
        if (Files.exists(target) && !overwrite) {
            throw new TierlabException(ExitCode.USAGE, "error.progress.exportExists", target);
        }
        Path dir = target.toAbsolutePath().getParent();
        if (dir != null && !Files.isDirectory(dir)) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.noDirectory", dir);
        }
        Progress progress = load();
        try {
            AtomicFiles.writeShared(target, serialize(progress));
        } catch (IOException e) {
            throw TierlabException.io(target, e);
        }
    }

    /**
     * Replaces the stored progress with the content of {@code source}. The file is fully checked
     * first; on any problem nothing changes. The replaced progress is kept as a backup, whose path
     * is returned (null when there was none).
     */
    public Path importFrom(Path source) {
        return replace(read(source));
    }

    /** The progress in {@code source}, a file written by export, fully checked; the stored progress is not touched. */
    public Progress read(Path source) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(source);
        } catch (NoSuchFileException e) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.fileNotFound", source);
        } catch (IOException e) {
            throw TierlabException.io(source, e);
        }
        return parse(bytes, source.toString());
    }

    private ProcessLock lock() throws IOException {
        return ProcessLock.acquire(lockFile, lockTimeout);
    }

    private Progress readOrRecover() throws IOException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return Progress.empty();
        } catch (IOException e) {
            return moveAside(TierlabException.io(file, e));
        }
        try {
            return parse(bytes, file.toString());
        } catch (TierlabException e) {
            if (isOtherVersion(e)) {
                throw e; // written by another tierlab version: not corrupt, leave it where it is
            }
            return moveAside(e);
        }
    }

    private Progress moveAside(TierlabException reason) throws IOException {
        if (readOnlyHome()) {
            listener.otherVersion(reason); // cannot be moved aside: left where it is, and not used
            return Progress.empty();
        }
        Path backup = backupPath();
        Files.move(file, backup);
        listener.movedAside(backup);
        return Progress.empty();
    }

    private Path backupPath() {
        String base = FILE_NAME + ".bak-" + STAMP.format(clock.instant());
        Path candidate = file.resolveSibling(base);
        for (int i = 1; Files.exists(candidate); i++) {
            candidate = file.resolveSibling(base + "-" + i);
        }
        return candidate;
    }

    private Progress parse(byte[] bytes, String where) {
        try {
            JsonNode tree = JSON.readTree(bytes);
            if (tree == null || !tree.isObject()) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.progress.notProgress", where);
            }
            JsonNode version = tree.get("schemaVersion");
            if (version == null || !version.canConvertToInt()) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.progress.notProgress", where);
            }
            if (version.intValue() < 1 || version.intValue() > Progress.SCHEMA_VERSION) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.progress.schemaVersion", where,
                        version.asText(), Progress.SCHEMA_VERSION);
            }
            Progress progress = JSON.treeToValue(tree, Progress.class);
            validate(progress, where);
            return progress;
        } catch (JacksonException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.progress.unreadable", where, e.getOriginalMessage());
        } catch (IOException e) {
            throw new TierlabException(ExitCode.BAD_INPUT, e, "error.progress.unreadable", where, e.getMessage());
        }
    }

    private static void validate(Progress p, String where) {
        boolean ok = p.current() == null || p.current().chapter() != null && p.current().page() >= 1;
        for (Progress.ChapterProgress cp : p.chapters().values()) {
            ok &= cp != null && cp.pagesRead().stream().allMatch(n -> n >= 1);
            ok &= cp == null || cp.quiz() == null || cp.quiz().score() >= 0 && cp.quiz().score() <= cp.quiz().max();
        }
        if (!ok) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.progress.notProgress", where);
        }
    }

    private byte[] serialize(Progress progress) throws IOException {
        return (JSON.writeValueAsString(progress) + "\n").getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
