package com.beershop.reco.model;

import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.ForkJoinTask;
import java.util.concurrent.ForkJoinWorkerThread;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;
import org.slf4j.MDC;

/**
 * The worker threads of a run: one fork/join pool of a fixed size, shared by training, evaluation and scoring, so
 * that one setting decides how many cores the job uses. Work handed to {@link #call} runs on these threads, and so do
 * the {@link IndexRanges} block loops it starts (a parallel stream runs on the pool of the task that starts it).
 * Results never depend on the thread count: the block loops fix their blocks by size alone. The caller's logging
 * context (MDC, e.g. the job execution id) goes along, so lines logged on the workers name the run like the rest.
 *
 * <p>Close it when the run ends; the threads are daemons, so a forgotten pool does not keep the JVM alive.
 */
public final class Workers implements AutoCloseable {

    private final int threads;
    private final AtomicInteger started = new AtomicInteger();
    private final ClassLoader classLoader = Thread.currentThread().getContextClassLoader();
    private final ForkJoinPool pool;

    private Workers(int threads) {
        this.threads = threads;
        this.pool = new ForkJoinPool(threads, this::newThread, null, false);
    }

    /** @param threads how many worker threads; 0 means one per available core */
    public static Workers of(int threads) {
        if (threads < 0) {
            throw new IllegalArgumentException("threads must not be negative, was " + threads);
        }
        return new Workers(threads > 0 ? threads : Runtime.getRuntime().availableProcessors());
    }

    public int threads() {
        return threads;
    }

    /**
     * Runs {@code work} on the worker threads and returns its result; an exception it throws is rethrown as is.
     * Called from a worker thread of this pool, it simply runs {@code work}.
     */
    public <T> T call(Supplier<T> work) {
        if (ForkJoinTask.inForkJoinPool() && ForkJoinTask.getPool() == pool) {
            return work.get();
        }
        Outcome<T> outcome = new Outcome<>();
        Map<String, String> context = MDC.getCopyOfContextMap();
        try {
            pool.submit(() -> inContext(context, () -> outcome.run(work))).get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the worker threads", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
        return outcome.get();
    }

    /** {@link IndexRanges#forEachBlock} on these threads; each block runs in the caller's logging context. */
    public void forEachBlock(int size, int blockSize, IndexRanges.RangeTask task) {
        Map<String, String> context = MDC.getCopyOfContextMap();
        call(() -> {
            IndexRanges.forEachBlock(size, blockSize,
                    (block, from, to) -> inContext(context, () -> task.run(block, from, to)));
            return null;
        });
    }

    /** Runs {@code work} with {@code context} as this thread's MDC, then puts the thread's own context back. */
    private static void inContext(Map<String, String> context, Runnable work) {
        Map<String, String> own = MDC.getCopyOfContextMap();
        setContext(context);
        try {
            work.run();
        } finally {
            setContext(own);
        }
    }

    private static void setContext(Map<String, String> context) {
        if (context == null) {
            MDC.clear();
        } else {
            MDC.setContextMap(context);
        }
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }

    @Override
    public String toString() {
        return threads + " worker thread(s)";
    }

    /**
     * Not the default factory's threads: those get the system class loader as context class loader, and LibRec,
     * which trains on these threads, finds its resources through it, which fails inside Spring Boot's jar.
     */
    private ForkJoinWorkerThread newThread(ForkJoinPool forPool) {
        ForkJoinWorkerThread thread = new ForkJoinWorkerThread(forPool) { };
        thread.setName("reco-worker-" + started.incrementAndGet());
        thread.setContextClassLoader(classLoader);
        thread.setDaemon(true);
        return thread;
    }

    /**
     * Catches what the work throws inside the pool: ForkJoinTask would hand it back wrapped in a new exception of the
     * same type (its message prefixed with the class name), and exit codes and logs depend on the original.
     */
    private static final class Outcome<T> {

        private T value;
        private RuntimeException runtime;
        private Error error;

        void run(Supplier<T> work) {
            try {
                value = work.get();
            } catch (RuntimeException e) {
                runtime = e;
            } catch (Error e) {
                error = e;
            }
        }

        T get() {
            if (runtime != null) {
                throw runtime;
            }
            if (error != null) {
                throw error;
            }
            return value;
        }
    }
}
