package dev.tierlab.i18n;

/**
 * Text that is put into words only where it is shown, in the reader's language. {@link Messages}
 * formats an argument that is {@code Localized} in its own language, so services can hand over
 * messages without knowing who reads them.
 */
@FunctionalInterface
public interface Localized {
    String in(Messages msg);
}
