package dev.tierlab.files;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.junit.jupiter.api.Test;

class HashesTest {
    @Test
    void knownVectors() {
        // FIPS 180-2 test vectors
        assertEquals("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855", Hashes.sha256(new byte[0]));
        assertEquals("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad",
                Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII)));
    }

    @Test
    void piecesGiveTheSameHashAsTheWhole() {
        MessageDigest sha = Hashes.sha256();
        sha.update("a".getBytes(StandardCharsets.US_ASCII));
        sha.update("bc".getBytes(StandardCharsets.US_ASCII));
        assertEquals(Hashes.sha256("abc".getBytes(StandardCharsets.US_ASCII)), Hashes.hex(sha.digest()));
    }
}
