package dev.mcppool.jmx;

import dev.mcppool.config.PoolSettings;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/**
 * The settings JMX can change at run time, read from and written to one scope (the pool, or one server). Values are
 * validated by the pool's option rules; a refused value reaches the JMX client as an IllegalArgumentException.
 */
final class TunableSettings {

    private final Supplier<PoolSettings> inForce;
    private final BiConsumer<String, String> change;

    TunableSettings(Supplier<PoolSettings> inForce, BiConsumer<String, String> change) {
        this.inForce = inForce;
        this.change = change;
    }

    String describe() {
        return inForce.get().toString();
    }

    int maxPerKey() {
        return inForce.get().maxPerKey();
    }

    void maxPerKey(int value) {
        change.accept("maxPerKey", String.valueOf(value));
    }

    int minIdle() {
        return inForce.get().minIdle();
    }

    void minIdle(int value) {
        change.accept("minIdle", String.valueOf(value));
    }

    long maxWaitMillis() {
        return inForce.get().maxWait().toMillis();
    }

    void maxWaitMillis(long value) {
        change.accept("maxWait", value + "ms");
    }

    long validationTimeoutMillis() {
        return inForce.get().validationTimeout().toMillis();
    }

    void validationTimeoutMillis(long value) {
        change.accept("validationTimeout", value + "ms");
    }

    long leakDetectionThresholdMillis() {
        return inForce.get().leakDetectionThreshold().toMillis();
    }

    void leakDetectionThresholdMillis(long value) {
        change.accept("leakDetectionThreshold", value + "ms");
    }
}
