package dev.tierlab.files;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** SHA-256, the one hash tierlab records (file hashes, artifact keys, lab fingerprints, stack names). */
public final class Hashes {
    private Hashes() {
    }

    /** The lowercase hex SHA-256 of {@code bytes}. */
    public static String sha256(byte[] bytes) {
        return hex(sha256().digest(bytes));
    }

    /** A fresh SHA-256 digest, for content fed in pieces; finish with {@link #hex(byte[])}. */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }

    public static String hex(byte[] digest) {
        return HexFormat.of().formatHex(digest);
    }
}
