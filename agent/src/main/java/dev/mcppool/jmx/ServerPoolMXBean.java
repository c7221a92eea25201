package dev.mcppool.jmx;

/**
 * One server key of the pool, as its own MBean ({@code dev.mcppool:type=McpServerPool,name="<label> #<fingerprint>"}),
 * so that JConsole's tree shows each server. Labels are redacted: header and environment values never appear.
 */
public interface ServerPoolMXBean extends RunTimeSettings {

    /** The server's redacted label and its counts, as in the pool's {@code Servers} table. */
    ServerStats getStats();

    /** Every setting in force for this server (the pool's, then matching server options, then JMX changes). */
    String getSettings();

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
