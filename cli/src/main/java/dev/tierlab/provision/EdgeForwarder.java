package dev.tierlab.provision;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * A plain local address for a CloudFront distribution of an emulator. An emulator serves a
 * distribution on its own port, chosen by the request's {@code Host} header
 * ({@code <id>.cloudfront.net}), which neither a learner's browser nor Java's HTTP client lets one set;
 * this forwards {@code http://127.0.0.1:<port>/...} to the emulator with that Host, and with
 * {@code X-Forwarded-Proto} saying whether the viewer used https or http (so the distribution's viewer
 * protocol policy applies as on AWS). One forwarder per distribution and scheme, for the life of the
 * process; loopback only.
 */
public final class EdgeForwarder {
    private static final Map<String, EdgeForwarder> OPEN = new ConcurrentHashMap<>();
    private static final Set<String> HOP_BY_HOP = Set.of("connection", "keep-alive", "transfer-encoding", "te", "trailer",
            "upgrade", "proxy-connection", "host", "content-length");
    private static final int MAX_BODY = 64 * 1024 * 1024;

    private final URI gateway;
    private final String host;
    private final boolean https;
    private final HttpServer server;

    private EdgeForwarder(URI gateway, String host, boolean https) throws IOException {
        this.gateway = gateway;
        this.host = host;
        this.https = https;
        this.server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        ExecutorService pool = Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "tierlab-edge-" + host);
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(pool);
        server.createContext("/", this::forward);
        server.start();
    }

    /** The forwarder of {@code host} (a distribution's domain) on the emulator at {@code gateway}, started on first use. */
    public static EdgeForwarder of(URI gateway, String host, boolean https) {
        String key = gateway + " " + host.toLowerCase(Locale.ROOT) + " " + https;
        return OPEN.computeIfAbsent(key, k -> {
            try {
                return new EdgeForwarder(gateway, host.toLowerCase(Locale.ROOT), https);
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
    }

    /** Where the distribution answers on this machine: {@code http://127.0.0.1:<port>}. */
    public URI address() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    public String host() {
        return host;
    }

    private void forward(HttpExchange x) throws IOException {
        try (x) {
            byte[] body = x.getRequestBody().readNBytes(MAX_BODY);
            String target = x.getRequestURI().getRawPath() + (x.getRequestURI().getRawQuery() == null ? "" : "?" + x.getRequestURI().getRawQuery());
            StringBuilder request = new StringBuilder()
                    .append(x.getRequestMethod()).append(' ').append(target).append(" HTTP/1.1\r\n")
                    .append("Host: ").append(host).append("\r\n")
                    .append("X-Forwarded-Proto: ").append(https ? "https" : "http").append("\r\n")
                    .append("Connection: close\r\n");
            x.getRequestHeaders().forEach((name, values) -> {
                String lower = name.toLowerCase(Locale.ROOT);
                if (!HOP_BY_HOP.contains(lower) && !lower.equals("x-forwarded-proto")) {
                    values.forEach(v -> request.append(name).append(": ").append(v).append("\r\n"));
                }
            });
            if (body.length > 0 || List.of("POST", "PUT", "PATCH").contains(x.getRequestMethod())) {
                request.append("Content-Length: ").append(body.length).append("\r\n");
            }
            request.append("\r\n");
            try (Socket s = new Socket(gateway.getHost(), gateway.getPort())) {
                s.setSoTimeout(60_000);
                OutputStream out = s.getOutputStream();
                out.write(request.toString().getBytes(StandardCharsets.ISO_8859_1));
                out.write(body);
                out.flush();
                relay(new BufferedInputStream(s.getInputStream()), x);
            } catch (IOException e) {
                byte[] msg = ("tierlab could not reach the sandbox at " + gateway + ": " + e.getMessage() + "\n").getBytes(StandardCharsets.UTF_8);
                x.getResponseHeaders().set("Content-Type", "text/plain; charset=utf-8");
                x.sendResponseHeaders(502, msg.length);
                x.getResponseBody().write(msg);
            }
        }
    }

    /** Reads the emulator's response (status line, headers, a body by length, chunks or to the end) and answers with it. */
    private static void relay(InputStream in, HttpExchange x) throws IOException {
        String status = line(in);
        String[] parts = status.split(" ", 3);
        if (parts.length < 2 || !parts[0].startsWith("HTTP/")) {
            throw new IOException("not an HTTP response: " + status);
        }
        int code = Integer.parseInt(parts[1]);
        long length = -1;
        boolean chunked = false;
        for (String h = line(in); !h.isEmpty(); h = line(in)) {
            int colon = h.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String name = h.substring(0, colon).trim();
            String value = h.substring(colon + 1).trim();
            String lower = name.toLowerCase(Locale.ROOT);
            if (lower.equals("content-length")) {
                length = Long.parseLong(value);
            } else if (lower.equals("transfer-encoding")) {
                chunked = value.toLowerCase(Locale.ROOT).contains("chunked");
            } else if (!HOP_BY_HOP.contains(lower)) {
                x.getResponseHeaders().add(name, value);
            }
        }
        byte[] body;
        if (x.getRequestMethod().equals("HEAD") || code == 204 || code == 304 || code < 200) {
            body = new byte[0];
        } else if (chunked) {
            body = dechunk(in);
        } else if (length >= 0) {
            body = in.readNBytes((int) Math.min(length, MAX_BODY));
        } else {
            body = in.readNBytes(MAX_BODY);
        }
        x.sendResponseHeaders(code, body.length == 0 ? -1 : body.length);
        if (body.length > 0) {
            x.getResponseBody().write(body);
        }
    }

    private static byte[] dechunk(InputStream in) throws IOException {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        while (true) {
            String size = line(in);
            int semi = size.indexOf(';');
            int n = Integer.parseInt((semi < 0 ? size : size.substring(0, semi)).trim(), 16);
            if (n == 0) {
                for (String t = line(in); !t.isEmpty(); t = line(in)) {
                    // trailers are dropped
                }
                return all.toByteArray();
            }
            all.write(in.readNBytes(n));
            line(in);
            if (all.size() > MAX_BODY) {
                throw new IOException("response larger than " + MAX_BODY + " bytes");
            }
        }
    }

    private static String line(InputStream in) throws IOException {
        ByteArrayOutputStream b = new ByteArrayOutputStream();
        for (int c = in.read(); c != -1 && c != '\n'; c = in.read()) {
            if (c != '\r') {
                b.write(c);
            }
        }
        return b.toString(StandardCharsets.ISO_8859_1);
    }
}
