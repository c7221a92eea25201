package dev.mcppool.jmx;

/**
 * The settings JMX can change while the application runs, as writable attributes of the pool's MBean (for the pool)
 * and of each server's MBean (for that server only). Changes take effect at once; a refused value (invalid, or minIdle
 * above maxPerKey) changes nothing and reaches the JMX client as an IllegalArgumentException saying why.
 */
public interface RunTimeSettings {

    /** maxPerKey in force (raising it wakes waiting borrowers; lowering it closes idle sessions above it). */
    int getMaxPerKey();

    void setMaxPerKey(int maxPerKey);

    /** minIdle in force (raising it starts sessions for servers the pool can start on its own). */
    int getMinIdle();

    void setMinIdle(int minIdle);

    /** maxWait in force, in milliseconds (applies to borrows that start after the change). */
    long getMaxWaitMillis();

    void setMaxWaitMillis(long maxWaitMillis);

    /** validationTimeout in force, in milliseconds (applies to the next health check). */
    long getValidationTimeoutMillis();

    void setValidationTimeoutMillis(long validationTimeoutMillis);

    /** leakDetectionThreshold in force, in milliseconds; 0 is off (applies to leases that start after the change). */
    long getLeakDetectionThresholdMillis();

    void setLeakDetectionThresholdMillis(long leakDetectionThresholdMillis);
}
