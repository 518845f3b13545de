package dev.tierlab.net;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.net.ServerSocket;
import org.junit.jupiter.api.Test;

class PortsTest {
    @Test
    void aFreePortCanBeListenedOnAndATakenOneIsNotFree() throws Exception {
        int port = Ports.free();
        assertTrue(port > 0 && port < 65536);
        assertTrue(Ports.isFree(port));
        try (ServerSocket taken = new ServerSocket(port, 1, InetAddress.getByName("127.0.0.1"))) {
            assertFalse(Ports.isFree(taken.getLocalPort()));
        }
    }
}
