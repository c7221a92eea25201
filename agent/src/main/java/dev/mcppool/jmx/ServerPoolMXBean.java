package dev.mcppool.jmx;

/**
 * One server key of the pool, as its own MBean ({@code dev.mcppool:type=McpServerPool,name="<label> #<fingerprint>"}),
 * so that JConsole's tree shows each server. Labels are redacted: header and environment values never appear.
 */
public interface ServerPoolMXBean {

    /** The server's redacted label and its counts, as in the pool's {@code Servers} table. */
    ServerStats getStats();

    /** Every setting in force for this server (the pool's, then matching server options, then JMX changes). */
    String getSettings();

    /** maxPerKey in force (writable, for this server only: takes effect at once; borrowers waiting are woken, idle sessions above it closed). */
    int getMaxPerKey();

    void setMaxPerKey(int maxPerKey);

    /** minIdle in force (writable, for this server only: raising it starts sessions for servers the pool can start on its own). */
    int getMinIdle();

    void setMinIdle(int minIdle);

    /** maxWait in force, in milliseconds (writable, for this server only: applies to borrows that start after the change). */
    long getMaxWaitMillis();

    void setMaxWaitMillis(long maxWaitMillis);

    /** validationTimeout in force, in milliseconds (writable, for this server only: applies to the next health check). */
    long getValidationTimeoutMillis();

    void setValidationTimeoutMillis(long validationTimeoutMillis);

    /** leakDetectionThreshold in force, in milliseconds; 0 is off (writable, for this server only: applies to leases that start after). */
    long getLeakDetectionThresholdMillis();

    void setLeakDetectionThresholdMillis(long leakDetectionThresholdMillis);

    int getActiveSessions();

    int getIdleSessions();

    int getWaitingThreads();

    /** Closes this server's idle sessions now; answers how many. */
    int evictIdleSessions();

    /** Retires this server's sessions: idle ones now, leased ones when they are returned. */
    void softEvictSessions();

    /** Soft evicts this server's sessions and closes its start breaker: the next borrower starts a new session. */
    void clearSessions();

    /** This server's pooled sessions, oldest first (as the pool's {@code listSessions()}). */
    SessionInfo[] listSessions();
}
