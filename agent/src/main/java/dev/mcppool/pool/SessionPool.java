package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.config.ServerRule;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Predicate;
import org.apache.commons.pool2.impl.GenericKeyedObjectPool;
import org.apache.commons.pool2.impl.GenericKeyedObjectPoolConfig;

/**
 * The keyed pool of MCP sessions, library-agnostic: borrowers bring a {@link PoolKey} and a {@link SessionCreator}
 * for the case that no idle session is there. Backed by commons-pool2 with defaults chosen for MCP sessions.
 */
public final class SessionPool implements AutoCloseable {

    /** The key and creator of the borrow running on this thread: its creator may create sessions for that key only. */
    private static final ThreadLocal<Borrowing> BORROWING = new ThreadLocal<>();
    /** When the health checks of this borrow must have ended: maxWait + validationTimeout after it began. */
    private static final ThreadLocal<Long> VALIDATION_DEADLINE_FOR_THIS_BORROW = new ThreadLocal<>();
    private static final Duration SHUTDOWN_GRACE = Duration.ofSeconds(3);
    private static final long WAIT_SLICE_NANOS = Duration.ofMillis(50).toNanos();
    private static final long NO_ROOM_RETRY_NANOS = Duration.ofMillis(1).toNanos();

    private final KeySettings settings;
    private final PoolEvents events;
    private final ConcurrentMap<PoolKey, ServerCounters> counters = new ConcurrentHashMap<>();
    /**
     * The first instance of each key in the table: a borrow looks its key up a dozen times (here and in commons-pool2),
     * and each lookup of an equal but other instance compares the whole identity list.
     */
    private final ConcurrentMap<PoolKey, PoolKey> knownKeys = new ConcurrentHashMap<>();
    private final ServerCounters totals = new ServerCounters();
    /** Borrowers that found no session free and are waiting; counted here because they wait in slices. */
    private final ConcurrentMap<PoolKey, AtomicInteger> waiting = new ConcurrentHashMap<>();
    private final ConcurrentMap<PoolKey, LeaseSlots> slots = new ConcurrentHashMap<>();
    private final LiveSessions liveSessions = new LiveSessions();
    private final LeakDetector leakDetector;
    private final AbandonedLeases abandoned = new AbandonedLeases();
    private final ConcurrentMap<PoolKey, SessionCreator> templates = new ConcurrentHashMap<>();
    private ScheduledExecutorService warmer;
    private volatile boolean suspended;
    private final ReentrantLock forgetting = new ReentrantLock();
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

    /**
     * A pool with {@code settings} for all servers but those {@code serverRules} match; {@code events} hears of
     * sessions created and destroyed, borrows, failed validations and leaks.
     */
    public SessionPool(PoolSettings settings, List<ServerRule> serverRules, PoolEvents events) {
        this.settings = new KeySettings(settings, serverRules);
        this.events = events;
        this.leakDetector = new LeakDetector(events);
        this.lifecycle = new SessionLifecycle(this.settings, events, this::countersFor, totals, liveSessions,
                SessionPool::creatorOfThisBorrow, this::templateOffBorrowersThreads,
                VALIDATION_DEADLINE_FOR_THIS_BORROW::get);
        this.pool = new GenericKeyedObjectPool<>(lifecycle,
                poolConfig(settings, this.settings.shortestMaintenanceInterval()));
        pool.setEvictionPolicy(new IdleEvictionPolicy(lifecycle, this.settings));
        pool.setSwallowedExceptionListener(e -> {
            if (!(e instanceof SessionLifecycle.NoCreatorException) && !(e instanceof SessionLifecycle.NoRoomYet)) {
                AgentLog.warn("mcp-pool: background pool task failed: " + e, e);
            }
        });
    }

    /**
     * The limits are this pool's own: maxPerKey by {@link LeaseSlots} and the lifecycle's per-key count, since they
     * differ by server and may change, and maxTotal by the lifecycle's count of all sessions, so that commons-pool2
     * never waits for capacity (it would tell of a timeout only by its exception's message).
     */
    private static GenericKeyedObjectPoolConfig<PooledSession> poolConfig(PoolSettings settings,
                                                                          Duration maintenanceInterval) {
        GenericKeyedObjectPoolConfig<PooledSession> config = new GenericKeyedObjectPoolConfig<>();
        config.setMaxTotalPerKey(-1);
        config.setMaxIdlePerKey(settings.maxTotal());
        config.setMaxTotal(-1);
        config.setBlockWhenExhausted(false);
        config.setLifo(true);
        config.setTestOnBorrow(true);
        config.setTestWhileIdle(true);
        config.setTimeBetweenEvictionRuns(maintenanceInterval);
        config.setNumTestsPerEvictionRun(-1);
        config.setJmxEnabled(false);
        return config;
    }

    /**
     * Borrows an idle session for {@code key}, or creates one with {@code creator}, waiting at most maxWait for room.
     *
     * <p>Only this thread can create with {@code creator}, and commons-pool2, which has no limits here, never waits;
     * so the wait for room is this pool's own, cut into short slices that each retry the borrow.
     */
    public Lease borrow(PoolKey requestedKey, SessionCreator creator) throws Exception {
        PoolKey key = knownInstanceOf(requestedKey);
        PoolSettings keySettings = settings.of(key);
        long start = System.nanoTime();
        long deadline = start + keySettings.maxWait().toNanos();
        BORROWING.set(new Borrowing(key, creator));
        VALIDATION_DEADLINE_FOR_THIS_BORROW.set(deadline + keySettings.validationTimeout().toNanos());
        AtomicInteger waitingForKey = null;
        try {
            while (true) {
                long remaining = deadline - System.nanoTime();
                if (remaining <= 0) {
                    throw exhausted(key, keySettings, waitingForKey == null ? 0 : waitingForKey.get() - 1);
                }
                long slice = Math.min(remaining, WAIT_SLICE_NANOS);
                if (suspended) {
                    waitingForKey = waitingForKey != null ? waitingForKey : countWaiter(key);
                    TimeUnit.NANOSECONDS.sleep(slice);
                    continue;
                }
                LeaseSlots keySlots = slotsOf(key);
                boolean room = keySlots.take(() -> settings.of(key).maxPerKey(), 0);
                if (!room) {
                    abandoned.reclaimFor(key, System.nanoTime() - start, keySettings.maxWait().toNanos());
                    room = keySlots.take(() -> settings.of(key).maxPerKey(), slice);
                }
                if (!room) {
                    if (!keySlots.isForgotten()) {
                        waitingForKey = waitingForKey != null ? waitingForKey : countWaiter(key);
                    }
                    continue;
                }
                Lease lease = null;
                try {
                    lease = lendFromPool(key, keySlots, start);
                    return lease;
                } catch (SessionLifecycle.NoRoomYet e) {
                    if (e.maxTotalReached) {
                        waitingForKey = waitingForKey != null ? waitingForKey : countWaiter(key);
                        abandoned.reclaimFor(key, System.nanoTime() - start, keySettings.maxWait().toNanos());
                        if (pool.getNumIdle() > 0) {
                            // an idle session of another server makes room, as commons-pool2 does at its own limit
                            pool.clearOldest();
                        }
                        lifecycle.awaitRoomFreedSince(e, slice);
                    } else {
                        // the key's idle session is out of the idle queue for a moment; it is back within a ping
                        TimeUnit.NANOSECONDS.sleep(Math.min(slice, NO_ROOM_RETRY_NANOS));
                    }
                } finally {
                    if (lease == null) {
                        keySlots.give();
                    }
                }
            }
        } finally {
            if (waitingForKey != null) {
                waitingForKey.decrementAndGet();
            }
            BORROWING.remove();
            VALIDATION_DEADLINE_FOR_THIS_BORROW.remove();
        }
    }

    /** The instance of {@code key} the table holds (entering it if new), so that later lookups compare by identity. */
    private PoolKey knownInstanceOf(PoolKey key) {
        PoolKey known = knownKeys.get(key);
        if (known == null) {
            PoolKey raced = knownKeys.putIfAbsent(key, key);
            known = raced != null ? raced : key;
        }
        countersFor(known);
        return known;
    }

    private record Borrowing(PoolKey key, SessionCreator creator) {
    }

    /**
     * Only the borrower's thread knows its creator: commons-pool2 hands its factory nothing but the key, and borrowers
     * of one key bring creators of their own (each donates its client's transport). Should commons-pool2 ever create
     * a session for another key from this thread, this borrower's creator must not build it.
     */
    private static SessionCreator creatorOfThisBorrow(PoolKey key) {
        Borrowing borrowing = BORROWING.get();
        return borrowing != null && borrowing.key().equals(key) ? borrowing.creator() : null;
    }

    /**
     * A template starts a server, which no borrower must wait for: templates create only on threads that borrow
     * nothing. commons-pool2 has no limits here, so it creates only for a borrower of the key or when the warmer adds
     * a session ({@link #keepWarm}).
     */
    private SessionCreator templateOffBorrowersThreads(PoolKey key) {
        return BORROWING.get() == null ? templates.get(key) : null;
    }

    private Lease lendFromPool(PoolKey key, LeaseSlots keySlots, long borrowStart) throws Exception {
        PooledSession session = pool.borrowObject(key);
        try {
            boolean created = lifecycle.isNew(session);
            Duration wait = Duration.ofNanos(System.nanoTime() - borrowStart);
            ServerCounters counters = countersFor(key);
            counters.recordBorrowed(wait.toNanos());
            totals.recordBorrowed(wait.toNanos());
            lifecycle.lent(session);
            events.borrowed(key, wait, !created);
            Lease lease = new Lease(this, key, session, keySlots,
                    leakDetector.watch(key, counters, totals, !created, settings.of(key).leakDetectionThreshold()));
            abandoned.lent(lease);
            return lease;
        } catch (RuntimeException e) {
            destroy(key, session, DestroyReason.OTHER);
            throw e;
        }
    }

    private LeaseSlots slotsOf(PoolKey key) {
        LeaseSlots existing = slots.get(key);
        return existing != null ? existing : slots.computeIfAbsent(key, k -> new LeaseSlots());
    }

    private AtomicInteger countWaiter(PoolKey key) {
        return waiting.compute(key, (k, waiters) -> {
            AtomicInteger counted = waiters == null ? new AtomicInteger() : waiters;
            counted.incrementAndGet();
            return counted;
        });
    }

    /**
     * {@code reclaim} hands back the leases of an adapter's clients that the application dropped without closing and
     * that were garbage-collected; run when a borrower finds no room ({@link AbandonedLeases}).
     */
    public void reclaimAbandonedLeasesWith(Runnable reclaim) {
        abandoned.addReclaimer(reclaim);
    }

    /** Whether the pool has no way yet to create sessions for {@code key} without a borrower (for minIdle). */
    public boolean needsTemplate(PoolKey key) {
        return !templates.containsKey(key) && !pool.isClosed();
    }

    /**
     * Lets the pool create started sessions for {@code key} on its own, to keep minIdle of them warm (also once minIdle
     * is raised over JMX); with prewarm, they are created now, in the background. commons-pool2 forgets a key once its
     * sessions are gone, so the floor is kept by this pool's own maintenance, the only thing that refills it.
     */
    public void registerTemplate(PoolKey key, SessionCreator template) {
        if (templates.putIfAbsent(key, template) == null) {
            PoolSettings keySettings = settings.of(key);
            if (keySettings.minIdle() > 0) {
                ScheduledExecutorService warmer = warmer();
                if (keySettings.prewarm()) {
                    warmer.execute(() -> keepWarm(key));
                }
            }
        }
    }

    private synchronized ScheduledExecutorService warmer() {
        if (warmer == null) {
            warmer = Executors.newSingleThreadScheduledExecutor(task -> {
                // created on some borrower's thread: it must not inherit that user's inheritable thread-locals
                Thread thread = new Thread(null, task, "mcp-pool-warmer", 0, false);
                thread.setDaemon(true);
                return thread;
            });
            long interval = settings.shortestMaintenanceInterval().toMillis();
            warmer.scheduleWithFixedDelay(() -> templates.keySet().forEach(this::keepWarm), interval, interval,
                    TimeUnit.MILLISECONDS);
        }
        return warmer;
    }

    /** Runs only on the warmer thread, so that two refills never both count the same gap. */
    private void keepWarm(PoolKey key) {
        try {
            PoolSettings keySettings = settings.of(key);
            int belowFloor = keySettings.minIdle() - pool.getNumIdle(key);
            int belowLimit = keySettings.maxPerKey() - lifecycle.sessionsOf(key);
            for (int missing = Math.min(belowFloor, belowLimit); missing > 0; missing--) {
                pool.addObject(key);
            }
        } catch (SessionLifecycle.NoRoomYet e) {
            // borrowers created the rest meanwhile, or all servers together have maxTotal sessions
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
        abandoned.ended(lease);
        PoolKey key = lease.key();
        PooledSession session = lease.session();
        try {
            boolean usable = session.isUsable();
            lifecycle.leaseEnded(session);
            lifecycle.returned(session);
            if (end == LeaseEnd.RESET) {
                countersFor(key).recordReset();
                totals.recordReset();
            } else if (end == LeaseEnd.TAINTED) {
                countersFor(key).recordTainted();
                totals.recordTainted();
            }
            DestroyReason destroyReason = whyNotKept(key, session, end, usable);
            if (end.reusable() && usable && !pool.isClosed()) {
                countersFor(key).recordReturned();
                totals.recordReturned();
            }
            if (destroyReason == DestroyReason.LIFETIME) {
                countersFor(key).recordRetired();
                totals.recordRetired();
            }
            if (destroyReason == null) {
                pool.returnObject(key, session);
                lifecycle.roomMayHaveFreed();
            } else {
                destroy(key, session, destroyReason);
            }
        } catch (Exception e) {
            AgentLog.warn("mcp-pool: could not hand back a session of " + key + ": " + e);
            discard(key, session);
        } finally {
            lease.slots().give();
        }
    }

    private void destroy(PoolKey key, PooledSession session, DestroyReason reason) throws Exception {
        lifecycle.destroyBecause(session, reason);
        pool.invalidateObject(key, session);
    }

    /** Destroys a session that could not be handed back, so that it does not keep its room among maxPerKey. */
    private void discard(PoolKey key, PooledSession session) {
        try {
            destroy(key, session, DestroyReason.BROKEN);
        } catch (Exception e) {
            session.close();
        }
    }

    /** Why a returned session must be destroyed rather than kept idle; null when it is kept. */
    private DestroyReason whyNotKept(PoolKey key, PooledSession session, LeaseEnd end, boolean usable) {
        if (!end.reusable()) {
            return end == LeaseEnd.TAINTED ? DestroyReason.TAINTED
                    : end == LeaseEnd.ABANDONED ? DestroyReason.ABANDONED : DestroyReason.BROKEN;
        }
        if (!usable) {
            return DestroyReason.BROKEN;
        }
        if (pool.isClosed()) {
            return DestroyReason.POOL_CLOSED;
        }
        if (lifecycle.isRetired(session)) {
            return DestroyReason.LIFETIME;
        }
        boolean aboveLimit = lifecycle.sessionsOf(key) > settings.of(key).maxPerKey();
        return aboveLimit ? DestroyReason.OVER_LIMIT : null;
    }

    /**
     * Closes the idle sessions of the keys {@code which} accepts now (leased ones are left alone); returns how many.
     * With minIdle, the pool's maintenance starts new ones.
     */
    public int evictIdle(Predicate<PoolKey> which) {
        return closeIdle(which, DestroyReason.EVICTED);
    }

    private int closeIdle(Predicate<PoolKey> which, DestroyReason reason) {
        int[] closed = {0};
        SessionLifecycle.destroyingBecause(reason, () -> {
            for (PoolKey key : counters.keySet()) {
                if (which.test(key)) {
                    closed[0] += pool.getNumIdle(key);
                    pool.clear(key, false);
                }
            }
        });
        return closed[0];
    }

    /** Retires every session of the keys {@code which} accepts: idle ones now, leased ones when they come back. */
    public void softEvict(Predicate<PoolKey> which) {
        lifecycle.retireNow(which);
        closeIdle(which, DestroyReason.SOFT_EVICTED);
    }

    /**
     * Starts the keys {@code which} accepts afresh: their sessions are soft evicted and their start breakers closed,
     * so that the next borrower starts a new session at once.
     */
    public void clear(Predicate<PoolKey> which) {
        softEvict(which);
        counters.keySet().stream().filter(which).forEach(lifecycle::forget);
    }

    /**
     * Changes an option for all servers (except where a server rule or a per-server change sets it); it takes effect
     * at once. Throws {@link IllegalArgumentException} naming the problem, and changes nothing, if the value is invalid.
     */
    public void change(String option, String value) {
        settings.change(option, value);
        settingsChanged();
        AgentLog.info("mcp-pool: " + option + " changed to " + value + " for the pool");
    }

    /** Changes an option for one server key; see {@link #change(String, String)}. */
    public void change(PoolKey key, String option, String value) {
        settings.change(key, option, value);
        settingsChanged();
        AgentLog.info("mcp-pool: " + option + " changed to " + value + " for " + key);
    }

    /** Wakes borrowers (maxPerKey may have grown), trims sessions above a lowered maxPerKey, warms a raised minIdle. */
    private void settingsChanged() {
        slots.values().forEach(LeaseSlots::limitChanged);
        boolean warmingNeeded = templates.keySet().stream().anyMatch(key -> settings.of(key).minIdle() > 0);
        if (warmingNeeded) {
            ScheduledExecutorService warmer = warmer();
            warmer.execute(() -> templates.keySet().forEach(this::keepWarm));
        }
        try {
            pool.evict();
        } catch (Exception e) {
            AgentLog.warn("mcp-pool: could not trim idle sessions after a settings change: " + e);
        }
    }

    /** The settings in force for {@code key}. */
    public PoolSettings settingsOf(PoolKey key) {
        return settings.of(key);
    }

    /** The options whose values for {@code key} differ from the pool's, with their values in force. */
    public Map<String, String> overridesOf(PoolKey key) {
        return settings.overrides(key);
    }

    /** Every session the pool holds, idle or lent, oldest first. */
    public List<SessionView> sessions() {
        List<SessionView> sessions = new ArrayList<>(lifecycle.sessions());
        sessions.sort(Comparator.comparing(SessionView::age).reversed());
        return sessions;
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

    private PoolExhaustedException exhausted(PoolKey key, PoolSettings keySettings, int otherWaiters) {
        if (suspended) {
            return new PoolExhaustedException("mcp-pool: no MCP session for server '" + key + "' within "
                    + keySettings.maxWait().toMillis() + " ms: borrowing is suspended (JMX resume() lets it go on), "
                    + otherWaiters + " other threads waiting");
        }
        int active = pool.getNumActive(key);
        int idle = pool.getNumIdle(key);
        int starting = Math.max(0, lifecycle.sessionsOf(key) - active - idle);
        int maxTotal = settings.pool().maxTotal();
        String totalLimit = lifecycle.sessionsInAll() >= maxTotal
                ? "; all servers together have " + lifecycle.sessionsInAll() + " sessions of maxTotal=" + maxTotal
                : "";
        return new PoolExhaustedException("mcp-pool: no MCP session for server '" + key + "' became free within "
                + keySettings.maxWait().toMillis() + " ms: " + active + " of maxPerKey=" + settings.of(key).maxPerKey()
                + " sessions are in use, " + idle + " idle, " + (starting == 0 ? "" : starting + " starting, ")
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
        if (!forgetting.tryLock()) {
            return;
        }
        try {
            long now = System.nanoTime();
            for (Map.Entry<PoolKey, ServerCounters> entry : counters.entrySet()) {
                PoolKey key = entry.getKey();
                long quietSince = now - settings.of(key).idleTimeout().toNanos();
                boolean quiet = entry.getValue().lastActivityNanos() - quietSince < 0 && lifecycle.breakerClosed(key)
                        && lifecycle.sessionsOf(key) == 0 && waiterCount(key) == 0
                        && forgetUnusedSlots(key) && counters.remove(key, entry.getValue());
                if (quiet) {
                    knownKeys.remove(key);
                    settings.forget(key);
                    lifecycle.forget(key);
                    templates.remove(key);
                    waiting.computeIfPresent(key, (k, waiters) -> waiters.get() == 0 ? null : waiters);
                    keyListener.removed(key);
                }
            }
        } finally {
            forgetting.unlock();
        }
    }

    /** Drops the key's slots if none is lent (a borrower holding them then takes fresh ones); whether none was. */
    private boolean forgetUnusedSlots(PoolKey key) {
        boolean[] unused = {true};
        slots.computeIfPresent(key, (k, keySlots) -> {
            unused[0] = keySlots.forgetIfUnused();
            return unused[0] ? null : keySlots;
        });
        return unused[0];
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

    /** The settings of the whole pool (and of every server no rule or change concerns). */
    public PoolSettings settings() {
        return settings.pool();
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
        SessionLifecycle.destroyingBecause(DestroyReason.POOL_CLOSED, pool::close);
        liveSessions.terminateAll(SHUTDOWN_GRACE);
    }
}
