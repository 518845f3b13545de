package dev.tierlab.config;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import dev.tierlab.files.AtomicFiles;
import dev.tierlab.i18n.Lang;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;

/** The learner's settings in {@code $TIERLAB_HOME/config.json}: a small map of known keys. */
public final class ConfigStore {
    public static final String FILE_NAME = "config.json";

    /** The keys a learner may set, each with its check and normal form. */
    public enum Key {
        LANG("lang", value -> Lang.parse(value).map(Lang::code).orElseThrow(() ->
                new TierlabException(ExitCode.USAGE, "error.config.badValue", "lang", value, "en, ko")));

        private final String name;
        private final UnaryOperator<String> normalize;

        Key(String name, UnaryOperator<String> normalize) {
            this.name = name;
            this.normalize = normalize;
        }

        public String key() {
            return name;
        }

        public static Key parse(String name) {
            return Arrays.stream(values()).filter(k -> k.name.equals(name)).findFirst()
                    .orElseThrow(() -> new TierlabException(ExitCode.NOT_FOUND, "error.config.unknownKey", name, names()));
        }

        public static String names() {
            return Arrays.stream(values()).map(Key::key).collect(Collectors.joining(", "));
        }
    }

    private final Path file;

    /** Created on first use: most runs have no config file, and Jackson takes time to start. */
    private static final class Json {
        static final ObjectMapper MAPPER = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT)
                .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS).build();
    }

    /** Told what was wrong with the file; the settings concerned then fall back to their defaults. */
    public interface Listener {
        /** The file could not be read and was kept as {@code backup}. */
        void movedAside(Path backup);

        /** The file holds a value {@code key} cannot have (written by hand, say); it is ignored. */
        void invalid(String key, String value, String allowed);
    }

    private final Listener listener;

    public ConfigStore(Path home, Listener listener) {
        this.file = home.resolve(FILE_NAME);
        this.listener = listener;
    }

    /** The stored value of {@code key}, when there is one it can have. */
    public Optional<String> get(Key key) {
        String value = read().get(key.key());
        if (value == null) {
            return Optional.empty();
        }
        try {
            return Optional.of(key.normalize.apply(value));
        } catch (TierlabException e) {
            listener.invalid(key.key(), value, String.valueOf(e.args()[e.args().length - 1]));
            return Optional.empty();
        }
    }

    /** Checks and stores {@code value}; returns the stored (normal) form. */
    public String set(Key key, String value) {
        String normal = key.normalize.apply(value);
        Map<String, String> all = read();
        all.put(key.key(), normal);
        try {
            AtomicFiles.write(file, Json.MAPPER.writeValueAsBytes(all));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
        return normal;
    }

    private Map<String, String> read() {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException | java.nio.file.NotDirectoryException e) {
            return new TreeMap<>();
        } catch (IOException e) {
            return moveAside(e);
        }
        try {
            Map<String, String> map = Json.MAPPER.readValue(bytes, new TypeReference<Map<String, String>>() { });
            return map == null ? new TreeMap<>() : new TreeMap<>(map);
        } catch (JacksonException e) {
            return moveAside(e);
        } catch (IOException e) {
            return moveAside(e);
        }
    }

    private Map<String, String> moveAside(Exception cause) {
        Path backup = file.resolveSibling(FILE_NAME + ".bak-" + System.currentTimeMillis());
        try {
            Files.move(file, backup);
        } catch (IOException e) {
            TierlabException error = TierlabException.io(file, e);
            error.addSuppressed(cause);
            throw error;
        }
        listener.movedAside(backup);
        return new TreeMap<>();
    }
}
