package dev.tierlab.verify.engine;

/** The parameters of a type that takes none: any {@code params} given are a lab problem. */
public record NoParams() {
}
