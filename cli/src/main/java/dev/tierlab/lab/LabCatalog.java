package dev.tierlab.lab;

import dev.tierlab.course.ContentSource;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Every lab tierlab knows, from ordered sources: the bundled {@code labs/} folder first, then the
 * instructors' labs folders ({@code TIERLAB_LABS_PATH}, then {@code --labs-dir}). A lab of a later
 * source replaces one with the same id from an earlier source ({@link #overrides()} lists them, so
 * the caller can say so). A labs folder lists its labs in {@code labs.yaml}; without one, every
 * sub-folder holding a {@code lab.yaml} is a lab.
 *
 * <p>Labs that are not bundled are untrusted input: they are parsed and validated, their paths must
 * stay inside their folder ({@link #inside}), and their code runs only when the user trusts them
 * ({@link LabTrust}).
 */
public final class LabCatalog {
    private static final Pattern ID = Pattern.compile("[a-z0-9]+(-[a-z0-9]+)*");

    /** A labs folder; {@code bundled} for the one packed into tierlab. */
    public record Source(Path dir, boolean bundled) {
    }

    /** Lab {@code id} of {@code folder} replaces the one in {@code replaced}. */
    public record Override(String id, Path folder, Path replaced) {
    }

    private final List<Source> sources;
    private final Map<String, Source> owners = new LinkedHashMap<>();
    private final List<Override> overrides = new ArrayList<>();

    /** @param sources labs folders, later ones overriding earlier ones */
    public LabCatalog(List<Source> sources) {
        this.sources = List.copyOf(sources);
        for (Source source : sources) {
            for (String id : idsIn(source.dir())) {
                Source before = owners.put(id, source);
                if (before != null) {
                    overrides.add(new Override(id, source.dir().resolve(id), before.dir().resolve(id)));
                }
            }
        }
    }

    /**
     * The lab ids of a labs folder: those listed in its {@code labs.yaml}, else every sub-folder with
     * a {@code lab.yaml}, by name. Names that are not lab ids are left out (a folder from elsewhere
     * cannot point outside itself); {@code lab validate} reports them.
     */
    public static List<String> idsIn(Path dir) {
        if (Files.isRegularFile(dir.resolve(LabLoader.INDEX))) {
            return new LabLoader(ContentSource.directory(dir)).ids().stream()
                    .filter(id -> id != null && ID.matcher(id).matches()).distinct().toList();
        }
        try (Stream<Path> list = Files.isDirectory(dir) ? Files.list(dir) : Stream.empty()) {
            return list.filter(p -> Files.isRegularFile(p.resolve("lab.yaml")))
                    .map(p -> p.getFileName().toString().replaceAll("/$", ""))
                    .filter(id -> ID.matcher(id).matches()).sorted().toList();
        } catch (IOException e) {
            throw TierlabException.io(dir, e);
        }
    }

    /** The labs folders, in the order given (later ones override earlier ones). */
    public List<Source> sources() {
        return sources;
    }

    /** The ids of every lab, bundled ones first, in the order of their labs folders' indexes. */
    public List<String> ids() {
        return List.copyOf(owners.keySet());
    }

    /** Every lab, loaded and checked. */
    public List<Lab> all() {
        return ids().stream().map(this::load).toList();
    }

    /** Lab {@code id}; an unknown id fails with the list of known ones. */
    public Lab load(String id) {
        Source source = source(id);
        return new LabLoader(ContentSource.directory(source.dir())).load(id);
    }

    /** The folder lab {@code id} is read from. */
    public Path folder(String id) {
        return source(id).dir().resolve(id);
    }

    /** True when lab {@code id} is the one packed into tierlab (not replaced by an instructor's lab). */
    public boolean isBundled(String id) {
        return source(id).bundled();
    }

    /** Labs of later folders that replace a lab with the same id, in the order found. */
    public List<Override> overrides() {
        return List.copyOf(overrides);
    }

    private Source source(String id) {
        Source source = id == null ? null : owners.get(id);
        if (source == null) {
            throw new TierlabException(ExitCode.NOT_FOUND, "error.lab.unknown", id, String.join(", ", ids()));
        }
        return source;
    }

    /**
     * {@code relative} inside {@code folder}, when it is there and stays there once links are followed;
     * empty when it is missing or leads outside.
     */
    public static Optional<Path> inside(Path folder, String relative) {
        return dev.tierlab.files.Containment.resolve(folder, relative).filter(Files::exists);
    }

    /** True when {@code relative} is a directory inside {@code folder} (see {@link #inside}). */
    public static boolean isFolderInside(Path folder, String relative) {
        return inside(folder, relative).filter(Files::isDirectory).isPresent();
    }
}
