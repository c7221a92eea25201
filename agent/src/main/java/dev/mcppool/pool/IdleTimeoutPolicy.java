package dev.mcppool.pool;

import java.time.Duration;
import org.apache.commons.pool2.PooledObject;
import org.apache.commons.pool2.impl.EvictionConfig;
import org.apache.commons.pool2.impl.EvictionPolicy;

/**
 * Closes a session idle longer than idleTimeout while its key has more than minIdle idle sessions. (commons-pool2's
 * own minIdle is left at 0: the pool keeps the floor itself, and two mechanisms refilling it would overshoot.)
 */
final class IdleTimeoutPolicy implements EvictionPolicy<PooledSession> {

    private final Duration idleTimeout;
    private final int minIdle;

    IdleTimeoutPolicy(Duration idleTimeout, int minIdle) {
        this.idleTimeout = idleTimeout;
        this.minIdle = minIdle;
    }

    @Override
    public boolean evict(EvictionConfig config, PooledObject<PooledSession> idle, int idleCount) {
        return idleCount > minIdle && idle.getIdleDuration().compareTo(idleTimeout) > 0;
    }
}
