package dev.tierlab.cli;

import dev.tierlab.config.ConfigStore;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

@Command(name = "config", mixinStandardHelpOptions = true,
        subcommands = {ConfigCommand.Get.class, ConfigCommand.Set.class})
final class ConfigCommand implements Callable<Integer> {
    private final CliContext ctx;

    ConfigCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        ConfigStore config = ctx.config();
        for (ConfigStore.Key key : ConfigStore.Key.values()) {
            ctx.out().println(key.key() + " = " + config.get(key).orElse(ctx.msg().get("config.unset")));
        }
        return 0;
    }

    static final class KeyCandidates implements Iterable<String> {
        @Override
        public java.util.Iterator<String> iterator() {
            return java.util.Arrays.stream(ConfigStore.Key.values()).map(ConfigStore.Key::key).iterator();
        }
    }

    @Command(name = "get", mixinStandardHelpOptions = true)
    static final class Get implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<key>", completionCandidates = KeyCandidates.class)
        String key;

        Get(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ConfigStore.Key k = ConfigStore.Key.parse(key);
            ctx.out().println(ctx.config().get(k).orElse(ctx.msg().get("config.unset")));
            return 0;
        }
    }

    @Command(name = "set", mixinStandardHelpOptions = true)
    static final class Set implements Callable<Integer> {
        private final CliContext ctx;

        @Parameters(index = "0", paramLabel = "<key>", completionCandidates = KeyCandidates.class)
        String key;

        @Parameters(index = "1", paramLabel = "<value>")
        String value;

        Set(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ConfigStore.Key k = ConfigStore.Key.parse(key);
            String stored = ctx.config().set(k, value);
            ctx.out().println(ctx.msg().get("config.saved", k.key(), stored));
            return 0;
        }
    }
}
