package dev.mcppool.pool;

/** How a lease ended, which decides whether its session may be lent again. */
public enum LeaseEnd {
    /** The borrower left nothing behind on the session. */
    CLEAN,
    /** The borrower changed session state that was undone before the return (unsubscribed what it subscribed). */
    RESET,
    /** The borrower changed session state that cannot be undone (the server's logging level): the session is destroyed. */
    TAINTED,
    /** A request failed in a way that leaves the session in doubt, or the client was dropped: the session is destroyed. */
    BROKEN;

    boolean reusable() {
        return this == CLEAN || this == RESET;
    }
}
