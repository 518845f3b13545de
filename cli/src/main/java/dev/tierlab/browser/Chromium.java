package dev.tierlab.browser;

import dev.tierlab.config.Environment;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Where this machine's Chromium and its chromedriver are: {@code TIERLAB_CHROMIUM} and
 * {@code TIERLAB_CHROMEDRIVER} when set, else the first of the usual names on the {@code PATH}
 * (Debian's {@code chromium} and {@code chromium-driver} packages install {@code chromium} and
 * {@code chromedriver}). Both must be found: a browser without its driver cannot be driven.
 */
public record Chromium(Path binary, Path driver) {
    static final List<String> BINARIES = List.of("chromium", "chromium-browser", "google-chrome", "google-chrome-stable");
    static final List<String> DRIVERS = List.of("chromedriver");

    /** The browser and driver of this machine, or empty when either is missing. */
    public static Optional<Chromium> find(Environment env) {
        Optional<Path> binary = program(env, "TIERLAB_CHROMIUM", BINARIES);
        Optional<Path> driver = program(env, "TIERLAB_CHROMEDRIVER", DRIVERS);
        return binary.isPresent() && driver.isPresent() ? Optional.of(new Chromium(binary.get(), driver.get())) : Optional.empty();
    }

    private static Optional<Path> program(Environment env, String variable, List<String> names) {
        Optional<String> given = env.get(variable).filter(v -> !v.isBlank());
        if (given.isPresent()) {
            Path p = Path.of(given.get());
            return Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
        }
        String path = env.get("PATH").orElse("");
        for (String name : names) {
            for (String dir : path.split(File.pathSeparator)) {
                if (dir.isEmpty()) {
                    continue;
                }
                Path p = Path.of(dir, name);
                if (Files.isRegularFile(p) && Files.isExecutable(p)) {
                    return Optional.of(p);
                }
            }
        }
        return Optional.empty();
    }
}
