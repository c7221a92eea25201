package dev.mcppool.pool;

/** One borrower's use of a pooled session, from borrow to {@link #release(boolean)}. */
public final class Lease {

    private final SessionPool pool;
    private final PoolKey key;
    private final PooledSession session;
    private final LeakDetector.Watch leakWatch;
    private final boolean newSession;
    private boolean firstRequestFinished;

    Lease(SessionPool pool, PoolKey key, PooledSession session, LeakDetector.Watch leakWatch, boolean newSession) {
        this.pool = pool;
        this.key = key;
        this.session = session;
        this.leakWatch = leakWatch;
        this.newSession = newSession;
    }

    public PooledSession session() {
        return session;
    }

    public PoolKey key() {
        return key;
    }

    /**
     * Called by the borrower when a request on this lease has finished. Sessions start on their first request, so for
     * a new session the leak-detection clock starts again then: a slow server start is not a leak.
     */
    public synchronized void requestFinished() {
        if (newSession && !firstRequestFinished) {
            firstRequestFinished = true;
            leakWatch.restart();
        }
    }

    /** Hands the session back: to the idle set when {@code reusable} and still usable, otherwise to be destroyed. */
    public void release(boolean reusable) {
        leakWatch.released();
        pool.giveBack(this, reusable);
    }
}
