package dev.mcppool.pool;

import java.util.concurrent.TimeUnit;
import java.util.function.IntSupplier;

/**
 * How many sessions of one server key are lent, against a limit (maxPerKey) that may change while borrowers wait.
 * Waiters are woken when a lease ends or the limit changes.
 */
final class LeaseSlots {

    private int lent;
    private boolean forgotten;

    /**
     * Takes a slot, waiting at most {@code nanos} for one; false on timeout, or at once when these slots were
     * forgotten (the caller then asks the pool for the key's current slots).
     */
    synchronized boolean take(IntSupplier limit, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        while (!forgotten && lent >= limit.getAsInt()) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            TimeUnit.NANOSECONDS.timedWait(this, left);
        }
        if (forgotten) {
            return false;
        }
        lent++;
        return true;
    }

    synchronized void give() {
        lent--;
        notifyAll();
    }

    synchronized void limitChanged() {
        notifyAll();
    }

    /** Marks the slots forgotten if none is lent; returns whether it did. */
    synchronized boolean forgetIfUnused() {
        forgotten = lent == 0;
        return forgotten;
    }

    synchronized boolean isForgotten() {
        return forgotten;
    }
}
