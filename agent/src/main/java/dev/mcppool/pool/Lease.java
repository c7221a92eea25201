package dev.mcppool.pool;

import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;

/** One borrower's use of a pooled session, from borrow to {@link #release(LeaseEnd)}. */
public final class Lease {

    private final SessionPool pool;
    private final PoolKey key;
    private final PooledSession session;
    private final LeaseSlots slots;
    private final LeakDetector.Watch leakWatch;
    private final AtomicBoolean released = new AtomicBoolean();
    private final AtomicInteger callsInFlight = new AtomicInteger();
    private volatile long quietSince = System.nanoTime();
    private boolean requestFinishedBefore;

    Lease(SessionPool pool, PoolKey key, PooledSession session, LeaseSlots slots, LeakDetector.Watch leakWatch) {
        this.pool = pool;
        this.key = key;
        this.session = session;
        this.slots = slots;
        this.leakWatch = leakWatch;
    }

    public PooledSession session() {
        return session;
    }

    public PoolKey key() {
        return key;
    }

    /** A call of the borrower's client starts on this lease: a client that is busy was not dropped. */
    public void callStarted() {
        callsInFlight.incrementAndGet();
    }

    /** A call of the borrower's client on this lease has ended, in any way. */
    public void callEnded() {
        if (callsInFlight.decrementAndGet() == 0) {
            quietSince = System.nanoTime();
        }
    }

    /** Whether no call has run on this lease for at least {@code nanos} before {@code now}. */
    boolean quietFor(long nanos, long now) {
        return callsInFlight.get() == 0 && now - quietSince >= nanos;
    }

    /**
     * Called by the borrower when a request on this lease has finished. A new session starts during its first request,
     * so that request tells whether the server started, and the leak-detection clock starts only after it: a slow
     * server start is not a leak.
     */
    public void requestFinished() {
        synchronized (this) {
            if (requestFinishedBefore) {
                return;
            }
            requestFinishedBefore = true;
        }
        leakWatch.start();
        pool.firstRequestFinished(this);
    }

    /**
     * Hands the session back: to the idle set when the lease left it reusable and it still works, else to be
     * destroyed. Only the first call counts.
     */
    public void release(LeaseEnd end) {
        if (released.compareAndSet(false, true)) {
            if (end == LeaseEnd.ABANDONED) {
                leakWatch.abandoned();
            } else {
                leakWatch.released();
            }
            pool.giveBack(this, end);
        }
    }

    /** The place among its key's maxPerKey that this lease holds until it is released. */
    LeaseSlots slots() {
        return slots;
    }
}
