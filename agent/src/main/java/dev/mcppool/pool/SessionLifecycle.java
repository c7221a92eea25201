package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectState;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/** Creates, checks and destroys pooled sessions on behalf of commons-pool2, and keeps a record of each. */
final class SessionLifecycle extends BaseKeyedPooledObjectFactory<PoolKey, PooledSession> {

    private static final String NOT_USABLE = "not usable (closed, or its server process or HTTP session is gone)";

    private static final ThreadLocal<DestroyReason> DESTROY_REASON_ON_THIS_THREAD = new ThreadLocal<>();

    private final KeySettings settings;
    private final PoolEvents events;
    private final Function<PoolKey, ServerCounters> counters;
    private final ServerCounters totals;
    private final LiveSessions liveSessions;
    private final Function<PoolKey, SessionCreator> currentCreator;
    private final Function<PoolKey, SessionCreator> templates;
    private final Supplier<Long> validationDeadline;
    private final Map<PooledSession, SessionRecord> records = new ConcurrentHashMap<>();
    private final Map<PoolKey, StartBreaker> breakers = new ConcurrentHashMap<>();
    /** New sessions whose first request has not finished yet: that request tells whether their server started. */
    private final Map<PooledSession, PoolKey> unproven = new ConcurrentHashMap<>();
    /**
     * Per key, the sessions that exist or are being created; creation stops at maxPerKey ({@link NoRoomYet}). Changed
     * only inside the map's per-key {@code compute}, so that {@link #forget} never drops a count that is in use.
     */
    private final Map<PoolKey, Integer> sessionsPerKey = new ConcurrentHashMap<>();
    /**
     * The sessions of all keys that exist or are being created; creation stops at maxTotal ({@link NoRoomYet}).
     * commons-pool2 is given no limit: its own would make it wait, and tell of that only by its exception's message.
     */
    private final AtomicInteger sessionsInAll = new AtomicInteger();
    /** How often room was freed (a session destroyed or handed back idle), so that a waiter misses none. */
    private final AtomicLong roomFreedCount = new AtomicLong();
    private final AtomicInteger roomWaiters = new AtomicInteger();
    private final Object roomFreedSignal = new Object();

    SessionLifecycle(KeySettings settings, PoolEvents events, Function<PoolKey, ServerCounters> counters,
                     ServerCounters totals, LiveSessions liveSessions, Function<PoolKey, SessionCreator> currentCreator,
                     Function<PoolKey, SessionCreator> templates, Supplier<Long> validationDeadline) {
        this.settings = settings;
        this.events = events;
        this.counters = counters;
        this.totals = totals;
        this.liveSessions = liveSessions;
        this.currentCreator = currentCreator;
        this.templates = templates;
        this.validationDeadline = validationDeadline;
    }

    @Override
    public PooledSession create(PoolKey key) throws Exception {
        SessionCreator creator = currentCreator.apply(key);
        boolean fromTemplate = creator == null;
        if (fromTemplate) {
            creator = templates.apply(key);
        }
        if (creator == null) {
            throw new NoCreatorException();
        }
        ServerCounters keyCounters = counters.apply(key);
        PoolSettings keySettings = settings.of(key);
        reserveRoom(key, keySettings.maxPerKey(), settings.pool().maxTotal());
        boolean made = false;
        try {
            PooledSession session = createWithinBreaker(key, creator, fromTemplate, keySettings);
            keyCounters.recordCreated();
            totals.recordCreated();
            made = true;
            return session;
        } finally {
            if (!made) {
                releaseRoom(key);
            }
        }
    }

    /**
     * Counts a session of {@code key} about to be created, unless {@code maxPerKey} of them, or {@code maxTotal} of all
     * keys, exist already. A borrower with a free lease slot can still find no idle session: the one that is idle may
     * be out of the idle queue for a moment (commons-pool2's evictor is checking it); creating one then would
     * overshoot maxPerKey.
     */
    private void reserveRoom(PoolKey key, int maxPerKey, int maxTotal) throws NoRoomYet {
        long freedBefore = roomFreedCount.get();
        int all;
        do {
            all = sessionsInAll.get();
            if (all >= maxTotal) {
                throw new NoRoomYet(true, freedBefore);
            }
        } while (!sessionsInAll.compareAndSet(all, all + 1));
        boolean[] reserved = {false};
        sessionsPerKey.compute(key, (k, sessions) -> {
            int now = sessions == null ? 0 : sessions;
            if (now >= maxPerKey) {
                return sessions;
            }
            reserved[0] = true;
            return now + 1;
        });
        if (!reserved[0]) {
            releaseTotalRoom();
            throw new NoRoomYet(false, freedBefore);
        }
    }

    /**
     * The sessions of {@code key} that exist or are being created. Unlike commons-pool2's active plus idle counts, read
     * one after the other, this never counts a session being returned twice.
     */
    int sessionsOf(PoolKey key) {
        return sessionsPerKey.getOrDefault(key, 0);
    }

    /** The sessions of all keys that exist or are being created. */
    int sessionsInAll() {
        return sessionsInAll.get();
    }

    private void releaseRoom(PoolKey key) {
        sessionsPerKey.computeIfPresent(key, (k, sessions) -> sessions - 1);
        releaseTotalRoom();
    }

    private void releaseTotalRoom() {
        sessionsInAll.decrementAndGet();
        roomMayHaveFreed();
    }

    /** A session was destroyed or handed back idle: a borrower waiting at maxTotal may create one, or take that one. */
    void roomMayHaveFreed() {
        roomFreedCount.incrementAndGet();
        if (roomWaiters.get() > 0) {
            synchronized (roomFreedSignal) {
                roomFreedSignal.notifyAll();
            }
        }
    }

    /**
     * Waits at most {@code nanos} for room to be freed after a creation was refused at maxTotal ({@code refused}); at
     * once if some was freed since.
     */
    void awaitRoomFreedSince(NoRoomYet refused, long nanos) throws InterruptedException {
        long deadline = System.nanoTime() + nanos;
        synchronized (roomFreedSignal) {
            // counted before the check below, so that a release after that check sees this waiter and wakes it
            roomWaiters.incrementAndGet();
            try {
                while (roomFreedCount.get() == refused.roomFreedCountWhenRefused) {
                    long left = deadline - System.nanoTime();
                    if (left <= 0) {
                        return;
                    }
                    TimeUnit.NANOSECONDS.timedWait(roomFreedSignal, left);
                }
            } finally {
                roomWaiters.decrementAndGet();
            }
        }
    }

    private PooledSession createWithinBreaker(PoolKey key, SessionCreator creator, boolean fromTemplate,
                                              PoolSettings keySettings) throws Exception {
        StartBreaker breaker = breakerFor(key);
        Duration blocked = breaker.refusal();
        if (blocked != null) {
            throw new ServerUnavailableException("mcp-pool: new sessions for server '" + key + "' failed to start "
                    + breaker.consecutiveFailures() + " times in a row; none is started for another "
                    + Math.max(1, blocked.toSeconds()) + " s (breakerFailures=" + keySettings.breakerFailures()
                    + ", breakerCooldown=" + keySettings.breakerCooldown().toSeconds() + "s)");
        }
        SessionRecord record = new SessionRecord(key, System.nanoTime());
        PooledSession session = null;
        try {
            session = creator.create();
            if (!liveSessions.add(session)) {
                throw new IllegalStateException("mcp-pool is shutting down: the new session was terminated");
            }
            creator.start(session);
        } catch (Exception | Error e) {
            if (session != null) {
                session.close();
            }
            // A borrower's creator only builds the client (it starts on the first request): its failures are the
            // adapter's, not the server's. A template starts the server, so its failures are start failures.
            if (fromTemplate) {
                breaker.failedToStart();
            } else {
                breaker.noVerdict();
            }
            if (e instanceof Error error) {
                // commons-pool2 gives back the capacity of a failed creation only for an Exception
                throw new IllegalStateException("creating a session failed: " + error, error);
            }
            throw e;
        }
        if (fromTemplate) {
            breaker.started();
            events.sessionStarted(key, Duration.ofNanos(System.nanoTime() - record.creationStartedNanos));
        } else {
            unproven.put(session, key);
        }
        scheduleKeepalive(record, keySettings);
        if (!keySettings.maxLifetime().isZero()) {
            record.retireAtNanos = System.nanoTime() + jitteredLifetime(keySettings.maxLifetime()).toNanos();
        }
        records.put(session, record);
        return session;
    }

    @Override
    public PooledObject<PooledSession> wrap(PooledSession session) {
        return new DefaultPooledObject<>(session);
    }

    /**
     * Up to a quarter shorter than maxLifetime, at random, so that sessions created together are retired one by one
     * rather than all at once (HikariCP's "mass extinction" guard).
     */
    private static Duration jitteredLifetime(Duration maxLifetime) {
        long lifetime = maxLifetime.toNanos();
        return Duration.ofNanos(lifetime - ThreadLocalRandom.current().nextLong(lifetime / 4 + 1));
    }

    StartBreaker breakerFor(PoolKey key) {
        return breakers.computeIfAbsent(key, k -> {
            PoolSettings keySettings = settings.of(k);
            return new StartBreaker(keySettings.breakerFailures(), keySettings.breakerCooldown());
        });
    }

    /** Drops the key's start breaker (closed again, failures forgotten) and, if it has no session, its count. */
    void forget(PoolKey key) {
        breakers.remove(key);
        sessionsPerKey.computeIfPresent(key, (k, sessions) -> sessions == 0 ? null : sessions);
    }

    /** Whether the session has not yet been judged started or failed (it starts during its first request). */
    boolean isNew(PooledSession session) {
        return unproven.containsKey(session);
    }

    /**
     * The first request on a new session has finished: a session that is usable then has started. One that is not
     * failed to start, unless the borrower was interrupted (then nothing is known about the server).
     */
    void firstRequestFinished(PooledSession session, boolean interrupted) {
        PoolKey key = unproven.remove(session);
        if (key == null) {
            return;
        }
        StartBreaker breaker = breakerFor(key);
        if (session.isUsable()) {
            breaker.started();
            SessionRecord record = records.get(session);
            if (record != null) {
                events.sessionStarted(key, Duration.ofNanos(System.nanoTime() - record.creationStartedNanos));
            }
        } else if (interrupted) {
            breaker.noVerdict();
        } else {
            breaker.failedToStart();
        }
    }

    /** A lease ended; a new session whose lease ran no request leaves its start undecided. */
    void leaseEnded(PooledSession session) {
        PoolKey key = unproven.remove(session);
        if (key != null) {
            breakerFor(key).noVerdict();
        }
    }

    /** The breaker's state for JMX, without creating a breaker for a key that has none. */
    String breakerState(PoolKey key) {
        StartBreaker breaker = breakers.get(key);
        return breaker == null ? "closed" : breaker.describe();
    }

    long startFailures(PoolKey key) {
        StartBreaker breaker = breakers.get(key);
        return breaker == null ? 0 : breaker.totalFailures();
    }

    boolean breakerClosed(PoolKey key) {
        StartBreaker breaker = breakers.get(key);
        return breaker == null || breaker.isClosed();
    }

    /** Retires the sessions of the keys {@code which} accepts now (soft evict): none of them is lent again. */
    void retireNow(Predicate<PoolKey> which) {
        long now = System.nanoTime();
        records.values().forEach(record -> {
            if (which.test(record.key)) {
                record.retireReason = DestroyReason.SOFT_EVICTED;
                record.retireAtNanos = now;
            }
        });
    }

    /** Whether the session has outlived its (jittered) maximum lifetime or was soft evicted: it must not be lent again. */
    boolean isRetired(PooledSession session) {
        SessionRecord record = records.get(session);
        return record != null && record.isRetired(System.nanoTime());
    }

    /** The remaining lifetime of a session, for tests; null when lifetime is unlimited. */
    Duration remainingLifetime(PooledSession session) {
        SessionRecord record = records.get(session);
        return record == null || record.retireAtNanos == Long.MAX_VALUE ? null
                : Duration.ofNanos(record.retireAtNanos - System.nanoTime());
    }

    /** The session was lent to a borrower. */
    void lent(PooledSession session) {
        SessionRecord record = records.get(session);
        if (record != null) {
            record.leased = true;
            record.timesLent.incrementAndGet();
        }
    }

    /** The session came back from its borrower (to be kept or destroyed). */
    void returned(PooledSession session) {
        SessionRecord record = records.get(session);
        if (record != null) {
            record.leased = false;
            record.lastReturnedNanos = System.nanoTime();
        }
    }

    /** Records why the session is about to be destroyed; for a retired one, why it was retired. */
    void destroyBecause(PooledSession session, DestroyReason reason) {
        SessionRecord record = records.get(session);
        if (record != null) {
            record.destroyBecause(reason == DestroyReason.LIFETIME ? record.retireReason : reason);
        }
    }

    /** Runs {@code action}; sessions it destroys on this thread without a reason of their own get {@code reason}. */
    static void destroyingBecause(DestroyReason reason, Runnable action) {
        DESTROY_REASON_ON_THIS_THREAD.set(reason);
        try {
            action.run();
        } finally {
            DESTROY_REASON_ON_THIS_THREAD.remove();
        }
    }

    PoolKey keyOf(PooledSession session) {
        SessionRecord record = records.get(session);
        return record == null ? null : record.key;
    }

    /** Every session the pool holds (idle or lent) as operators see it. */
    List<SessionView> sessions() {
        long now = System.nanoTime();
        List<SessionView> views = new ArrayList<>();
        records.forEach((session, record) -> views.add(new SessionView(record.key, record.leased,
                Duration.ofNanos(now - record.creationStartedNanos),
                record.leased ? Duration.ZERO : Duration.ofNanos(now - record.lastReturnedNanos),
                record.timesLent.get(), session.processId(), SessionView.shortened(session.sessionId()))));
        return views;
    }

    /** Up to a fifth earlier than keepaliveTime, at random, so that idle sessions are not all pinged together. */
    private static void scheduleKeepalive(SessionRecord record, PoolSettings keySettings) {
        if (!keySettings.keepaliveTime().isZero()) {
            long keepalive = keySettings.keepaliveTime().toNanos();
            record.keepaliveDueNanos = System.nanoTime() + keepalive
                    - ThreadLocalRandom.current().nextLong(keepalive / 5 + 1);
        }
    }

    /**
     * Background check of an idle session (commons-pool2's evictor): retired past its lifetime, dropped when its
     * process or HTTP session is gone, and pinged when its keepalive is due, so that a server or firewall that silently
     * drops idle sessions is noticed before a borrower gets one.
     */
    private boolean validateIdle(PoolKey key, PooledSession session) {
        if (!session.isUsable()) {
            return failedValidation(key, session, NOT_USABLE);
        }
        SessionRecord record = records.get(session);
        if (record == null || record.keepaliveDueNanos == Long.MAX_VALUE
                || System.nanoTime() - record.keepaliveDueNanos < 0) {
            return true;
        }
        PoolSettings keySettings = settings.of(key);
        scheduleKeepalive(record, keySettings);
        return session.ping(keySettings.validationTimeout())
                || failedValidation(key, session, "no answer to a keepalive ping within validationTimeout");
    }

    private boolean failedValidation(PoolKey key, PooledSession session, String reason) {
        counters.apply(key).recordValidationFailure();
        totals.recordValidationFailure();
        destroyBecause(session, DestroyReason.FAILED_VALIDATION);
        events.validationFailed(key, reason);
        AgentLog.debug("mcp-pool: a session of " + key + " failed validation (" + reason + ") and is replaced");
        return false;
    }

    /**
     * A session past its lifetime is retired; an idle one is checked by {@link #validateIdle}. On borrow, a session
     * created for a borrower and not yet proven is not checked: its server starts only with its first request. Any
     * other, a warm one the pool started for minIdle included, must be usable, and when it has been idle longer than
     * the alive-bypass window it must also answer a ping within the validation timeout.
     */
    @Override
    public boolean validateObject(PoolKey key, PooledObject<PooledSession> pooled) {
        if (isRetired(pooled.getObject())) {
            counters.apply(key).recordRetired();
            totals.recordRetired();
            destroyBecause(pooled.getObject(), DestroyReason.LIFETIME);
            return false;
        }
        if (pooled.getState() == PooledObjectState.EVICTION) {
            return validateIdle(key, pooled.getObject());
        }
        PooledSession session = pooled.getObject();
        if (isNew(session)) {
            return true;
        }
        if (!session.isUsable()) {
            return failedValidation(key, session, NOT_USABLE);
        }
        return recentlyUsed(key, pooled) || pingWithinBorrowBudget(key, session)
                || failedValidation(key, session, "no answer to a ping before it was lent");
    }

    /**
     * commons-pool2 may check several idle sessions in one borrow; their pings share one budget, so that however many
     * servers hang, a borrower waits at most maxWait + validationTimeout. A session that cannot be checked in time is
     * not lent.
     */
    private boolean pingWithinBorrowBudget(PoolKey key, PooledSession session) {
        Duration timeout = settings.of(key).validationTimeout();
        Long deadline = validationDeadline.get();
        if (deadline != null) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return false;
            }
            timeout = Duration.ofNanos(Math.min(left, timeout.toNanos()));
        }
        return session.ping(timeout);
    }

    private boolean recentlyUsed(PoolKey key, PooledObject<PooledSession> pooled) {
        Duration idle = Duration.between(pooled.getLastReturnInstant(), Instant.now());
        return idle.compareTo(settings.of(key).aliveBypassWindow()) <= 0;
    }

    @Override
    public void destroyObject(PoolKey key, PooledObject<PooledSession> pooled, DestroyMode mode) {
        SessionRecord record = records.remove(pooled.getObject());
        if (record != null) {
            releaseRoom(key);
        }
        unproven.remove(pooled.getObject());
        // At pool close every live session is terminated right after (LiveSessions.terminateAll), which waits for the
        // close and keeps its failures quiet; closing here too would have the SDK warn, at JVM exit, about each server
        // the application stopped first.
        if (DESTROY_REASON_ON_THIS_THREAD.get() != DestroyReason.POOL_CLOSED) {
            pooled.getObject().close();
        }
        counters.apply(key).recordDestroyed();
        totals.recordDestroyed();
        if (record != null) {
            DestroyReason reason = record.destroyReason != null ? record.destroyReason
                    : DESTROY_REASON_ON_THIS_THREAD.get() != null ? DESTROY_REASON_ON_THIS_THREAD.get()
                    : DestroyReason.OTHER;
            events.sessionDestroyed(key, reason, Duration.ofNanos(System.nanoTime() - record.creationStartedNanos),
                    record.timesLent.get());
        }
    }

    /**
     * The key has maxPerKey sessions already, and the borrower looks for an idle one again in a moment; or all keys
     * together have maxTotal, and the borrower waits for one to be destroyed or handed back.
     */
    static final class NoRoomYet extends Exception {
        final boolean maxTotalReached;
        final long roomFreedCountWhenRefused;

        NoRoomYet(boolean maxTotalReached, long roomFreedCountWhenRefused) {
            super(maxTotalReached ? "maxTotal sessions exist already" : "maxPerKey sessions exist already", null,
                    false, false);
            this.maxTotalReached = maxTotalReached;
            this.roomFreedCountWhenRefused = roomFreedCountWhenRefused;
        }
    }

    /**
     * commons-pool2 tries to create sessions from threads that are not borrowing (to refill freed capacity, to keep
     * minIdle); without a template for the key, only a borrower knows how, so those attempts are refused, quietly.
     */
    static final class NoCreatorException extends IllegalStateException {
        NoCreatorException() {
            super("a session can only be created by the borrower that needs it", null);
        }
    }
}
