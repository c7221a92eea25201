package dev.mcppool.pool;

import dev.mcppool.config.PoolOptions;
import dev.mcppool.config.PoolSettings;
import dev.mcppool.config.ServerRule;
import dev.mcppool.log.AgentLog;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The settings in force for each server key: the pool's own, then each server rule whose pattern matches the key's
 * server (in the order they were named), then what JMX changed for that server. Changes take effect at once: every
 * reader asks here when it needs a value.
 */
public final class KeySettings {

    private volatile PoolSettings pool;
    private final List<ServerRule> rules;
    private final Map<PoolKey, Map<String, String>> changes = new ConcurrentHashMap<>();
    private final Map<PoolKey, PoolSettings> inForce = new ConcurrentHashMap<>();

    KeySettings(PoolSettings pool, List<ServerRule> rules) {
        this.pool = pool;
        this.rules = List.copyOf(rules);
    }

    /** The settings of the whole pool (maxTotal, jmx) and of servers no rule or change concerns. */
    public PoolSettings pool() {
        return pool;
    }

    public PoolSettings of(PoolKey key) {
        PoolSettings settings = inForce.get(key);
        return settings != null ? settings : inForce.computeIfAbsent(key, this::computeOrFallBack);
    }

    /** The options whose values for {@code key} differ from the pool's, with the value in force. */
    public Map<String, String> overrides(PoolKey key) {
        return PoolOptions.differences(pool, of(key));
    }

    /**
     * Changes an option for the whole pool; refused (nothing changes) if the value is invalid, or makes a server rule
     * or an earlier change for one server invalid (e.g. minIdle above a server's maxPerKey).
     */
    synchronized void change(String option, String value) {
        PoolSettings changed = PoolOptions.retuneAtRunTime(pool, option, value);
        for (ServerRule rule : rules) {
            try {
                PoolOptions.retune(changed, rule.values());
            } catch (IllegalArgumentException e) {
                throw new IllegalArgumentException(e.getMessage() + " for servers matching '" + rule.pattern() + "'");
            }
        }
        for (Map.Entry<PoolKey, Map<String, String>> keyChanges : changes.entrySet()) {
            if (holds(keyChanges.getKey(), pool, keyChanges.getValue())) {
                strictly(keyChanges.getKey(), changed, keyChanges.getValue());
            }
        }
        pool = changed;
        inForce.clear();
    }

    /** Changes an option for one server key only; refused if the value is invalid for it. */
    synchronized void change(PoolKey key, String option, String value) {
        PoolOptions.retuneAtRunTime(of(key), option, value);
        Map<String, String> changed = new LinkedHashMap<>(changes.getOrDefault(key, Map.of()));
        changed.put(option, value);
        PoolSettings settings = strictly(key, pool, changed);
        changes.put(key, Map.copyOf(changed));
        inForce.put(key, settings);
    }

    /** Drops the cached settings of a key the pool forgot; its JMX changes are kept for when it comes back. */
    void forget(PoolKey key) {
        inForce.remove(key);
    }

    /** How often maintenance must run for the shortest keepalive any server may have. */
    Duration shortestMaintenanceInterval() {
        Duration shortest = pool.maintenanceInterval();
        for (ServerRule rule : rules) {
            try {
                Duration interval = PoolOptions.retune(pool, rule.values()).maintenanceInterval();
                shortest = interval.compareTo(shortest) < 0 ? interval : shortest;
            } catch (IllegalArgumentException e) {
                // such a rule is reported when a server it matches appears
            }
        }
        return shortest;
    }

    /**
     * The key's settings; a rule that contradicts an earlier matching one is skipped but for its enabled=false, with
     * one log line.
     */
    private PoolSettings computeOrFallBack(PoolKey key) {
        try {
            return strictly(key, pool, changes.getOrDefault(key, Map.of()));
        } catch (IllegalArgumentException contradiction) {
            return PoolOptions.forServer(pool, rules, key.server(), (rule, e) -> AgentLog.warnOnce(
                    "mcp-pool: the options of servers matching '" + rule.pattern() + "' contradict earlier options for "
                            + key + " (" + e.getMessage() + "); "
                            + (rule.turnsPoolingOff() ? "of them only enabled=false is applied to it"
                                    : "they are not applied to it")));
        }
    }

    private boolean holds(PoolKey key, PoolSettings base, Map<String, String> keyChanges) {
        try {
            strictly(key, base, keyChanges);
            return true;
        } catch (IllegalArgumentException e) {
            return false;
        }
    }

    private PoolSettings strictly(PoolKey key, PoolSettings base, Map<String, String> keyChanges) {
        try {
            PoolSettings settings = PoolOptions.forServer(base, rules, key.server(), (rule, contradiction) -> {
                throw contradiction;
            });
            return PoolOptions.retune(settings, keyChanges);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(e.getMessage() + " for server " + key, e);
        }
    }
}
