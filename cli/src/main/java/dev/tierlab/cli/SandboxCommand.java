package dev.tierlab.cli;

import dev.tierlab.i18n.Messages;
import dev.tierlab.provision.Sandbox;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sandbox", mixinStandardHelpOptions = true, subcommands = {SandboxCommand.Start.class,
        SandboxCommand.Stop.class, SandboxCommand.Status.class, SandboxCommand.Reset.class, SandboxCommand.Logs.class})
final class SandboxCommand implements Callable<Integer> {
    private final CliContext ctx;

    SandboxCommand(CliContext ctx) {
        this.ctx = ctx;
    }

    @Override
    public Integer call() {
        return new Status(ctx).call();
    }

    static Sandbox sandbox(CliContext ctx) {
        return new Sandbox(ctx.settings().ensureHome(), what -> ctx.err().println(ctx.msg().get("sandbox.installing", what)));
    }

    @Command(name = "start", mixinStandardHelpOptions = true)
    static final class Start implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--port", paramLabel = "<port>")
        int port = Sandbox.DEFAULT_PORT;

        @Option(names = "--any-function")
        boolean anyFunction;

        Start(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Sandbox.Status s = sandbox(ctx).start(port, anyFunction);
            ctx.say(ctx.msg().get("sandbox.running", Sandbox.ENGINE, s.version(), s.endpoint(), s.record().pid()));
            ctx.say(ctx.msg().get("sandbox.executor", s.executorUrl()));
            return 0;
        }
    }

    @Command(name = "stop", mixinStandardHelpOptions = true)
    static final class Stop implements Callable<Integer> {
        private final CliContext ctx;

        Stop(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            ctx.say(ctx.msg().get(sandbox(ctx).stop() ? "sandbox.stopped" : "sandbox.notRunning"));
            return 0;
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true)
    static final class Status implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = "--json")
        boolean json;

        Status(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            Sandbox sandbox = sandbox(ctx);
            Sandbox.Status s = sandbox.status();
            boolean executorUp = s.running() && sandbox.executorUp(s);
            Messages msg = ctx.msg();
            long uptime = s.running() ? Duration.between(Instant.parse(s.record().started()), Instant.now()).toSeconds() : 0;
            if (json) {
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("engine", Sandbox.ENGINE);
                m.put("running", s.running());
                m.put("version", s.running() ? s.version() : Sandbox.VERSION);
                m.put("endpoint", s.endpoint());
                m.put("pid", s.running() ? s.record().pid() : null);
                m.put("uptimeSeconds", s.running() ? uptime : null);
                m.put("executor", s.executorUrl());
                m.put("executorUp", s.running() ? executorUp : null);
                JsonOutput.print(ctx.out(), m);
            } else if (s.running()) {
                ctx.say(msg.get("sandbox.status", Sandbox.ENGINE, s.version(), s.endpoint(), s.record().pid(), uptime));
                ctx.say(msg.get(executorUp ? "sandbox.executor" : "sandbox.executorDown", s.executorUrl()));
            } else {
                ctx.say(msg.get("sandbox.notRunning"));
            }
            // a sandbox whose executor does not answer runs no Java: status says so with its exit code too
            return s.running() && !executorUp ? dev.tierlab.error.ExitCode.FAILED.code() : 0;
        }
    }

    @Command(name = "reset", mixinStandardHelpOptions = true)
    static final class Reset implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = {"-y", "--yes"})
        boolean yes;

        Reset(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            if (!yes && !ctx.confirm(ctx.msg().get("sandbox.askReset"))) {
                ctx.say(ctx.msg().get("reset.declined"));
                return dev.tierlab.error.ExitCode.CANCELLED.code();
            }
            sandbox(ctx).reset();
            ctx.say(ctx.msg().get("sandbox.reset"));
            return 0;
        }
    }

    @Command(name = "logs", mixinStandardHelpOptions = true)
    static final class Logs implements Callable<Integer> {
        private final CliContext ctx;

        @Option(names = {"-n", "--lines"}, paramLabel = "<n>")
        int lines = 50;

        Logs(CliContext ctx) {
            this.ctx = ctx;
        }

        @Override
        public Integer call() {
            sandbox(ctx).tail(Math.max(1, lines)).forEach(ctx.out()::println);
            ctx.out().flush();
            return 0;
        }
    }
}
