package dev.mcppool.pool;

/** Why the pool closed a session, as JFR and the logs report it. */
public enum DestroyReason {
    IDLE_TIMEOUT("idle longer than idleTimeout"),
    LIFETIME("reached maxLifetime"),
    SOFT_EVICTED("soft evicted over JMX"),
    EVICTED("evicted over JMX"),
    FAILED_VALIDATION("failed validation"),
    BROKEN("closed or broken when returned"),
    TAINTED("its lease changed what cannot be undone"),
    ABANDONED("its client was dropped without close()"),
    OVER_LIMIT("above maxPerKey after it was lowered"),
    POOL_CLOSED("the pool closed (JVM shutdown)"),
    OTHER("closed by the pool");

    private final String description;

    DestroyReason(String description) {
        this.description = description;
    }

    public String description() {
        return description;
    }
}
