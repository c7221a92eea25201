package dev.mcppool.pool;

/** One borrower's use of a pooled session, from borrow to {@link #release(LeaseEnd)}. */
public final class Lease {

    private final SessionPool pool;
    private final PoolKey key;
    private final PooledSession session;
    private final LeakDetector.Watch leakWatch;
    private boolean requestFinishedBefore;

    Lease(SessionPool pool, PoolKey key, PooledSession session, LeakDetector.Watch leakWatch) {
        this.pool = pool;
        this.key = key;
        this.session = session;
        this.leakWatch = leakWatch;
    }

    public PooledSession session() {
        return session;
    }

    public PoolKey key() {
        return key;
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

    /** Hands the session back: to the idle set when the lease left it reusable and it still works, else to be destroyed. */
    public void release(LeaseEnd end) {
        leakWatch.released();
        pool.giveBack(this, end);
    }
}
