package dev.tierlab.verify.template;

/**
 * A place in a template file, 1-based; {@code line} 0 when the parser could not say where. Printed as
 * {@code file:line:column}, the form editors and terminals turn into links.
 */
public record Location(String file, int line, int column) {

    /** The file as a whole, for problems that have no position (an unreadable file). */
    public static Location of(String file) {
        return new Location(file, 0, 0);
    }

    @Override
    public String toString() {
        return line <= 0 ? file : file + ":" + line + ":" + column;
    }
}
