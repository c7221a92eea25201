package dev.mcppool.pool;

import java.util.concurrent.atomic.AtomicLong;

/** What the pool keeps about one session it created, from creation to destruction. */
final class SessionRecord {

    final PoolKey key;
    final long creationStartedNanos;
    final AtomicLong timesLent = new AtomicLong();
    /** When the session must no longer be lent; {@code Long.MAX_VALUE} when its lifetime is unlimited. */
    volatile long retireAtNanos = Long.MAX_VALUE;
    volatile DestroyReason retireReason = DestroyReason.LIFETIME;
    /** When the next keepalive ping is due; {@code Long.MAX_VALUE} when keepalive is off. */
    volatile long keepaliveDueNanos = Long.MAX_VALUE;
    volatile boolean leased;
    volatile long lastReturnedNanos;
    volatile DestroyReason destroyReason;

    SessionRecord(PoolKey key, long creationStartedNanos) {
        this.key = key;
        this.creationStartedNanos = creationStartedNanos;
        this.lastReturnedNanos = creationStartedNanos;
    }

    boolean isRetired(long nowNanos) {
        return retireAtNanos != Long.MAX_VALUE && nowNanos - retireAtNanos >= 0;
    }

    /** Keeps the first reason given: the one that decided the session's end. */
    void destroyBecause(DestroyReason reason) {
        if (destroyReason == null) {
            destroyReason = reason;
        }
    }
}
