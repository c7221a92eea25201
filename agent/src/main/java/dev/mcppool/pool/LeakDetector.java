package dev.mcppool.pool;

import dev.mcppool.log.AgentLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches leases: one held longer than the threshold is reported once, with the stack of the code that borrowed it,
 * and again when it finally comes back. Off (no thread, no stack capture) when the threshold is zero.
 */
final class LeakDetector {

    private final PoolEvents events;
    private ScheduledThreadPoolExecutor timer;
    private boolean closed;

    LeakDetector(PoolEvents events) {
        this.events = events;
    }

    /**
     * Watches a lease just borrowed on the current thread against {@code threshold} (the key's setting when it was
     * borrowed); the clock starts now, or, for a session that starts during this lease ({@code startNow} false), at
     * {@link Watch#start()}.
     */
    Watch watch(PoolKey key, ServerCounters counters, ServerCounters totals, boolean startNow, Duration threshold) {
        if (threshold.isZero() || isClosed()) {
            return Watch.unwatched(key);
        }
        Watch watch = new Watch(this, key, counters, totals, threshold,
                new Exception("MCP session borrowed here by thread " + Thread.currentThread().getName()));
        if (startNow) {
            watch.start();
        }
        return watch;
    }

    private synchronized boolean isClosed() {
        return closed;
    }

    /** The timer, or null once the detector is closed (JVM shutdown). */
    private synchronized ScheduledThreadPoolExecutor timer() {
        if (closed) {
            return null;
        }
        if (timer == null) {
            timer = new ScheduledThreadPoolExecutor(1, task -> {
                Thread thread = new Thread(task, "mcp-pool-leak-detector");
                thread.setDaemon(true);
                return thread;
            });
            timer.setRemoveOnCancelPolicy(true);
        }
        return timer;
    }

    synchronized void close() {
        closed = true;
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One lease under watch. */
    static class Watch {
        /** A watch for a lease borrowed without leak detection: a dropped client is still told in the log. */
        static Watch unwatched(PoolKey key) {
            return new Watch(null, key, null, null, Duration.ZERO, null) {
                @Override
                void start() {
                }

                @Override
                void abandoned() {
                    AgentLog.warn("mcp-pool: an MCP client of " + key + " was garbage-collected without close(); its"
                            + " session is discarded (set leakDetectionThreshold to see where it was borrowed)");
                }

                @Override
                void released() {
                }
            };
        }

        private final LeakDetector detector;
        private final PoolKey key;
        private final ServerCounters counters;
        private final ServerCounters totals;
        private final Duration threshold;
        private final Exception borrowSite;
        private final String borrowerThread = Thread.currentThread().getName();
        private volatile long borrowedAt = System.nanoTime();
        private ScheduledFuture<?> timeout;
        private volatile boolean reported;

        private Watch(LeakDetector detector, PoolKey key, ServerCounters counters, ServerCounters totals,
                      Duration threshold, Exception borrowSite) {
            this.detector = detector;
            this.key = key;
            this.counters = counters;
            this.totals = totals;
            this.threshold = threshold;
            this.borrowSite = borrowSite;
        }

        /** Starts the clock (once): from now on, holding the lease past the threshold is reported. */
        synchronized void start() {
            ScheduledThreadPoolExecutor timer = detector.timer();
            if (timeout == null && timer != null) {
                borrowedAt = System.nanoTime();
                try {
                    timeout = timer.schedule(this::reportLeak, threshold.toNanos(), TimeUnit.NANOSECONDS);
                } catch (RejectedExecutionException closedMeanwhile) {
                    // shutting down: nothing to watch any more
                }
            }
        }

        private void reportLeak() {
            report("has been leased for more than " + threshold.toMillis()
                    + " ms without close(); apparent leak (leakDetectionThreshold).");
        }

        /**
         * The client holding the lease was garbage-collected without close(): a leak for sure, reported at once if the
         * threshold has not reported it yet.
         */
        synchronized void abandoned() {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (reported) {
                AgentLog.info("mcp-pool: the session of " + key + " reported as leaked is discarded: its MCP client"
                        + " was garbage-collected without close()");
            } else {
                report("was leased by an MCP client that was garbage-collected without close(); its session is"
                        + " discarded (leak).");
            }
        }

        private synchronized void report(String what) {
            if (reported) {
                return; // the threshold's timer and the client's collection may both get here
            }
            reported = true;
            counters.recordLeak();
            totals.recordLeak();
            StringWriter stack = new StringWriter();
            borrowSite.printStackTrace(new PrintWriter(stack));
            AgentLog.warn("mcp-pool: a session of " + key + " " + what + " " + stack);
            detector.events.leakDetected(key, Duration.ofNanos(System.nanoTime() - borrowedAt), borrowerThread,
                    stack.toString());
        }

        synchronized void released() {
            if (timeout != null) {
                timeout.cancel(false);
            }
            if (reported) {
                AgentLog.info("mcp-pool: the session of " + key + " reported as leaked was returned after "
                        + Duration.ofNanos(System.nanoTime() - borrowedAt).toMillis() + " ms");
            }
        }
    }
}
