package dev.tierlab.runtime.worker;

import java.io.BufferedOutputStream;
import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;

/**
 * A function's execution environment: a JVM of its own that tierlab starts with the function's
 * environment and {@code -Xmx} from its memory size. It reads {@code <port> <token>} from standard input,
 * connects back to tierlab, loads the handler once and runs one invocation at a time (see {@link Frames}).
 * What the function prints becomes its log; when tierlab goes away the worker ends, even if the
 * function never returns. tierlab ends a worker whose function timed out by killing its process.
 */
public final class WorkerMain {
    /** Lambda's limit on a synchronous response. */
    static final int MAX_RESPONSE = 6 * 1024 * 1024;

    private WorkerMain() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("--train")) {
            train(args);
            return;
        }
        String[] hello = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine().trim().split(" ");
        Socket socket = new Socket(InetAddress.getLoopbackAddress(), Integer.parseInt(hello[0]));
        socket.setTcpNoDelay(true);
        DataOutputStream out = new DataOutputStream(new BufferedOutputStream(socket.getOutputStream(), 64 * 1024));
        DataInputStream in = new DataInputStream(new java.io.BufferedInputStream(socket.getInputStream(), 64 * 1024));
        Frames.write(out, Frames.HELLO, hello[1].getBytes(StandardCharsets.US_ASCII));
        PrintStream log = new PrintStream(new LogStream(out), true, StandardCharsets.UTF_8);
        System.setOut(log); // once, for the life of the worker: as in Lambda, standard output and error are the log
        System.setErr(log);

        BlockingQueue<Frames.Frame> requests = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try {
                while (true) {
                    requests.put(Frames.read(in));
                }
            } catch (IOException | InterruptedException e) {
                Runtime.getRuntime().halt(0); // tierlab has gone: nothing may outlive it
            }
        }, "tierlab-worker-reader");
        reader.setDaemon(true);
        reader.start();

        Frames.Reader setup = requests.take().reader();
        String handlerName = setup.text();
        String function = setup.text();
        int memory = (int) setup.number();
        List<String> classpath = new ArrayList<>();
        while (setup.more()) {
            classpath.add(setup.text());
        }
        ClassLoader loader = functionLoader(classpath);
        Handler handler = null;
        Throwable initError = null;
        try {
            handler = Handler.load(handlerName, loader);
        } catch (Throwable e) {
            initError = e instanceof java.lang.reflect.InvocationTargetException ite ? ite.getCause() : e;
        }
        log.flush();
        Frames.write(out, Frames.READY, new byte[0]);

        while (true) {
            Frames.Reader invoke = requests.take().reader();
            String requestId = invoke.text();
            long deadline = invoke.number();
            String event = invoke.text();
            byte[] result = handler == null ? failure(initError, requestId)
                    : run(handler, event, new WorkerContext(function, memory, requestId, deadline, log));
            log.flush();
            Frames.write(out, Frames.RESULT, result);
        }
    }

    /**
     * {@code --train <handler> <event-file> <class-path entry>...}: one invocation, then a normal exit, so
     * that {@code -XX:ArchiveClassesAtExit} can write the class-data archive workers start from (made by
     * ./tierlab once per build; see docs/architecture.md).
     */
    private static void train(String[] args) throws Exception {
        ClassLoader loader = functionLoader(java.util.Arrays.asList(args).subList(3, args.length));
        String event = java.nio.file.Files.readString(Path.of(args[2]));
        run(Handler.load(args[1], loader), event, new WorkerContext("training", 512, "training", System.currentTimeMillis() + 60_000,
                System.out));
        ErrorJson.of("", "", new Exception()); // the error path too
    }

    /**
     * The function's class loader over its package's entries, made the thread's context loader: it sees
     * the package, the JDK and the Lambda runtime interfaces, nothing of tierlab.
     */
    private static ClassLoader functionLoader(List<String> entries) throws java.net.MalformedURLException {
        List<URL> urls = new ArrayList<>();
        for (String entry : entries) {
            urls.add(Path.of(entry).toUri().toURL());
        }
        ClassLoader loader = new URLClassLoader(urls.toArray(URL[]::new), new RuntimeApiLoader(WorkerMain.class.getClassLoader()));
        Thread.currentThread().setContextClassLoader(loader);
        return loader;
    }

    private static byte[] run(Handler handler, String event, WorkerContext context) {
        try {
            String payload = handler.call(event, context);
            if (payload.length() > MAX_RESPONSE / 4 && payload.getBytes(StandardCharsets.UTF_8).length > MAX_RESPONSE) {
                return result(false, "Function.ResponseSizeTooLarge", ErrorJson.of("Response payload size exceeded maximum allowed payload size ("
                        + MAX_RESPONSE + " bytes).", "Function.ResponseSizeTooLarge", null));
            }
            return result(true, "", payload);
        } catch (Throwable e) {
            return failure(e, context.getAwsRequestId());
        }
    }

    private static byte[] failure(Throwable e, String requestId) {
        if (e instanceof OutOfMemoryError) {
            // the worker's heap may be exhausted: tierlab ends this worker after reading the result
            return result(false, "Runtime.OutOfMemory", ErrorJson.of("RequestId: " + requestId + " Error: Runtime exited with error: "
                    + e, "Runtime.OutOfMemory", null));
        }
        String type = e.getClass().getName();
        return result(false, type, ErrorJson.of(String.valueOf(e.getMessage()), type, e));
    }

    private static byte[] result(boolean success, String errorType, String payload) {
        return new Frames.Writer().number(success ? 1 : 0).text(errorType).text(payload).body();
    }

    /** What the function writes, sent to tierlab as {@link Frames#LOG} frames in the order it was written. */
    private static final class LogStream extends OutputStream {
        private final DataOutputStream out;
        private final byte[] buffer = new byte[8192];
        private int used;

        LogStream(DataOutputStream out) {
            this.out = out;
        }

        @Override
        public synchronized void write(int b) throws IOException {
            if (used == buffer.length) {
                flush();
            }
            buffer[used++] = (byte) b;
        }

        @Override
        public synchronized void write(byte[] b, int off, int len) throws IOException {
            if (len > buffer.length - used) {
                flush();
            }
            if (len > buffer.length) {
                for (int at = off; at < off + len; at += buffer.length) { // big writes in pieces, each a frame
                    Frames.write(out, Frames.LOG, java.util.Arrays.copyOfRange(b, at, Math.min(off + len, at + buffer.length)));
                }
            } else {
                System.arraycopy(b, off, buffer, used, len);
                used += len;
            }
        }

        @Override
        public synchronized void flush() throws IOException {
            if (used > 0) {
                Frames.write(out, Frames.LOG, java.util.Arrays.copyOf(buffer, used));
                used = 0;
            }
        }
    }
}
