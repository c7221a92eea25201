package dev.mcppool.config;

import java.time.Duration;

/** The validated settings the agent runs with. Built only by {@link PoolOptions}. */
public record PoolSettings(
        boolean enabled,
        int maxPerKey,
        int minIdle,
        boolean prewarm,
        int maxTotal,
        Duration maxWait,
        Duration validationTimeout,
        Duration aliveBypassWindow,
        Duration idleTimeout,
        Duration maxLifetime,
        Duration keepaliveTime,
        Duration leakDetectionThreshold,
        int breakerFailures,
        Duration breakerCooldown,
        boolean jmx) {

    private static final Duration LONGEST_MAINTENANCE_INTERVAL = Duration.ofSeconds(30);
    private static final Duration SHORTEST_MAINTENANCE_INTERVAL = Duration.ofMillis(50);

    /** How often idle sessions are checked (idle timeout, lifetime, keepalive): often enough for keepaliveTime. */
    public Duration maintenanceInterval() {
        if (keepaliveTime.isZero()) {
            return LONGEST_MAINTENANCE_INTERVAL;
        }
        Duration half = keepaliveTime.dividedBy(2);
        return half.compareTo(LONGEST_MAINTENANCE_INTERVAL) > 0 ? LONGEST_MAINTENANCE_INTERVAL
                : half.compareTo(SHORTEST_MAINTENANCE_INTERVAL) < 0 ? SHORTEST_MAINTENANCE_INTERVAL : half;
    }

    @Override
    public String toString() {
        return PoolOptions.describe(this);
    }
}
