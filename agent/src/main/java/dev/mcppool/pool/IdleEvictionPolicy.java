package dev.mcppool.pool;

import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.EvictionConfig;
import org.apache.commons.pool2.impl.EvictionPolicy;

/**
 * Which idle sessions maintenance closes: those of a key with more sessions than its maxPerKey (lowered over JMX), and
 * those idle longer than idleTimeout while their key has more than minIdle idle. (commons-pool2's own minIdle is left
 * at 0: the pool keeps the floor itself, and two mechanisms refilling it would overshoot.)
 */
final class IdleEvictionPolicy implements EvictionPolicy<PooledSession> {

    private final SessionLifecycle lifecycle;
    private final KeySettings settings;

    IdleEvictionPolicy(SessionLifecycle lifecycle, KeySettings settings) {
        this.lifecycle = lifecycle;
        this.settings = settings;
    }

    @Override
    public boolean evict(EvictionConfig config, PooledObject<PooledSession> idle, int idleCount) {
        PoolKey key = lifecycle.keyOf(idle.getObject());
        if (key == null) {
            return false;
        }
        if (lifecycle.sessionsOf(key) > settings.of(key).maxPerKey()) {
            lifecycle.destroyBecause(idle.getObject(), DestroyReason.OVER_LIMIT);
            return true;
        }
        if (idleCount > settings.of(key).minIdle()
                && idle.getIdleDuration().compareTo(settings.of(key).idleTimeout()) > 0) {
            lifecycle.destroyBecause(idle.getObject(), DestroyReason.IDLE_TIMEOUT);
            return true;
        }
        return false;
    }
}
