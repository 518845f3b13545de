package dev.tierlab.lab;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.serialization.node.JsonLocationAware;
import java.util.Comparator;

/**
 * One problem of a lab file, where it is: {@code file:line:column: message} (line and column 0 when
 * the position is not known). Problems sort by file, then position.
 */
public record Problem(String file, int line, int column, String message) implements Comparable<Problem> {
    private static final Comparator<Problem> ORDER = Comparator.comparing(Problem::file)
            .thenComparingInt(Problem::line).thenComparingInt(Problem::column).thenComparing(Problem::message);

    /** A problem at {@code node} of a location-aware tree (the file's start when the node has no position). */
    public static Problem at(String file, JsonNode node, String message) {
        JsonLocation loc = location(node);
        return loc == JsonLocation.NA ? new Problem(file, 1, 1, message)
                : new Problem(file, loc.getLineNr(), loc.getColumnNr(), message);
    }

    static JsonLocation location(JsonNode node) {
        return node instanceof JsonLocationAware aware && aware.tokenLocation() != null ? aware.tokenLocation() : JsonLocation.NA;
    }

    /** {@code file:line:column}, or just the file when the position is unknown. */
    public String where() {
        return line > 0 ? file + ":" + line + ":" + column : file;
    }

    @Override
    public String toString() {
        return where() + ": " + message;
    }

    @Override
    public int compareTo(Problem o) {
        return ORDER.compare(this, o);
    }
}
