package dev.mcppool.pool;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Every session the pool created whose server may still be running, idle, leased or being destroyed; at JVM exit
 * {@link #terminateAll(Duration)} makes sure none of their server processes outlives the application.
 */
final class LiveSessions {

    private final Set<PooledSession> sessions = ConcurrentHashMap.newKeySet();

    void add(PooledSession session) {
        sessions.removeIf(PooledSession::isTerminated);
        sessions.add(session);
    }

    void terminateAll(Duration grace) {
        List<Thread> closers = new ArrayList<>();
        for (PooledSession session : sessions) {
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
        sessions.clear();
    }
}
