package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.util.Collections;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * The keyed pool of MCP sessions, library-agnostic: borrowers bring a {@link PoolKey} and a {@link SessionCreator}
 * for the case that no idle session is there. Backed by commons-pool2 with defaults chosen for MCP sessions.
 */
public final class SessionPool implements AutoCloseable {

    private static final ThreadLocal<SessionCreator> CREATOR_FOR_THIS_BORROW = new ThreadLocal<>();
    /** When the health checks of this borrow must have ended: maxWait + validationTimeout after it began. */
    private static final ThreadLocal<Long> VALIDATION_DEADLINE_FOR_THIS_BORROW = new ThreadLocal<>();
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final long WAIT_SLICE_NANOS = Duration.ofMillis(50).toNanos();

    private final PoolSettings settings;
    private final ConcurrentMap<PoolKey, ServerCounters> counters = new ConcurrentHashMap<>();
    private final ServerCounters totals = new ServerCounters();
    /** Borrowers that found no session free and are waiting; counted here because they wait in slices. */
    private final ConcurrentMap<PoolKey, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final LiveSessions liveSessions = new LiveSessions();
    private final LeakDetector leakDetector;
    private final ConcurrentMap<PoolKey, SessionCreator> templates = new ConcurrentHashMap<>();
    private ScheduledExecutorService warmer;
    private volatile boolean suspended;
    private volatile KeyListener keyListener = KeyListener.NONE;

    /** Told when a server key enters the per-server table and when it is forgotten (for per-server MBeans). */
    public interface KeyListener {
        KeyListener NONE = new KeyListener() {
            @Override
            public void added(PoolKey key) {
            }

            @Override
            public void removed(PoolKey key) {
            }
        };

        void added(PoolKey key);

        void removed(PoolKey key);
    }
    private final SessionLifecycle lifecycle;
    private final GenericKeyedObjectPool<PoolKey, PooledSession> pool;

    public SessionPool(PoolSettings settings) {
        this.settings = settings;
        this.leakDetector = new LeakDetector(settings.leakDetectionThreshold());
        this.lifecycle = new SessionLifecycle(settings, this::countersFor, totals, liveSessions,
                CREATOR_FOR_THIS_BORROW::get, templates::get, VALIDATION_DEADLINE_FOR_THIS_BORROW::get);
        this.pool = new GenericKeyedObjectPool<>(lifecycle, poolConfig(settings));
        pool.setEvictionPolicy(new IdleTimeoutPolicy(settings.idleTimeout(), settings.minIdle()));
        pool.setSwallowedExceptionListener(e -> {
            if (!(e instanceof SessionLifecycle.NoCreatorException)) {
                AgentLog.warn("mcp-pool: background pool task failed: " + e, e);
            }
        });
    }

    private static GenericKeyedObjectPoolConfig<PooledSession> poolConfig(PoolSettings settings) {
        GenericKeyedObjectPoolConfig<PooledSession> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(settings.maxPerKey());
        config.setMaxIdlePerKey(settings.maxPerKey());
        config.setMaxTotal(settings.maxTotal());
        config.setBlockWhenExhausted(true);
        config.setMaxWait(settings.maxWait());
        config.setLifo(true);
        config.setTestOnBorrow(true);
        config.setTestWhileIdle(true);
        config.setTimeBetweenEvictionRuns(settings.maintenanceInterval());
        config.setNumTestsPerEvictionRun(-1);
        config.setJmxEnabled(false);
        // Capacity freed on return would be offered to other keys' waiters from a thread without their creator.
        config.setReuseCapacityOnReturn(false);
        return config;
    }

    /**
     * Borrows an idle session for {@code key}, or creates one with {@code creator}, waiting at most maxWait for room.
     *
     * <p>commons-pool2 creates a session for a waiting thread only from the thread that frees capacity, which has no
     * creator for this borrower; so the wait is cut into short slices, and each slice retries creation itself.
     */
    public Lease borrow(PoolKey key, SessionCreator creator) throws Exception {
        long start = System.nanoTime();
        long deadline = start + settings.maxWait().toNanos();
        CREATOR_FOR_THIS_BORROW.set(creator);
        VALIDATION_DEADLINE_FOR_THIS_BORROW.set(deadline + settings.validationTimeout().toNanos());
        AtomicInteger waitingForKey = null;
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw exhausted(key, waitingForKey == null ? 0 : waitingForKey.get() - 1);
                }
                if (suspended) {
                    if (waitingForKey == null) {
                        waitingForKey = countWaiter(key);
                    }
                    TimeUnit.NANOSECONDS.sleep(Math.min(remaining, WAIT_SLICE_NANOS));
                    continue;
                }
                try {
                    PooledSession session = pool.borrowObject(key,
                            Duration.ofNanos(Math.min(remaining, WAIT_SLICE_NANOS)));
                    try {
                        ServerCounters counters = countersFor(key);
                        counters.recordBorrowed(System.nanoTime() - start);
                        totals.recordBorrowed(System.nanoTime() - start);
                        return new Lease(this, key, session,
                                leakDetector.watch(key, counters, totals, !lifecycle.isNew(session)));
                    } catch (RuntimeException e) {
                        pool.invalidateObject(key, session);
                        throw e;
                    }
                } catch (NoSuchElementException e) {
                    if (e.getMessage() == null || !e.getMessage().startsWith("Timeout waiting for idle object")) {
                        throw e;
                    }
                    if (waitingForKey == null) {
                        waitingForKey = countWaiter(key);
                    }
                }
            }
        } finally {
            if (waitingForKey != null) {
                waitingForKey.decrementAndGet();
            }
            CREATOR_FOR_THIS_BORROW.remove();
            VALIDATION_DEADLINE_FOR_THIS_BORROW.remove();
        }
    }

    private AtomicInteger countWaiter(PoolKey key) {
        return waiting.compute(key, (k, waiters) -> {
            AtomicInteger counted = waiters == null ? new AtomicInteger() : waiters;
            counted.incrementAndGet();
            return counted;
        });
    }

    /** Whether sessions for {@code key} can be created without a borrower (needed only with minIdle &gt; 0). */
    public boolean needsTemplate(PoolKey key) {
        return settings.minIdle() > 0 && !templates.containsKey(key) && !pool.isClosed();
    }

    /**
     * Lets the pool create started sessions for {@code key} on its own, to keep minIdle of them warm; with prewarm,
     * they are created now, in the background. commons-pool2 forgets a key once its sessions are gone, so the floor
     * is kept by this pool's own maintenance, the only thing that refills it.
     */
    public void registerTemplate(PoolKey key, SessionCreator template) {
        if (templates.putIfAbsent(key, template) == null) {
            ScheduledExecutorService warmer = warmer();
            if (settings.prewarm()) {
                warmer.execute(() -> keepWarm(key));
            }
        }
    }

    private synchronized ScheduledExecutorService warmer() {
        if (warmer == null) {
            warmer = Executors.newSingleThreadScheduledExecutor(task -> {
                Thread thread = new Thread(task, "mcp-pool-warmer");
                thread.setDaemon(true);
                return thread;
            });
            long interval = settings.maintenanceInterval().toMillis();
            warmer.scheduleWithFixedDelay(() -> templates.keySet().forEach(this::keepWarm), interval, interval,
                    TimeUnit.MILLISECONDS);
        }
        return warmer;
    }

    /** Runs only on the warmer thread, so that two refills never both count the same gap. */
    private void keepWarm(PoolKey key) {
        try {
            for (int missing = settings.minIdle() - pool.getNumIdle(key); missing > 0; missing--) {
                pool.addObject(key);
            }
        } catch (ServerUnavailableException e) {
            AgentLog.debug("mcp-pool: not warming " + key + " while its breaker is open");
        } catch (Exception e) {
            AgentLog.warnOnce("mcp-pool: could not start a warm session for " + key + " (" + e + ")");
        }
    }

    /** The first request of a lease finished; for a new session, that tells whether its server started. */
    void firstRequestFinished(Lease lease) {
        lifecycle.firstRequestFinished(lease.session(), Thread.currentThread().isInterrupted());
    }

    void giveBack(Lease lease, LeaseEnd end) {
        PoolKey key = lease.key();
        PooledSession session = lease.session();
        try {
            boolean usable = session.isUsable();
            lifecycle.leaseEnded(session);
            if (end == LeaseEnd.RESET) {
                countersFor(key).recordReset();
                totals.recordReset();
            } else if (end == LeaseEnd.TAINTED) {
                countersFor(key).recordTainted();
                totals.recordTainted();
            }
            if (end.reusable() && usable && !pool.isClosed()) {
                countersFor(key).recordReturned();
                totals.recordReturned();
                if (lifecycle.isRetired(session)) {
                    countersFor(key).recordRetired();
                    totals.recordRetired();
                    pool.invalidateObject(key, session);
                } else {
                    pool.returnObject(key, session);
                }
            } else {
                pool.invalidateObject(key, session);
            }
        } catch (Exception e) {
            AgentLog.warn("mcp-pool: could not hand back a session of " + key + ": " + e);
            session.close();
        }
    }

    /**
     * Closes the idle sessions of the keys {@code which} accepts now (leased ones are left alone); returns how many.
     * With minIdle, the pool's maintenance starts new ones.
     */
    public int evictIdle(Predicate<PoolKey> which) {
        int evicted = 0;
        for (PoolKey key : counters.keySet()) {
            if (which.test(key)) {
                evicted += pool.getNumIdle(key);
                pool.clear(key);
            }
        }
        return evicted;
    }

    /** Retires every session of the keys {@code which} accepts: idle ones now, leased ones when they come back. */
    public void softEvict(Predicate<PoolKey> which) {
        lifecycle.retireNow(which);
        evictIdle(which);
    }

    /** Borrowers wait (at most maxWait, then they fail naming the suspension) until {@link #resume()}. */
    public void suspend() {
        suspended = true;
        AgentLog.info("mcp-pool: borrowing suspended (JMX resume() lets it go on)");
    }

    public void resume() {
        suspended = false;
        AgentLog.info("mcp-pool: borrowing resumed");
    }

    public boolean isSuspended() {
        return suspended;
    }

    private PoolExhaustedException exhausted(PoolKey key, int otherWaiters) {
        if (suspended) {
            return new PoolExhaustedException("mcp-pool: no MCP session for server '" + key + "' within "
                    + settings.maxWait().toMillis() + " ms: borrowing is suspended (JMX resume() lets it go on), "
                    + otherWaiters + " other threads waiting");
        }
        int active = pool.getNumActive(key);
        String totalLimit = pool.getNumActive() >= settings.maxTotal()
                ? "; all servers together use " + pool.getNumActive() + " of maxTotal=" + settings.maxTotal()
                : "";
        return new PoolExhaustedException("mcp-pool: no MCP session for server '" + key + "' became free within "
                + settings.maxWait().toMillis() + " ms: " + active + " of maxPerKey=" + settings.maxPerKey()
                + " sessions are in use, " + pool.getNumIdle(key) + " idle, "
                + otherWaiters + " other threads waiting" + totalLimit
                + " (raise maxPerKey or maxWait, or close clients sooner)");
    }

    public ServerCounters countersFor(PoolKey key) {
        ServerCounters existing = counters.get(key);
        if (existing != null) {
            return existing;
        }
        forgetQuietKeys();
        ServerCounters fresh = new ServerCounters();
        ServerCounters raced = counters.putIfAbsent(key, fresh);
        if (raced != null) {
            return raced;
        }
        keyListener.added(key);
        return fresh;
    }

    /** Tells {@code listener} of the keys already in the table and of every key added or forgotten from now on. */
    public void setKeyListener(KeyListener listener) {
        keyListener = listener;
        counters.keySet().forEach(listener::added);
    }

    /** Per-server counts of the keys that have sessions (keys are forgotten when their last session is gone). */
    public Map<PoolKey, ServerCounters> counters() {
        return Collections.unmodifiableMap(counters);
    }

    /** Counts over all keys since the agent started. */
    public ServerCounters totals() {
        return totals;
    }

    /**
     * Keeps the per-key table bounded when keys come and go (e.g. one per rotating credential): a key without sessions
     * or waiters and without activity for the idle timeout is forgotten.
     */
    private void forgetQuietKeys() {
        long quietSince = System.nanoTime() - settings.idleTimeout().toNanos();
        counters.entrySet().removeIf(entry -> {
            PoolKey key = entry.getKey();
            boolean quiet = entry.getValue().lastActivityNanos() - quietSince < 0 && lifecycle.breakerClosed(key)
                    && pool.getNumActive(key) + pool.getNumIdle(key) == 0 && waiterCount(key) == 0;
            if (quiet) {
                lifecycle.forget(key);
                templates.remove(key);
                waiting.computeIfPresent(key, (k, waiters) -> waiters.get() == 0 ? null : waiters);
                keyListener.removed(key);
            }
            return quiet;
        });
    }

    public int activeCount() {
        return pool.getNumActive();
    }

    public int idleCount() {
        return pool.getNumIdle();
    }

    public int waiterCount() {
        return waiting.values().stream().mapToInt(AtomicInteger::get).sum();
    }

    public int activeCount(PoolKey key) {
        return pool.getNumActive(key);
    }

    public int idleCount(PoolKey key) {
        return pool.getNumIdle(key);
    }

    public int waiterCount(PoolKey key) {
        AtomicInteger waiters = waiting.get(key);
        return waiters == null ? 0 : waiters.get();
    }

    /** The create-failure breaker of a key: {@code closed}, {@code half-open} or {@code open (N s left)}. */
    public String breakerState(PoolKey key) {
        return lifecycle.breakerState(key);
    }

    /** New sessions of a key that failed to start (spawn or initialize), in total. */
    public long startFailures(PoolKey key) {
        return lifecycle.startFailures(key);
    }

    /** For tests: how long {@code session} has left before it is retired, or null when lifetime is unlimited. */
    Duration remainingLifetime(PooledSession session) {
        return lifecycle.remainingLifetime(session);
    }

    public PoolSettings settings() {
        return settings;
    }

    /** Destroys idle sessions and terminates every session still alive, leased ones included (JVM shutdown). */
    @Override
    public void close() {
        synchronized (this) {
            if (warmer != null) {
                warmer.shutdownNow();
            }
        }
        leakDetector.close();
        pool.close();
        liveSessions.terminateAll(SHUTDOWN_GRACE);
    }
}
