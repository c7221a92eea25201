package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * The keyed pool of MCP sessions, library-agnostic: borrowers bring a {@link PoolKey} and a {@link SessionCreator}
 * for the case that no idle session is there. Backed by commons-pool2 with defaults chosen for MCP sessions.
 */
public final class SessionPool implements AutoCloseable {

    private static final ThreadLocal<SessionCreator> CREATOR_FOR_THIS_BORROW = new ThreadLocal<>();
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);

    private final PoolSettings settings;
    private final ConcurrentMap<PoolKey, ServerCounters> counters = new ConcurrentHashMap<>();
    private final LiveSessions liveSessions = new LiveSessions();
    private final GenericKeyedObjectPool<PoolKey, PooledSession> pool;

    public SessionPool(PoolSettings settings) {
        this.settings = settings;
        this.pool = new GenericKeyedObjectPool<>(new SessionLifecycle(settings, this::countersFor, liveSessions,
                CREATOR_FOR_THIS_BORROW::get), poolConfig(settings));
        pool.setSwallowedExceptionListener(e -> AgentLog.warn("mcp-pool: background pool task failed: " + e, e));
    }

    private static GenericKeyedObjectPoolConfig<PooledSession> poolConfig(PoolSettings settings) {
        GenericKeyedObjectPoolConfig<PooledSession> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(settings.maxPerKey());
        config.setMaxIdlePerKey(settings.maxPerKey());
        config.setMinIdlePerKey(0);
        config.setMaxTotal(settings.maxTotal());
        config.setBlockWhenExhausted(true);
        config.setMaxWait(settings.maxWait());
        config.setLifo(true);
        config.setTestOnBorrow(true);
        config.setTestWhileIdle(true);
        config.setTimeBetweenEvictionRuns(PoolSettings.EVICTION_INTERVAL);
        config.setNumTestsPerEvictionRun(-1);
        // Hard idle eviction ignores minIdle; only the soft one is used.
        config.setMinEvictableIdleDuration(Duration.ofMillis(-1));
        config.setSoftMinEvictableIdleDuration(settings.idleTimeout());
        config.setJmxEnabled(false);
        return config;
    }

    /** Borrows an idle session for {@code key}, or creates one with {@code creator}, waiting at most maxWait for room. */
    public Lease borrow(PoolKey key, SessionCreator creator) throws Exception {
        long start = System.nanoTime();
        CREATOR_FOR_THIS_BORROW.set(creator);
        try {
            PooledSession session = pool.borrowObject(key, settings.maxWait());
            countersFor(key).recordBorrowed(System.nanoTime() - start);
            return new Lease(this, key, session);
        } catch (NoSuchElementException e) {
            throw exhausted(key);
        } finally {
            CREATOR_FOR_THIS_BORROW.remove();
        }
    }

    void giveBack(Lease lease, boolean reusable) {
        PoolKey key = lease.key();
        PooledSession session = lease.session();
        try {
            if (reusable && session.isUsable() && !pool.isClosed()) {
                countersFor(key).recordReturned();
                pool.returnObject(key, session);
            } else {
                pool.invalidateObject(key, session);
            }
        } catch (Exception e) {
            AgentLog.warn("mcp-pool: could not hand back a session of " + key + ": " + e);
            session.close();
        }
    }

    private PoolExhaustedException exhausted(PoolKey key) {
        Integer waiters = pool.getNumWaitersByKey().get(key.toString());
        int active = pool.getNumActive(key);
        String totalLimit = pool.getNumActive() >= settings.maxTotal()
                ? "; all servers together use " + pool.getNumActive() + " of maxTotal=" + settings.maxTotal()
                : "";
        return new PoolExhaustedException("mcp-pool: no MCP session for server '" + key + "' became free within "
                + settings.maxWait().toMillis() + " ms: " + active + " of maxPerKey=" + settings.maxPerKey()
                + " sessions are in use, " + pool.getNumIdle(key) + " idle, "
                + (waiters == null ? 0 : waiters) + " other threads waiting" + totalLimit
                + " (raise maxPerKey or maxWait, or close clients sooner)");
    }

    public ServerCounters countersFor(PoolKey key) {
        return counters.computeIfAbsent(key, k -> new ServerCounters());
    }

    public Map<PoolKey, ServerCounters> counters() {
        return Collections.unmodifiableMap(counters);
    }

    public int activeCount() {
        return pool.getNumActive();
    }

    public int idleCount() {
        return pool.getNumIdle();
    }

    public int waiterCount() {
        return pool.getNumWaiters();
    }

    public int activeCount(PoolKey key) {
        return pool.getNumActive(key);
    }

    public int idleCount(PoolKey key) {
        return pool.getNumIdle(key);
    }

    public int waiterCount(PoolKey key) {
        Integer waiters = pool.getNumWaitersByKey().get(key.toString());
        return waiters == null ? 0 : waiters;
    }

    public PoolSettings settings() {
        return settings;
    }

    /** Destroys idle sessions and terminates every session still alive, leased ones included (JVM shutdown). */
    @Override
    public void close() {
        pool.close();
        liveSessions.terminateAll(SHUTDOWN_GRACE);
    }
}
