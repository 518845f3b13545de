package dev.tierlab.net;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;

/** Local TCP ports on 127.0.0.1, the only address tierlab's own servers listen on. */
public final class Ports {
    private static final InetAddress LOOPBACK = loopback();

    private Ports() {
    }

    /** A port no one listens on now, chosen by the system. */
    public static int free() {
        try (ServerSocket socket = new ServerSocket(0, 1, LOOPBACK)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("no free local port", e);
        }
    }

    private static InetAddress loopback() {
        try {
            return InetAddress.getByAddress(new byte[] {127, 0, 0, 1}); // not ::1, whatever the system prefers
        } catch (java.net.UnknownHostException e) {
            throw new IllegalStateException(e);
        }
    }

    /** True when nothing listens on {@code port} at 127.0.0.1. */
    public static boolean isFree(int port) {
        try (ServerSocket probe = new ServerSocket(port, 1, LOOPBACK)) {
            probe.setReuseAddress(true);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
