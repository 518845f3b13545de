package dev.tierlab.runtime.worker;

import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;

/**
 * The protocol between tierlab and a function's worker JVM, over one loopback socket: each frame is a
 * kind byte, a length and that many bytes. tierlab sends {@link #SETUP} once (the handler and its class
 * path) and then one {@link #INVOKE} at a time; the worker answers each with any number of {@link #LOG}
 * frames (what the function printed, in order) and one {@link #RESULT}. Kept to {@code java.io} so a
 * worker starts without loading a JSON library.
 */
public final class Frames {
    /** worker → tierlab, first: the token tierlab gave the worker on its standard input. */
    public static final byte HELLO = 'H';
    /** tierlab → worker: handler, function name, memory, then the class-path entries. */
    public static final byte SETUP = 'S';
    /** tierlab → worker: request id, deadline (epoch millis), event JSON. */
    public static final byte INVOKE = 'I';
    /** worker → tierlab, after SETUP: the handler is loaded (or could not be: the error follows with each invocation). */
    public static final byte READY = 'Y';
    /** worker → tierlab: bytes the function wrote to standard output or error. */
    public static final byte LOG = 'L';
    /** worker → tierlab: success flag, error type (empty on success), payload. */
    public static final byte RESULT = 'R';

    /** Largest frame tierlab or a worker accepts: Lambda's 6 MB payload limit and some room. */
    public static final int MAX_FRAME = 8 * 1024 * 1024;

    private Frames() {
    }

    /** A frame read from the other side. */
    public record Frame(byte kind, byte[] body) {
        public Reader reader() {
            return new Reader(body);
        }
    }

    public static void write(DataOutputStream out, byte kind, byte[] body) throws IOException {
        synchronized (out) {
            out.writeByte(kind);
            out.writeInt(body.length);
            out.write(body);
            out.flush();
        }
    }

    /** The next frame; {@link EOFException} when the other side has gone. */
    public static Frame read(DataInputStream in) throws IOException {
        byte kind = in.readByte();
        int length = in.readInt();
        if (length < 0 || length > MAX_FRAME) {
            throw new IOException("frame of " + length + " bytes");
        }
        byte[] body = new byte[length];
        in.readFully(body);
        return new Frame(kind, body);
    }

    /** Builds a frame body from strings, longs and byte arrays. */
    public static final class Writer {
        private final java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        private final DataOutputStream out = new DataOutputStream(bytes);

        public Writer text(String s) {
            return bytes(s.getBytes(StandardCharsets.UTF_8));
        }

        public Writer bytes(byte[] b) {
            try {
                out.writeInt(b.length);
                out.write(b);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public Writer number(long n) {
            try {
                out.writeLong(n);
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            return this;
        }

        public byte[] body() {
            return bytes.toByteArray();
        }
    }

    /** Reads a frame body in the order {@link Writer} wrote it. */
    public static final class Reader {
        private final DataInputStream in;

        Reader(byte[] body) {
            this.in = new DataInputStream(new java.io.ByteArrayInputStream(body));
        }

        public String text() throws IOException {
            return new String(bytes(), StandardCharsets.UTF_8);
        }

        public byte[] bytes() throws IOException {
            int n = in.readInt();
            if (n < 0 || n > MAX_FRAME) {
                throw new IOException("field of " + n + " bytes");
            }
            byte[] b = new byte[n];
            in.readFully(b);
            return b;
        }

        public long number() throws IOException {
            return in.readLong();
        }

        public boolean more() throws IOException {
            return in.available() > 0;
        }
    }
}
