package dev.mcppool.jmx;

/**
 * The pool as JConsole shows it, registered as {@value PoolMonitor#OBJECT_NAME}. Counts are totals since the agent
 * started; active, idle and waiting are point-in-time readings and need not add up.
 */
public interface McpPoolMXBean {

    String getVersion();

    boolean isEnabled();

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
}
