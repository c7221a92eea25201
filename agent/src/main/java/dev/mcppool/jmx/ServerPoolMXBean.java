package dev.mcppool.jmx;

/**
 * One server key of the pool, as its own MBean ({@code dev.mcppool:type=McpServerPool,name="<label> #<fingerprint>"}),
 * so that JConsole's tree shows each server. Labels are redacted: header and environment values never appear.
 */
public interface ServerPoolMXBean {

    /** The server's redacted label and its counts, as in the pool's {@code Servers} table. */
    ServerStats getStats();

    int getActiveSessions();

    int getIdleSessions();

    int getWaitingThreads();

    /** Closes this server's idle sessions now; answers how many. */
    int evictIdleSessions();

    /** Retires this server's sessions: idle ones now, leased ones when they are returned. */
    void softEvictSessions();
}
