package dev.mcppool.jmx;

import dev.mcppool.config.PoolSettings;
import java.util.function.BiConsumer;
import java.util.function.Supplier;

/** {@link RunTimeSettings} read from and written to one scope: the pool, or one server. */
abstract class RunTimeSettingsAttributes implements RunTimeSettings {

    private final Supplier<PoolSettings> inForce;
    private final BiConsumer<String, String> change;

    RunTimeSettingsAttributes(Supplier<PoolSettings> inForce, BiConsumer<String, String> change) {
        this.inForce = inForce;
        this.change = change;
    }

    /** Every setting in force in this scope. */
    public String getSettings() {
        return inForce.get().toString();
    }

    @Override
    public int getMaxPerKey() {
        return inForce.get().maxPerKey();
    }

    @Override
    public void setMaxPerKey(int maxPerKey) {
        change.accept("maxPerKey", String.valueOf(maxPerKey));
    }

    @Override
    public int getMinIdle() {
        return inForce.get().minIdle();
    }

    @Override
    public void setMinIdle(int minIdle) {
        change.accept("minIdle", String.valueOf(minIdle));
    }

    @Override
    public long getMaxWaitMillis() {
        return inForce.get().maxWait().toMillis();
    }

    @Override
    public void setMaxWaitMillis(long maxWaitMillis) {
        change.accept("maxWait", maxWaitMillis + "ms");
    }

    @Override
    public long getValidationTimeoutMillis() {
        return inForce.get().validationTimeout().toMillis();
    }

    @Override
    public void setValidationTimeoutMillis(long validationTimeoutMillis) {
        change.accept("validationTimeout", validationTimeoutMillis + "ms");
    }

    @Override
    public long getLeakDetectionThresholdMillis() {
        return inForce.get().leakDetectionThreshold().toMillis();
    }

    @Override
    public void setLeakDetectionThresholdMillis(long leakDetectionThresholdMillis) {
        change.accept("leakDetectionThreshold", leakDetectionThresholdMillis + "ms");
    }
}
