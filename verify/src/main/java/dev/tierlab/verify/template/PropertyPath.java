package dev.tierlab.verify.template;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Where a value sits in a template, written as lab authors think of it:
 * {@code Properties.EndpointConfiguration.Types[0]}. Steps are names joined by dots, {@code [n]} for the
 * n-th element of a list, {@code [*]} or {@code *} for every element or member, and {@code ["a.b"]} (or
 * {@code ['a.b']}) for a key with dots, slashes or spaces, such as {@code RequestTemplates["application/json"]}.
 */
public final class PropertyPath {
    private final String text;
    private final List<Step> steps;

    private PropertyPath(String text, List<Step> steps) {
        this.text = text;
        this.steps = steps;
    }

    /** One step of a path. */
    sealed interface Step permits Key, Index, Every {
    }

    record Key(String name) implements Step {
    }

    record Index(int index) implements Step {
    }

    record Every() implements Step {
    }

    /** A value the path leads to: its path with wildcards filled in, its JSON Pointer, the value. */
    public record Match(String path, String pointer, JsonNode value) {
    }

    /**
     * What a path selects: the matches, or — when there is none — the first step that is not there
     * ({@code missing}, e.g. {@code Properties.EndpointConfiguration}) and, when that step could not be
     * taken because the value is computed by an intrinsic function ({@code !If}, {@code !Ref}, ...),
     * that value ({@code computed}, else null); {@code reached} and {@code reachedPointer} are the path and
     * JSON Pointer of the last value that is there.
     */
    public record Selection(List<Match> matches, String missing, JsonNode computed, String reached, String reachedPointer) {
        public boolean found() {
            return !matches.isEmpty();
        }
    }

    /**
     * Parses a path; an {@link IllegalArgumentException} names the position (1-based) and what was
     * expected there. Jackson calls this when it binds {@code path:} in a lab's check params.
     */
    @JsonCreator(mode = JsonCreator.Mode.DELEGATING) // from the string itself, whatever modules the mapper has
    public static PropertyPath parse(String text) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("the path is empty; write e.g. Properties.Name");
        }
        List<Step> steps = new ArrayList<>();
        int i = 0;
        int n = text.length();
        boolean expectName = true;
        while (i < n) {
            char c = text.charAt(i);
            if (c == '[') {
                char quote = i + 1 < n ? text.charAt(i + 1) : ' ';
                if (quote == '"' || quote == '\'') {
                    // a quoted key ends at the quote before ']', so it may hold dots, brackets and spaces
                    int end = text.indexOf(quote + "]", i + 2);
                    if (end < 0) {
                        throw problem(text, i, "the quoted key is not closed by " + quote + "]");
                    }
                    steps.add(new Key(text.substring(i + 2, end)));
                    i = end + 2;
                } else {
                    int close = text.indexOf(']', i);
                    if (close < 0) {
                        throw problem(text, i, "'[' is not closed by ']'");
                    }
                    String inside = text.substring(i + 1, close);
                    if (inside.equals("*")) {
                        steps.add(new Every());
                    } else if (inside.matches("[0-9]{1,9}")) {
                        steps.add(new Index(Integer.parseInt(inside)));
                    } else {
                        throw problem(text, i + 1, "expected a number, * or a quoted key inside [ ]");
                    }
                    i = close + 1;
                }
                expectName = false;
            } else if (c == '.') {
                if (expectName) {
                    throw problem(text, i, "expected a name before '.'");
                }
                i++;
                expectName = true;
                if (i == n) {
                    throw problem(text, i, "expected a name after '.'");
                }
                if (text.charAt(i) == '.' || text.charAt(i) == '[') {
                    throw problem(text, i, "expected a name after '.'");
                }
            } else {
                if (!expectName) {
                    throw problem(text, i, "expected '.' or '[' between steps");
                }
                int end = i;
                while (end < n && text.charAt(end) != '.' && text.charAt(end) != '[') {
                    if (text.charAt(end) == ']' || Character.isWhitespace(text.charAt(end))) {
                        throw problem(text, end, "unexpected '" + text.charAt(end) + "'; quote keys like this: [\"a b\"]");
                    }
                    end++;
                }
                String name = text.substring(i, end);
                steps.add(name.equals("*") ? new Every() : new Key(name));
                i = end;
                expectName = false;
            }
        }
        return new PropertyPath(text, List.copyOf(steps));
    }

    private static IllegalArgumentException problem(String text, int index, String what) {
        return new IllegalArgumentException("path '" + text + "', position " + (index + 1) + ": " + what);
    }

    /** True when the path has a wildcard and so may select several values. */
    public boolean hasWildcard() {
        return steps.stream().anyMatch(s -> s instanceof Every);
    }

    /** Follows the path from {@code from}, whose JSON Pointer is {@code pointer}. */
    public Selection select(JsonNode from, String pointer) {
        List<Match> matches = new ArrayList<>();
        String[] missing = {null, null, null};
        JsonNode[] computed = {null};
        walk(from, pointer, "", 0, matches, missing, computed);
        return matches.isEmpty() ? new Selection(List.of(), missing[0], computed[0], missing[1], missing[2])
                : new Selection(List.copyOf(matches), null, null, null, null);
    }

    private void walk(JsonNode node, String pointer, String shown, int at, List<Match> matches, String[] missing, JsonNode[] computed) {
        if (at == steps.size()) {
            if (!node.isNull()) { // "Key:" with nothing after it is no value, for CloudFormation too
                matches.add(new Match(shown, pointer, node));
            } else if (missing[0] == null) {
                reached(missing, shown, shown, pointer);
            }
            return;
        }
        Step step = steps.get(at);
        if (step instanceof Every) {
            if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    walk(node.get(i), ParsedDocument.child(pointer, i), shown + "[" + i + "]", at + 1, matches, missing, computed);
                }
            } else if (node.isObject() && !Intrinsics.isIntrinsic(node)) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    walk(e.getValue(), ParsedDocument.child(pointer, e.getKey()), join(shown, e.getKey()), at + 1, matches, missing, computed);
                }
            }
            if (matches.isEmpty() && missing[0] == null) {
                reached(missing, shown + "[*]", shown, pointer);
                computed[0] = Intrinsics.isIntrinsic(node) ? node : null;
            }
            return;
        }
        JsonNode next = null;
        String nextPointer = null;
        String nextShown;
        if (step instanceof Key k) {
            nextShown = join(shown, k.name());
            // into a function only by its own key (Policy["Fn::If"][0]); any other name is not there yet
            if (node.isObject() && (!Intrinsics.isIntrinsic(node) || k.name().equals(Intrinsics.name(node)))) {
                next = node.get(k.name());
                nextPointer = ParsedDocument.child(pointer, k.name());
            }
        } else {
            int index = ((Index) step).index();
            nextShown = shown + "[" + index + "]";
            if (node.isArray() && index < node.size()) {
                next = node.get(index);
                nextPointer = ParsedDocument.child(pointer, index);
            }
        }
        if (next == null) {
            if (missing[0] == null) {
                reached(missing, nextShown, shown, pointer);
                computed[0] = Intrinsics.isIntrinsic(node) ? node : null;
            }
            return;
        }
        walk(next, nextPointer, nextShown, at + 1, matches, missing, computed);
    }

    private static void reached(String[] missing, String first, String shown, String pointer) {
        missing[0] = first;
        missing[1] = shown;
        missing[2] = pointer;
    }

    /** A key as the path syntax writes it: plain when it can be, else quoted in brackets. */
    static String join(String shown, String key) {
        if (key.matches("[A-Za-z0-9_:@$-]+") && !key.equals("*")) {
            return shown.isEmpty() ? key : shown + "." + key;
        }
        return shown + "[\"" + key + "\"]";
    }

    @JsonValue
    @Override
    public String toString() {
        return text;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof PropertyPath p && p.steps.equals(steps);
    }

    @Override
    public int hashCode() {
        return steps.hashCode();
    }
}
