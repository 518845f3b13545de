package dev.tierlab.verify.engine;

/**
 * What every check type has in the same shape: its name, its parameter record and its scope, given
 * once to the constructor. A type extends this and writes only what is its own: its {@code run} (and,
 * where it has them, {@code needs} and {@code captures}).
 *
 * @param <P> the parameter record
 */
public abstract class BaseCheckType<P> implements CheckType<P> {
    private final String name;
    private final Class<P> parameters;
    private final Scope scope;

    protected BaseCheckType(String name, Class<P> parameters, Scope scope) {
        this.name = name;
        this.parameters = parameters;
        this.scope = scope;
    }

    @Override
    public final String name() {
        return name;
    }

    @Override
    public final Class<P> parameters() {
        return parameters;
    }

    @Override
    public final Scope scope() {
        return scope;
    }
}
