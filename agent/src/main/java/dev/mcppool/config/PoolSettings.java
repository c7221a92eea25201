package dev.mcppool.config;

import java.time.Duration;

/** The validated settings the agent runs with. Built only by {@link PoolOptions}. */
public record PoolSettings(
        boolean enabled,
        int maxPerKey,
        int maxTotal,
        Duration maxWait,
        Duration validationTimeout,
        Duration aliveBypassWindow,
        Duration idleTimeout,
        Duration maxLifetime,
        Duration leakDetectionThreshold,
        int breakerFailures,
        Duration breakerCooldown,
        boolean jmx) {

    public static final Duration EVICTION_INTERVAL = Duration.ofSeconds(30);

    @Override
    public String toString() {
        return "enabled=" + enabled + ", maxPerKey=" + maxPerKey + ", maxTotal=" + maxTotal
                + ", maxWait=" + Durations.format(maxWait) + ", validationTimeout=" + Durations.format(validationTimeout)
                + ", aliveBypassWindow=" + Durations.format(aliveBypassWindow)
                + ", idleTimeout=" + Durations.format(idleTimeout) + ", maxLifetime=" + Durations.format(maxLifetime)
                + ", leakDetectionThreshold=" + Durations.format(leakDetectionThreshold)
                + ", breakerFailures=" + breakerFailures + ", breakerCooldown=" + Durations.format(breakerCooldown)
                + ", jmx=" + jmx;
    }
}
