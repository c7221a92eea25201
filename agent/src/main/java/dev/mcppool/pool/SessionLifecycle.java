package dev.mcppool.pool;

import dev.mcppool.config.PoolSettings;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Supplier;
import org.apache.commons.pool2.BaseKeyedPooledObjectFactory;
import org.apache.commons.pool2.DestroyMode;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.DefaultPooledObject;

/** Creates, checks and destroys pooled sessions on behalf of commons-pool2. */
final class SessionLifecycle extends BaseKeyedPooledObjectFactory<PoolKey, PooledSession> {

    private final PoolSettings settings;
    private final Function<PoolKey, ServerCounters> counters;
    private final ServerCounters totals;
    private final LiveSessions liveSessions;
    private final Supplier<SessionCreator> currentCreator;

    SessionLifecycle(PoolSettings settings, Function<PoolKey, ServerCounters> counters, ServerCounters totals,
                     LiveSessions liveSessions, Supplier<SessionCreator> currentCreator) {
        this.settings = settings;
        this.counters = counters;
        this.totals = totals;
        this.liveSessions = liveSessions;
        this.currentCreator = currentCreator;
    }

    @Override
    public PooledSession create(PoolKey key) throws Exception {
        SessionCreator creator = currentCreator.get();
        if (creator == null) {
            throw new NoCreatorException();
        }
        PooledSession session = creator.create();
        liveSessions.add(session);
        counters.apply(key).recordCreated();
        totals.recordCreated();
        return session;
    }

    @Override
    public PooledObject<PooledSession> wrap(PooledSession session) {
        return new DefaultPooledObject<>(session);
    }

    /**
     * A session handed to its creator needs no check. Any other must be usable, and when it has been idle longer than
     * the alive-bypass window it must also answer a ping within the validation timeout.
     */
    @Override
    public boolean validateObject(PoolKey key, PooledObject<PooledSession> pooled) {
        if (pooled.getBorrowedCount() <= 1 && pooled.getLastReturnInstant().equals(pooled.getCreateInstant())) {
            return true;
        }
        PooledSession session = pooled.getObject();
        boolean valid = session.isUsable() && (recentlyUsed(pooled) || session.ping(settings.validationTimeout()));
        if (!valid) {
            counters.apply(key).recordValidationFailure();
            totals.recordValidationFailure();
            AgentLog.debug("mcp-pool: a session of " + key + " failed validation and is replaced");
        }
        return valid;
    }

    private boolean recentlyUsed(PooledObject<PooledSession> pooled) {
        Duration idle = Duration.between(pooled.getLastReturnInstant(), Instant.now());
        return idle.compareTo(settings.aliveBypassWindow()) <= 0;
    }

    @Override
    public void destroyObject(PoolKey key, PooledObject<PooledSession> pooled, DestroyMode mode) {
        pooled.getObject().close();
        counters.apply(key).recordDestroyed();
        totals.recordDestroyed();
    }

    /**
     * commons-pool2 tries to create sessions from threads that are not borrowing (to refill freed capacity); only a
     * borrower knows how to create its session, so those attempts are refused, quietly.
     */
    static final class NoCreatorException extends IllegalStateException {
        NoCreatorException() {
            super("a session can only be created by the borrower that needs it", null);
        }
    }
}
