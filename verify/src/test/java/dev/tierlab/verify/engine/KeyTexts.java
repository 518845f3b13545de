package dev.tierlab.verify.engine;

import java.util.Arrays;
import java.util.stream.Collectors;

/** Sentences as their key and arguments, {@code check.status(201)}: tests assert what a check said, not its wording. */
public final class KeyTexts implements Texts {
    public static final KeyTexts INSTANCE = new KeyTexts();

    @Override
    public String get(String key, Object... args) {
        return args.length == 0 ? key : key + "(" + Arrays.stream(args).map(String::valueOf).collect(Collectors.joining(", ")) + ")";
    }
}
