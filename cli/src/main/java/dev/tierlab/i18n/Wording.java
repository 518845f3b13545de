package dev.tierlab.i18n;

/**
 * Text that is put into words only where it is shown, in the reader's language. {@link Messages}
 * formats an argument that is a {@code Wording} in its own language, so services can hand over
 * messages without knowing who reads them.
 */
@FunctionalInterface
public interface Wording {
    String in(Messages msg);
}
