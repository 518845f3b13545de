package dev.tierlab.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.ConnectException;
import java.net.UnknownHostException;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.exception.SdkClientException;

class UnreachableTest {
    @Test
    void aRefusedConnectionOrUnknownHostIsUnreachable() {
        SdkClientException refused = SdkClientException.create("Unable to execute HTTP request: Connection refused",
                new java.io.UncheckedIOException(new ConnectException("Connection refused")));
        TierlabException e = Unreachable.classify(refused).orElseThrow();
        assertEquals(ExitCode.UNREACHABLE, e.exitCode());
        assertEquals("error.unreachable", e.key());
        assertTrue(String.valueOf(e.args()[0]).contains("Connection refused"));
        assertTrue(Unreachable.classify(SdkClientException.create("x", new UnknownHostException("nowhere.invalid"))).isPresent());
    }

    @Test
    void otherErrorsAreLeftAlone() {
        assertTrue(Unreachable.classify(SdkClientException.create("Unable to load credentials")).isEmpty());
        assertTrue(Unreachable.classify(new IllegalStateException(new ConnectException("not from the SDK"))).isEmpty());
    }
}
