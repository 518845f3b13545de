package dev.tierlab.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.tierlab.config.Environment;
import dev.tierlab.i18n.Lang;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** Help and messages exist for every command, option and key, in English and Korean. */
class HelpTextTest {
    @TempDir
    Path home;

    @ParameterizedTest
    @EnumSource(Lang.class)
    void everyCommandOptionAndParameterIsDescribed(Lang lang) {
        Environment env = new Environment(Map.of("TIERLAB_HOME", home.toString()), false, Locale.ENGLISH, home);
        PrintWriter sink = new PrintWriter(new StringWriter());
        CliContext ctx = new CliContext(env, sink, sink, Prompter.of(java.io.InputStream.nullInputStream(), sink),
                Pager.printing(sink), new GlobalOptions(lang.code(), false, false, null), true, false, () -> 0);
        List<String> missing = new ArrayList<>();
        check(Cli.commandLine(ctx).getCommandSpec(), missing);
        assertEquals(List.of(), missing, "undescribed in " + lang);
    }

    private static void check(CommandSpec spec, List<String> missing) {
        if (String.join("", spec.usageMessage().description()).isBlank()) {
            missing.add(spec.qualifiedName());
        }
        for (ArgSpec arg : spec.args()) {
            if (String.join("", arg.description()).isBlank()) {
                missing.add(spec.qualifiedName() + " " + arg);
            }
        }
        for (CommandLine sub : spec.subcommands().values()) {
            check(sub.getCommandSpec(), missing);
        }
    }

    @Test
    void bundlesHaveTheSameKeysInBothLanguages() {
        for (String base : List.of("dev/tierlab/i18n/messages", "dev/tierlab/cli/Help")) {
            Set<String> en = keys(base + ".properties");
            Set<String> ko = keys(base + "_ko.properties");
            assertEquals(en, ko, base);
            assertTrue(en.size() > 10, base);
        }
    }

    /** Every lab.problem.* key the code names has a sentence in both languages. */
    @Test
    void everyLabProblemKeyOfTheCodeIsInBothBundles() throws IOException {
        Set<String> used = new TreeSet<>();
        java.util.regex.Pattern key = java.util.regex.Pattern.compile("\"(lab\\.problem\\.[A-Za-z.]+)\"");
        try (java.util.stream.Stream<Path> files = java.nio.file.Files.walk(Path.of("src/main/java/dev/tierlab"))) {
            for (Path file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                key.matcher(java.nio.file.Files.readString(file)).results().forEach(m -> used.add(m.group(1)));
            }
        }
        assertTrue(used.size() > 20, "lab problem keys found in the code: " + used);
        for (String bundle : List.of("dev/tierlab/i18n/messages.properties", "dev/tierlab/i18n/messages_ko.properties")) {
            Set<String> missing = new TreeSet<>(used);
            missing.removeAll(keys(bundle));
            assertEquals(Set.of(), missing, bundle);
        }
    }

    private static Set<String> keys(String resource) {
        Properties p = new Properties();
        try (InputStream in = HelpTextTest.class.getClassLoader().getResourceAsStream(resource)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new TreeSet<>(p.stringPropertyNames());
    }
}
