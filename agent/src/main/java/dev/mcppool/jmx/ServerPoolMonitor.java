package dev.mcppool.jmx;

import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.ServerCounters;
import dev.mcppool.pool.SessionPool;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The {@link ServerPoolMXBean} of one server key. */
final class ServerPoolMonitor extends RunTimeSettingsAttributes implements ServerPoolMXBean {

    private final SessionPool pool;
    private final PoolKey key;

    ServerPoolMonitor(SessionPool pool, PoolKey key) {
        super(() -> pool.settingsOf(key), (option, value) -> pool.change(key, option, value));
        this.pool = pool;
        this.key = key;
    }

    static ObjectName nameOf(PoolKey key) throws MalformedObjectNameException {
        return new ObjectName("dev.mcppool:type=McpServerPool,name=" + ObjectName.quote(key.toString()));
    }

    @Override
    public ServerStats getStats() {
        ServerCounters counters = pool.counters().get(key);
        return ServerStats.of(pool, key, counters != null ? counters : new ServerCounters());
    }

    @Override
    public int getActiveSessions() {
        return pool.activeCount(key);
    }

    @Override
    public int getIdleSessions() {
        return pool.idleCount(key);
    }

    @Override
    public int getWaitingThreads() {
        return pool.waiterCount(key);
    }

    @Override
    public int evictIdleSessions() {
        return pool.evictIdle(key::equals);
    }

    @Override
    public void softEvictSessions() {
        pool.softEvict(key::equals);
    }

    @Override
    public void clearSessions() {
        pool.clear(key::equals);
    }

    @Override
    public SessionInfo[] listSessions() {
        return pool.sessions().stream().filter(session -> session.key().equals(key)).map(SessionInfo::of)
                .toArray(SessionInfo[]::new);
    }
}
