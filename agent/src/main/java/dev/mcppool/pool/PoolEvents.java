package dev.mcppool.pool;

import java.time.Duration;

/** What the pool tells observers (JFR) about its sessions; each method must be cheap when nobody listens. */
public interface PoolEvents {

    PoolEvents NONE = new PoolEvents() {
    };

    /** Called once, off the application's threads, before the first event: sets up what the first event would. */
    default void prepare() {
    }

    /** A new session answered its first request: {@code startup} covers spawn or connect and initialize. */
    default void sessionStarted(PoolKey key, Duration startup) {
    }

    default void sessionDestroyed(PoolKey key, DestroyReason reason, Duration age, long timesLent) {
    }

    /** A borrower got a session after {@code wait}; {@code reused} is false when it was created for this borrow. */
    default void borrowed(PoolKey key, Duration wait, boolean reused) {
    }

    default void validationFailed(PoolKey key, String reason) {
    }

    /** A lease was held past leakDetectionThreshold; {@code borrowSite} is the stack of the code that borrowed it. */
    default void leakDetected(PoolKey key, Duration held, String borrowerThread, String borrowSite) {
    }
}
