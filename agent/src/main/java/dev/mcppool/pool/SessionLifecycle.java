package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.function.Predicate;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.PooledObjectState;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/** Creates, checks and destroys pooled sessions on behalf of commons-pool2. */
final class SessionLifecycle extends BaseKeyedPooledObjectFactory<PoolKey, PooledSession> {

    private final PoolSettings settings;
    private final Function<PoolKey, ServerCounters> counters;
    private final ServerCounters totals;
    private final LiveSessions liveSessions;
    private final Supplier<SessionCreator> currentCreator;
    private final Function<PoolKey, SessionCreator> templates;
    private final Supplier<Long> validationDeadline;
    private final Map<PooledSession, Long> retireAtNanos = new ConcurrentHashMap<>();
    private final Map<PooledSession, PoolKey> keyOf = new ConcurrentHashMap<>();
    private final Map<PooledSession, Long> nextKeepaliveNanos = new ConcurrentHashMap<>();
    private final Map<PoolKey, StartBreaker> breakers = new ConcurrentHashMap<>();
    /** New sessions whose first request has not finished yet: that request tells whether their server started. */
    private final Map<PooledSession, PoolKey> unproven = new ConcurrentHashMap<>();

    SessionLifecycle(PoolSettings settings, Function<PoolKey, ServerCounters> counters, ServerCounters totals,
                     LiveSessions liveSessions, Supplier<SessionCreator> currentCreator,
                     Function<PoolKey, SessionCreator> templates, Supplier<Long> validationDeadline) {
        this.settings = settings;
        this.counters = counters;
        this.totals = totals;
        this.liveSessions = liveSessions;
        this.currentCreator = currentCreator;
        this.templates = templates;
        this.validationDeadline = validationDeadline;
    }

    @Override
    public PooledSession create(PoolKey key) throws Exception {
        SessionCreator creator = currentCreator.get();
        boolean fromTemplate = creator == null;
        if (fromTemplate) {
            creator = templates.apply(key);
        }
        if (creator == null) {
            throw new NoCreatorException();
        }
        ServerCounters keyCounters = counters.apply(key);
        StartBreaker breaker = breakerFor(key);
        Duration blocked = breaker.refusal();
        if (blocked != null) {
            throw new ServerUnavailableException("mcp-pool: new sessions for server '" + key + "' failed to start "
                    + breaker.consecutiveFailures() + " times in a row; none is started for another "
                    + Math.max(1, blocked.toSeconds()) + " s (breakerFailures=" + settings.breakerFailures()
                    + ", breakerCooldown=" + settings.breakerCooldown().toSeconds() + "s)");
        }
        PooledSession session;
        try {
            session = creator.create();
        } catch (Exception | Error e) {
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
        } else {
            unproven.put(session, key);
        }
        scheduleKeepalive(session);
        if (!settings.maxLifetime().isZero()) {
            retireAtNanos.put(session, System.nanoTime() + jitteredLifetime().toNanos());
        }
        keyOf.put(session, key);
        liveSessions.add(session);
        keyCounters.recordCreated();
        totals.recordCreated();
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
    private Duration jitteredLifetime() {
        long lifetime = settings.maxLifetime().toNanos();
        return Duration.ofNanos(lifetime - ThreadLocalRandom.current().nextLong(lifetime / 4 + 1));
    }

    StartBreaker breakerFor(PoolKey key) {
        return breakers.computeIfAbsent(key, k -> new StartBreaker(settings.breakerFailures(), settings.breakerCooldown()));
    }

    void forget(PoolKey key) {
        breakers.remove(key);
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

    /** Retires the sessions of the keys {@code which} accepts now, as if they had reached their maximum lifetime. */
    void retireNow(Predicate<PoolKey> which) {
        long now = System.nanoTime();
        keyOf.forEach((session, key) -> {
            if (which.test(key)) {
                retireAtNanos.put(session, now);
            }
        });
    }

    /** Whether the session has outlived its (jittered) maximum lifetime and must not be lent again. */
    boolean isRetired(PooledSession session) {
        Long retireAt = retireAtNanos.get(session);
        return retireAt != null && System.nanoTime() - retireAt >= 0;
    }

    /** The remaining lifetime of a session, for tests; null when lifetime is unlimited. */
    Duration remainingLifetime(PooledSession session) {
        Long retireAt = retireAtNanos.get(session);
        return retireAt == null ? null : Duration.ofNanos(retireAt - System.nanoTime());
    }

    /** Up to a fifth earlier than keepaliveTime, at random, so that idle sessions are not all pinged together. */
    private void scheduleKeepalive(PooledSession session) {
        if (!settings.keepaliveTime().isZero()) {
            long keepalive = settings.keepaliveTime().toNanos();
            nextKeepaliveNanos.put(session,
                    System.nanoTime() + keepalive - ThreadLocalRandom.current().nextLong(keepalive / 5 + 1));
        }
    }

    /**
     * Background check of an idle session (commons-pool2's evictor): retired past its lifetime, dropped when its
     * process or HTTP session is gone, and pinged when its keepalive is due, so that a server or firewall that silently
     * drops idle sessions is noticed before a borrower gets one.
     */
    private boolean validateIdle(PoolKey key, PooledSession session) {
        if (!session.isUsable()) {
            return failedValidation(key);
        }
        Long keepaliveDue = nextKeepaliveNanos.get(session);
        if (keepaliveDue == null || System.nanoTime() - keepaliveDue < 0) {
            return true;
        }
        scheduleKeepalive(session);
        return session.ping(settings.validationTimeout()) || failedValidation(key);
    }

    private boolean failedValidation(PoolKey key) {
        counters.apply(key).recordValidationFailure();
        totals.recordValidationFailure();
        AgentLog.debug("mcp-pool: a session of " + key + " failed validation and is replaced");
        return false;
    }

    /**
     * A session past its lifetime is retired; an idle one is checked by {@link #validateIdle}. On borrow, one handed to
     * its creator needs no check; any other must be usable, and when it has been idle longer than the alive-bypass
     * window it must also answer a ping within the validation timeout.
     */
    @Override
    public boolean validateObject(PoolKey key, PooledObject<PooledSession> pooled) {
        if (isRetired(pooled.getObject())) {
            counters.apply(key).recordRetired();
            totals.recordRetired();
            return false;
        }
        if (pooled.getState() == PooledObjectState.EVICTION) {
            return validateIdle(key, pooled.getObject());
        }
        if (pooled.getBorrowedCount() <= 1 && pooled.getLastReturnInstant().equals(pooled.getCreateInstant())) {
            return true;
        }
        PooledSession session = pooled.getObject();
        boolean valid = session.isUsable() && (recentlyUsed(pooled) || pingWithinBorrowBudget(session));
        return valid || failedValidation(key);
    }

    /**
     * commons-pool2 may check several idle sessions in one borrow; their pings share one budget, so that however many
     * servers hang, a borrower waits at most maxWait + validationTimeout. A session that cannot be checked in time is
     * not lent.
     */
    private boolean pingWithinBorrowBudget(PooledSession session) {
        Duration timeout = settings.validationTimeout();
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

    private boolean recentlyUsed(PooledObject<PooledSession> pooled) {
        Duration idle = Duration.between(pooled.getLastReturnInstant(), Instant.now());
        return idle.compareTo(settings.aliveBypassWindow()) <= 0;
    }

    @Override
    public void destroyObject(PoolKey key, PooledObject<PooledSession> pooled, DestroyMode mode) {
        retireAtNanos.remove(pooled.getObject());
        keyOf.remove(pooled.getObject());
        nextKeepaliveNanos.remove(pooled.getObject());
        unproven.remove(pooled.getObject());
        pooled.getObject().close();
        counters.apply(key).recordDestroyed();
        totals.recordDestroyed();
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
