package dev.tierlab.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.serialization.node.JsonLocationAware;
import dev.tierlab.i18n.Wording;
import dev.tierlab.i18n.Messages;
import dev.tierlab.i18n.Text;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Collectors;

/**
 * One problem of a lab file, where it is: {@code file:line:column: message} (line and column 0 when
 * the position is not known). The message is a key of the messages bundle ({@code lab.problem.*})
 * with its arguments, put into words where the problem is shown ({@link #in}); {@link #toString()}
 * is English. Problems sort by file, then position, then English text.
 */
public record Problem(String file, int line, int column, Text message) implements Comparable<Problem>, Wording {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(p -> p.message().toString());

    public Problem(String file, int line, int column, String key, Object... args) {
        this(file, line, column, Text.of(key, args));
    }

    /** A problem at {@code node} of a location-aware tree (the file's start when the node has no position). */
    public static Problem at(String file, JsonNode node, String key, Object... args) {
        JsonLocation loc = location(node);
        return loc == JsonLocation.NA ? new Problem(file, 1, 1, key, args)
                : new Problem(file, loc.getLineNr(), loc.getColumnNr(), key, args);
    }

    static JsonLocation location(JsonNode node) {
        return node instanceof JsonLocationAware aware && aware.tokenLocation() != null ? aware.tokenLocation() : JsonLocation.NA;
    }

    /** {@code file:line:column}, or just the file when the position is unknown. */
    public String where() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    /** {@code file:line:column: message} in the language of {@code msg}. */
    @Override
    public String in(Messages msg) {
        return where() + ": " + message.in(msg);
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }

    /** {@code problems}, one a line, in the reader's language. */
    public static Wording lines(List<Problem> problems) {
        return new Lines(List.copyOf(problems));
    }

    private record Lines(List<Problem> problems) implements Wording {
        @Override
        public String in(Messages msg) {
            return problems.stream().map(p -> p.in(msg)).collect(Collectors.joining("\n"));
        }

        @Override
        public String toString() {
            return problems.stream().map(Problem::toString).collect(Collectors.joining("\n"));
        }
    }
}
