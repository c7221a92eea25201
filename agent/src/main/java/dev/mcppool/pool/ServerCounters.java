package dev.mcppool.pool;

import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;

/** Event counts for one server key, as shown in JMX. */
public final class ServerCounters {

    private final LongAdder created = new LongAdder();
    private final LongAdder destroyed = new LongAdder();
    private final LongAdder borrowed = new LongAdder();
    private final LongAdder returned = new LongAdder();
    private final LongAdder validationFailures = new LongAdder();
    private final LongAdder leaks = new LongAdder();
    private final LongAdder retired = new LongAdder();
    private final LongAdder resets = new LongAdder();
    private final LongAdder tainted = new LongAdder();
    private final LongAdder borrowWaitNanos = new LongAdder();
    private final AtomicLong maxBorrowWaitNanos = new AtomicLong();
    private volatile long lastActivityNanos = System.nanoTime();

    void recordCreated() {
        lastActivityNanos = System.nanoTime();
        created.increment();
    }

    void recordDestroyed() {
        lastActivityNanos = System.nanoTime();
        destroyed.increment();
    }

    void recordBorrowed(long waitNanos) {
        lastActivityNanos = System.nanoTime();
        borrowed.increment();
        borrowWaitNanos.add(waitNanos);
        maxBorrowWaitNanos.accumulateAndGet(waitNanos, Math::max);
    }

    void recordReturned() {
        lastActivityNanos = System.nanoTime();
        returned.increment();
    }

    void recordValidationFailure() {
        lastActivityNanos = System.nanoTime();
        validationFailures.increment();
    }

    void recordRetired() {
        lastActivityNanos = System.nanoTime();
        retired.increment();
    }

    void recordReset() {
        resets.increment();
    }

    void recordTainted() {
        tainted.increment();
    }

    void recordLeak() {
        leaks.increment();
    }

    public long created() {
        return created.sum();
    }

    public long destroyed() {
        return destroyed.sum();
    }

    public long borrowed() {
        return borrowed.sum();
    }

    public long returned() {
        return returned.sum();
    }

    public long validationFailures() {
        return validationFailures.sum();
    }

    /** Sessions closed because they reached their maximum lifetime. */
    public long retired() {
        return retired.sum();
    }

    /** Leases that changed session state (resource subscriptions) which was undone before the session went back. */
    public long resets() {
        return resets.sum();
    }

    /** Sessions destroyed on return because their lease changed state that cannot be undone (the logging level). */
    public long tainted() {
        return tainted.sum();
    }

    /** Leases reported by leak detection (held longer than the threshold). */
    public long leaks() {
        return leaks.sum();
    }

    public long totalBorrowWaitNanos() {
        return borrowWaitNanos.sum();
    }

    public long maxBorrowWaitNanos() {
        return maxBorrowWaitNanos.get();
    }

    long lastActivityNanos() {
        return lastActivityNanos;
    }
}
