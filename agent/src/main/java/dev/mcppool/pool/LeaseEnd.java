package dev.mcppool.pool;

/** How a lease ended, which decides whether its session may be lent again. */
public enum LeaseEnd {
    /** The borrower left nothing behind on the session. */
    CLEAN,
    /** The borrower changed session state that was undone before the return (unsubscribed what it subscribed). */
    RESET,
    /** The borrower changed session state that cannot be undone (the server's logging level): the session is destroyed. */
    TAINTED,
    /** A request failed in a way that leaves the session in doubt: the session is destroyed. */
    BROKEN,
    /**
     * The application dropped the client without closing it (it was garbage-collected): the session is destroyed, and
     * the drop is reported as a leak.
     */
    ABANDONED;

    boolean reusable() {
        return this == CLEAN || this == RESET;
    }
}
