package dev.tierlab.cli;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * Tab completion from the picocli model: subcommand names, option names, and the completion
 * candidates of options and positional parameters (chapter ids, languages, config keys).
 */
final class ShellCompleter implements Completer {
    private final Supplier<CommandSpec> model;
    private CommandSpec root;

    /** @param model builds the command model; called on the first Tab, not at start-up */
    ShellCompleter(Supplier<CommandSpec> model) {
        this.model = model;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        candidates.addAll(complete(line.words().subList(0, line.wordIndex())).stream()
                .map(s -> new Candidate(s, s, null, null, null, null, true)).toList());
    }

    /** The completions for the word after {@code before}. */
    List<String> complete(List<String> before) {
        if (root == null) {
            root = model.get();
        }
        CommandSpec spec = root;
        int positional = 0;
        OptionSpec pending = null;
        for (String word : before) {
            if (pending != null) {
                pending = null;
                continue;
            }
            if (spec.subcommands().containsKey(word) && positional == 0) {
                spec = spec.subcommands().get(word).getCommandSpec();
            } else if (word.startsWith("-")) {
                OptionSpec option = spec.findOption(word);
                if (option != null && option.arity().max() > 0 && !word.contains("=")) {
                    pending = option;
                }
            } else {
                positional++;
            }
        }
        List<String> out = new ArrayList<>();
        if (pending != null) {
            addCandidates(pending, out);
            return out;
        }
        if (positional == 0) {
            out.addAll(spec.subcommands().keySet());
        }
        for (PositionalParamSpec p : spec.positionalParameters()) {
            if (p.index().contains(positional)) {
                addCandidates(p, out);
            }
        }
        for (OptionSpec o : spec.options()) {
            out.add(o.longestName());
        }
        return out;
    }

    private static void addCandidates(ArgSpec arg, List<String> out) {
        Iterable<String> values = arg.completionCandidates();
        if (values != null) {
            values.forEach(out::add);
        }
    }
}
