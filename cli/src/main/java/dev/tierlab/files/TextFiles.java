package dev.tierlab.files;

import dev.tierlab.error.ExitCode;
import dev.tierlab.error.TierlabException;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Text files tierlab reads from folders it does not control (labs from {@code --labs-dir}, content
 * folders): the size is checked before anything is read, and bytes that are not UTF-8 are reported
 * with the file and the byte offset, not as a bare {@code MalformedInputException}.
 */
public final class TextFiles {
    /** Larger than any lab file or page of the course by far (the biggest is a few dozen KB). */
    public static final long MAX_BYTES = 1024 * 1024;

    private TextFiles() {
    }

    /** The UTF-8 text of {@code file}, at most {@link #MAX_BYTES} bytes. */
    public static String read(Path file) {
        try {
            long size = Files.size(file);
            if (size > MAX_BYTES) {
                throw new TierlabException(ExitCode.BAD_INPUT, "error.file.tooLarge", file, size, MAX_BYTES);
            }
            return decode(file, Files.readAllBytes(file));
        } catch (IOException e) {
            throw TierlabException.io(file, e);
        }
    }

    /** {@code bytes} as UTF-8; the first byte that is not is named by its offset. */
    static String decode(Path file, byte[] bytes) {
        CharsetDecoder decoder = StandardCharsets.UTF_8.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
        ByteBuffer in = ByteBuffer.wrap(bytes);
        CharBuffer out = CharBuffer.allocate(bytes.length + 1);
        CoderResult r = decoder.decode(in, out, true);
        if (r.isError()) {
            throw new TierlabException(ExitCode.BAD_INPUT, "error.file.notUtf8", file, in.position());
        }
        decoder.flush(out);
        return out.flip().toString();
    }
}
