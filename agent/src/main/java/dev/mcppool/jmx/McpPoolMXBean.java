package dev.mcppool.jmx;

/**
 * The pool as JConsole shows it, registered as {@value PoolMonitor#OBJECT_NAME}. Counts are totals since the agent
 * started; active, idle and waiting are point-in-time readings and need not add up.
 */
public interface McpPoolMXBean extends RunTimeSettings {

    String getVersion();

    boolean isEnabled();

    /**
     * The pool's settings; a server may differ where a server option or a JMX change on its own MBean says so (the
     * Servers table's {@code overrides} column).
     */
    String getSettings();

    int getActiveSessions();

    int getIdleSessions();

    int getWaitingThreads();

    long getCreatedSessions();

    long getDestroyedSessions();

    long getBorrowedCount();

    long getReturnedCount();

    long getValidationFailures();

    /** Sessions closed because they reached maxLifetime. */
    long getRetiredSessions();

    /** Leases held longer than leakDetectionThreshold (0 while leak detection is off). */
    long getLeakedLeases();

    /** Leases whose resource subscriptions were undone (unsubscribed) before their session went back to the pool. */
    long getLeaseResets();

    /** Sessions destroyed on return because their lease changed what cannot be undone (logging level, roots). */
    long getTaintedSessions();

    double getMeanBorrowWaitMillis();

    double getMaxBorrowWaitMillis();

    /**
     * One row per server key that has sessions (or threads waiting for one); labels are redacted (header and
     * environment values never appear).
     */
    ServerStats[] getServers();

    /** Whether borrowing is suspended: borrowers wait (at most maxWait) until {@link #resumePool()}. */
    boolean isSuspended();

    /** Closes every idle session now (leased ones are left alone); returns how many were closed. */
    int evictIdleSessions();

    /**
     * Closes the idle sessions of one server now; {@code server} is its {@code fingerprint} or its {@code server}
     * label from the Servers table. Returns how many were closed.
     */
    int evictIdleSessionsOf(String server);

    /** Retires every session: idle ones now, leased ones when the application returns them (HikariCP's soft evict). */
    void softEvictSessions();

    /** Soft evict for one server ({@code fingerprint} or {@code server} label from the Servers table). */
    void softEvictSessionsOf(String server);

    /**
     * Starts one server afresh ({@code fingerprint} or {@code server} label): its sessions are soft evicted (idle ones
     * closed now, leased ones when returned) and its start breaker is closed, so the next borrower starts a new one.
     */
    void clearSessionsOf(String server);

    /**
     * Every pooled session, oldest first: server label, state (idle/leased), age, idle time, times lent, the stdio
     * server's process id and the HTTP session id (shortened). Never a secret.
     */
    SessionInfo[] listSessions();

    /** Borrowers wait, at most maxWait each, until {@link #resumePool()}; sessions in use are not affected. */
    void suspendPool();

    void resumePool();
}
