package dev.tierlab.i18n;

import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * A message key and its arguments, put into words where it is shown; an argument may itself be
 * {@link Wording}. {@link #toString()} is the English text (for logs and stack traces).
 */
public record Text(String key, List<Object> args) implements Wording {
    public Text {
        args = Collections.unmodifiableList(Arrays.asList(args.toArray()));
    }

    public static Text of(String key, Object... args) {
        return new Text(key, Arrays.asList(args));
    }

    @Override
    public String in(Messages msg) {
        return msg.get(key, args.toArray());
    }

    @Override
    public String toString() {
        return in(Messages.of(Lang.EN));
    }
}
