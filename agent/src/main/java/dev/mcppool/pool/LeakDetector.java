package dev.mcppool.pool;

import dev.mcppool.log.AgentLog;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.time.Duration;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;

/**
 * Watches leases: one held longer than the threshold is reported once, with the stack of the code that borrowed it,
 * and again when it finally comes back. Off (no thread, no stack capture) when the threshold is zero.
 */
final class LeakDetector {

    private final Duration threshold;
    private ScheduledThreadPoolExecutor timer;

    LeakDetector(Duration threshold) {
        this.threshold = threshold;
    }

    /** Starts watching a lease just borrowed on the current thread. */
    Watch watch(PoolKey key, ServerCounters counters, ServerCounters totals) {
        if (threshold.isZero()) {
            return Watch.NONE;
        }
        Watch watch = new Watch(this, key, counters, totals, threshold,
                new Exception("MCP session borrowed here by thread " + Thread.currentThread().getName()));
        watch.arm();
        return watch;
    }

    private synchronized ScheduledThreadPoolExecutor timer() {
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
        if (timer != null) {
            timer.shutdownNow();
        }
    }

    /** One lease under watch. */
    static class Watch {
        static final Watch NONE = new Watch(null, null, null, null, Duration.ZERO, null) {
            @Override
            void restart() {
            }

            @Override
            void released() {
            }
        };

        private final LeakDetector detector;
        private final PoolKey key;
        private final ServerCounters counters;
        private final ServerCounters totals;
        private final Duration threshold;
        private final Exception borrowSite;
        private volatile long borrowedAt = System.nanoTime();
        private volatile ScheduledFuture<?> timeout;
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

        private void arm() {
            timeout = detector.timer().schedule(this::reportLeak, threshold.toNanos(), TimeUnit.NANOSECONDS);
        }

        /** Starts the clock again: the time the server took to start does not count as holding the lease. */
        void restart() {
            if (!reported && timeout.cancel(false)) {
                borrowedAt = System.nanoTime();
                arm();
            }
        }

        private void reportLeak() {
            reported = true;
            counters.recordLeak();
            totals.recordLeak();
            StringWriter stack = new StringWriter();
            borrowSite.printStackTrace(new PrintWriter(stack));
            AgentLog.warn("mcp-pool: a session of " + key + " has been leased for more than " + threshold.toMillis()
                    + " ms without close(); apparent leak (leakDetectionThreshold). " + stack);
        }

        void released() {
            timeout.cancel(false);
            if (reported) {
                AgentLog.info("mcp-pool: the session of " + key + " reported as leaked was returned after "
                        + Duration.ofNanos(System.nanoTime() - borrowedAt).toMillis() + " ms");
            }
        }
    }
}
