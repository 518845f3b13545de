package dev.tierlab.runtime;

import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.concurrent.TimeUnit;

/**
 * Warm workers, reused as Lambda reuses an execution environment: an idle worker is taken again for
 * the same function, code and configuration; a changed package or environment gets a new one. Workers
 * may be started ahead ({@link #prestart}) so a JVM boots while tierlab builds the package. Idle workers
 * are few and end after a while; closing the pool ends them all.
 */
public final class WorkerPool implements AutoCloseable {
    /** Idle workers kept at most; the least recently used go first. */
    static final int MAX_IDLE = 4;
    /** An idle worker older than this is ended rather than reused. */
    static final long IDLE_NANOS = TimeUnit.MINUTES.toNanos(10);

    private final Deque<Worker> idle = new ArrayDeque<>();
    private final Deque<Worker> spare = new ArrayDeque<>();
    private boolean closed;

    private static final class ProcessWide {
        static final WorkerPool POOL = new WorkerPool();

        static {
            Runtime.getRuntime().addShutdownHook(new Thread(POOL::close, "tierlab-workers-shutdown"));
        }
    }

    /** The pool of this tierlab process (the shell keeps its workers warm between commands); ended at exit. */
    public static WorkerPool processWide() {
        return ProcessWide.POOL;
    }

    /** A worker for {@code code} under {@code launch}: a warm one when there is one, else a started-ahead or new one. */
    synchronized Worker acquire(Worker.Launch launch, Worker.Code code) throws IOException {
        if (closed) {
            throw new IllegalStateException("the worker pool is closed");
        }
        expire();
        Worker w = take(idle, launch, code);
        if (w == null) {
            w = take(spare, launch, null);
            if (w == null) {
                w = Worker.start(launch);
            }
            w.assign(code);
        }
        return w;
    }

    /** Back from an invocation: kept warm if it can be used again. */
    synchronized void release(Worker w) {
        if (closed || !w.usable()) {
            w.close();
            return;
        }
        idle.addFirst(w);
        while (idle.size() > MAX_IDLE) {
            idle.removeLast().close();
        }
    }

    /** Starts a JVM for {@code launch} now, unless a worker for it is idle or already started ahead. */
    synchronized void prestart(Worker.Launch launch) throws IOException {
        expire();
        if (closed || idle.stream().anyMatch(w -> w.launch().equals(launch)) || spare.stream().anyMatch(w -> w.launch().equals(launch))) {
            return;
        }
        spare.addFirst(Worker.start(launch));
        while (spare.size() > MAX_IDLE) {
            spare.removeLast().close();
        }
    }

    /** Processes of the workers, idle and started ahead (for tests and the benchmark). */
    public synchronized java.util.List<Long> pids() {
        return java.util.stream.Stream.concat(idle.stream(), spare.stream()).map(Worker::pid).toList();
    }

    private static Worker take(Deque<Worker> from, Worker.Launch launch, Worker.Code code) {
        for (Iterator<Worker> it = from.iterator(); it.hasNext(); ) {
            Worker w = it.next();
            if (w.launch().equals(launch) && java.util.Objects.equals(w.code(), code)) {
                it.remove();
                if (w.usable()) {
                    return w;
                }
                w.close();
            }
        }
        return null;
    }

    private void expire() {
        for (Deque<Worker> d : java.util.List.of(idle, spare)) {
            d.removeIf(w -> {
                boolean old = !w.usable() || w.idleNanos() > IDLE_NANOS || (w.code() != null && !w.code().current());
                if (old) {
                    w.close();
                }
                return old;
            });
        }
    }

    @Override
    public synchronized void close() {
        closed = true;
        idle.forEach(Worker::close);
        spare.forEach(Worker::close);
        idle.clear();
        spare.clear();
    }
}
