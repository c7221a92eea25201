package dev.mcppool.jmx;

import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.ServerCounters;
import dev.mcppool.pool.SessionPool;
import javax.management.MalformedObjectNameException;
import javax.management.ObjectName;

/** The {@link ServerPoolMXBean} of one server key. */
final class ServerPoolMonitor implements ServerPoolMXBean {

    private final SessionPool pool;
    private final PoolKey key;
    private final TunableSettings tunable;

    ServerPoolMonitor(SessionPool pool, PoolKey key) {
        this.pool = pool;
        this.key = key;
        this.tunable = new TunableSettings(() -> pool.settingsOf(key),
                (option, value) -> pool.change(key, option, value));
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
    public String getSettings() {
        return tunable.describe();
    }

    @Override
    public int getMaxPerKey() {
        return tunable.maxPerKey();
    }

    @Override
    public void setMaxPerKey(int maxPerKey) {
        tunable.maxPerKey(maxPerKey);
    }

    @Override
    public int getMinIdle() {
        return tunable.minIdle();
    }

    @Override
    public void setMinIdle(int minIdle) {
        tunable.minIdle(minIdle);
    }

    @Override
    public long getMaxWaitMillis() {
        return tunable.maxWaitMillis();
    }

    @Override
    public void setMaxWaitMillis(long maxWaitMillis) {
        tunable.maxWaitMillis(maxWaitMillis);
    }

    @Override
    public long getValidationTimeoutMillis() {
        return tunable.validationTimeoutMillis();
    }

    @Override
    public void setValidationTimeoutMillis(long validationTimeoutMillis) {
        tunable.validationTimeoutMillis(validationTimeoutMillis);
    }

    @Override
    public long getLeakDetectionThresholdMillis() {
        return tunable.leakDetectionThresholdMillis();
    }

    @Override
    public void setLeakDetectionThresholdMillis(long leakDetectionThresholdMillis) {
        tunable.leakDetectionThresholdMillis(leakDetectionThresholdMillis);
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
