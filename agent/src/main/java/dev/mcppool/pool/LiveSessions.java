package dev.mcppool.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every session the pool created whose server may still be running: starting, idle, leased or being destroyed; at
 * JVM exit {@link #terminateAll(Duration)} makes sure none of their server processes outlives the application.
 */
final class LiveSessions {

    private final Set<PooledSession> sessions = ConcurrentHashMap.newKeySet();
    /** Set once {@link #terminateAll} began: the grace of sessions that are registered after that. */
    private volatile Duration terminatingWithGrace;

    /**
     * Registers a session as soon as it exists, before its server starts. Once termination began, the session is
     * terminated here instead and false is returned: its creator must not start it.
     */
    boolean add(PooledSession session) {
        sessions.removeIf(PooledSession::isTerminated);
        sessions.add(session);
        Duration grace = terminatingWithGrace;
        // Whichever of this thread and terminateAll() removes the session terminates it, so it is ended exactly once.
        if (grace != null && sessions.remove(session)) {
            session.terminate(grace);
            return false;
        }
        return true;
    }

    void terminateAll(Duration grace) {
        terminatingWithGrace = grace;
        List<Thread> closers = new ArrayList<>();
        for (PooledSession session : sessions) {
            if (!sessions.remove(session)) {
                continue;
            }
            Thread closer = new Thread(() -> session.terminate(grace), "mcp-pool-shutdown");
            closer.setDaemon(true);
            closer.start();
            closers.add(closer);
        }
        long deadline = System.nanoTime() + grace.plusSeconds(1).toNanos();
        for (Thread closer : closers) {
            long remainingMillis = Math.max(1, (deadline - System.nanoTime()) / 1_000_000);
            try {
                closer.join(remainingMillis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
        }
    }
}
