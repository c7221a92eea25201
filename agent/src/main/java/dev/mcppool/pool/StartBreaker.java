package dev.mcppool.pool;

import java.time.Duration;

/**
 * The create-failure circuit breaker of one server key. After {@code threshold} new sessions in a row failed to start
 * (spawn or initialize), creating sessions for the key fails fast for the cool-down; then one borrower may try
 * (half-open) and its outcome closes or re-opens the breaker. Sessions already in the pool are lent as usual.
 */
final class StartBreaker {

    enum State { CLOSED, OPEN, HALF_OPEN }

    private final int threshold;
    private final Duration coolDown;
    private int consecutiveFailures;
    private long totalFailures;
    private State state = State.CLOSED;
    private long openedAtNanos;
    private long probeStartedAtNanos;

    StartBreaker(int threshold, Duration coolDown) {
        this.threshold = threshold;
        this.coolDown = coolDown;
    }

    /** Asks to create a session now; when refused, returns how long creation stays blocked, else null. */
    synchronized Duration refusal() {
        long now = System.nanoTime();
        switch (state) {
            case OPEN -> {
                long blockedFor = openedAtNanos + coolDown.toNanos() - now;
                if (blockedFor > 0) {
                    return Duration.ofNanos(blockedFor);
                }
                state = State.HALF_OPEN;
                probeStartedAtNanos = now;
                return null;
            }
            case HALF_OPEN -> {
                // One probe at a time; a probe that never reports back (a leaked lease) does not block forever.
                if (now - probeStartedAtNanos < coolDown.toNanos()) {
                    return Duration.ofNanos(probeStartedAtNanos + coolDown.toNanos() - now);
                }
                probeStartedAtNanos = now;
                return null;
            }
            default -> {
                return null;
            }
        }
    }

    synchronized void started() {
        consecutiveFailures = 0;
        state = State.CLOSED;
    }

    /** A start attempt ended without telling whether the server works (the borrower was interrupted, say). */
    synchronized void noVerdict() {
        if (state == State.HALF_OPEN) {
            probeStartedAtNanos = System.nanoTime() - coolDown.toNanos();
        }
    }

    synchronized boolean isClosed() {
        return state == State.CLOSED;
    }

    synchronized void failedToStart() {
        consecutiveFailures++;
        totalFailures++;
        if (state == State.HALF_OPEN || consecutiveFailures >= threshold) {
            state = State.OPEN;
            openedAtNanos = System.nanoTime();
        }
    }

    synchronized int consecutiveFailures() {
        return consecutiveFailures;
    }

    synchronized long totalFailures() {
        return totalFailures;
    }

    /** {@code closed}, {@code half-open} or {@code open (12 s left)}, as JMX shows it. */
    synchronized String describe() {
        if (state == State.OPEN) {
            long left = Math.max(0, openedAtNanos + coolDown.toNanos() - System.nanoTime());
            return "open (" + Duration.ofNanos(left).toSeconds() + " s left)";
        }
        return state == State.HALF_OPEN ? "half-open" : "closed";
    }
}
