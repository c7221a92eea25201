package dev.mcppool.pool;

import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicLong;

/**
 * Leases whose client the application dropped without closing it. The adapters hold their clients weakly, so such a
 * client is found only after the garbage collector ran, and a small application may not collect for minutes: its next
 * clients would time out waiting for a session where, without the pool, they would have worked. So a borrower that
 * finds no room hands back the leases of clients found collected so far; and once it has waited half its maxWait
 * while a lease of its key has run no call for a second, it asks the JVM for a collection, at most once per interval
 * (as the JDK does when direct memory runs out). A pool that is merely busy sees no collection: its borrowers get
 * sessions before half their maxWait, or its leases are running calls.
 */
final class AbandonedLeases {

    /** A client that has run no call for this long may have been dropped. */
    static final Duration QUIET_BEFORE_SUSPECTED = Duration.ofSeconds(1);
    private static final long COLLECTION_INTERVAL_NANOS = Duration.ofSeconds(2).toNanos();

    private final Set<Lease> outstanding = ConcurrentHashMap.newKeySet();
    private final List<Runnable> reclaimers = new CopyOnWriteArrayList<>();
    private final AtomicLong lastCollectionRequest = new AtomicLong(System.nanoTime() - COLLECTION_INTERVAL_NANOS);

    void lent(Lease lease) {
        outstanding.add(lease);
    }

    void ended(Lease lease) {
        outstanding.remove(lease);
    }

    /** {@code reclaim} hands back the leases of an adapter's clients that were garbage-collected so far. */
    void addReclaimer(Runnable reclaim) {
        reclaimers.add(reclaim);
    }

    /** For a borrower of {@code key} that found no room, {@code waited} into its {@code maxWait}. */
    void reclaimFor(PoolKey key, long waitedNanos, long maxWaitNanos) {
        reclaimers.forEach(Runnable::run);
        long now = System.nanoTime();
        long last = lastCollectionRequest.get();
        if (waitedNanos >= maxWaitNanos / 2 && now - last >= COLLECTION_INTERVAL_NANOS && hasQuietLease(key, now)
                && lastCollectionRequest.compareAndSet(last, now)) {
            AgentLog.debug("mcp-pool: no session of " + key + " is free and a client holding one has been idle;"
                    + " asking for a garbage collection to find clients dropped without close()");
            System.gc();
        }
    }

    private boolean hasQuietLease(PoolKey key, long now) {
        for (Lease lease : outstanding) {
            if (lease.key().equals(key) && lease.quietFor(QUIET_BEFORE_SUSPECTED.toNanos(), now)) {
                return true;
            }
        }
        return false;
    }
}
