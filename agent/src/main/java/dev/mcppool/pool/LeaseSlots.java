package dev.mcppool.pool;

import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntSupplier;

/**
 * How many sessions of one server key are lent, against a limit (maxPerKey) that may change while borrowers wait.
 * Taking a free slot and giving one back take no lock (every borrow does both); only borrowers that must wait meet on
 * this object's monitor, and are woken when a lease ends or the limit changes.
 *
 * <p>This is one of the pool's two counts of a key; the other, {@link SessionLifecycle#sessionsOf}, counts the sessions
 * that exist (idle, lent, starting, or held by commons-pool2's evictor for a check) and is what stops creation. They
 * are kept apart because they wake different waiters: a borrower here needs a lease to end, which is exactly when
 * {@link #give()} runs, while a session the evictor puts back in the idle queue frees no slot and tells the pool
 * nothing (commons-pool2 has no callback for it). Waiting on the session count alone would have borrowers poll for
 * such sessions, and be woken by every return and destruction of the key instead of by the end of a lease.
 */
final class LeaseSlots {

    private final AtomicInteger lent = new AtomicInteger();
    private final AtomicInteger waiters = new AtomicInteger();
    private volatile boolean forgotten;

    /**
     * Takes a slot, waiting at most {@code nanos} for one; false on timeout, or at once when these slots were
     * forgotten (the caller then asks the pool for the key's current slots).
     */
    boolean take(IntSupplier limit, long nanos) throws InterruptedException {
        if (tryTake(limit)) {
            return true;
        }
        long deadline = System.nanoTime() + nanos;
        synchronized (this) {
            // counted before the retry below, so that a give() after that retry sees this waiter and wakes it
            waiters.incrementAndGet();
            try {
                while (!forgotten) {
                    if (tryTake(limit)) {
                        return true;
                    }
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return false;
                    }
                    TimeUnit.NANOSECONDS.timedWait(this, left);
                }
                return false;
            } finally {
                waiters.decrementAndGet();
            }
        }
    }

    /** A slot if one is free now and these slots are not forgotten; never blocks. */
    private boolean tryTake(IntSupplier limit) {
        int max = limit.getAsInt();
        for (int now = lent.get(); now < max && !forgotten; now = lent.get()) {
            if (lent.compareAndSet(now, now + 1)) {
                if (!forgotten) {
                    return true;
                }
                give(); // forgotten meanwhile: forgetIfUnused() saw no slot lent, so this one must not count
                return false;
            }
        }
        return false;
    }

    void give() {
        lent.decrementAndGet();
        if (waiters.get() > 0) {
            synchronized (this) {
                notifyAll();
            }
        }
    }

    synchronized void limitChanged() {
        notifyAll();
    }

    /** Marks the slots forgotten if none is lent; returns whether it did. */
    boolean forgetIfUnused() {
        forgotten = true;
        if (lent.get() == 0) {
            return true;
        }
        forgotten = false;
        return false;
    }

    boolean isForgotten() {
        return forgotten;
    }
}
