package dev.mcppool.pool;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;

/** An in-memory session with switches for the faults the pool must notice. */
final class FakeSession implements PooledSession {

    final int id;
    volatile boolean usable = true;
    volatile boolean answersPing = true;
    volatile boolean hangs;
    /** The health check itself fails (throws), as a broken adapter's might. */
    volatile boolean checkThrows;
    /** While set, a ping waits for it to open before answering. */
    volatile CountDownLatch pingGate;
    final AtomicInteger pings = new AtomicInteger();
    /** The timeout each ping was given, in order. */
    final List<Duration> pingTimeouts = new CopyOnWriteArrayList<>();
    final AtomicInteger closes = new AtomicInteger();
    final AtomicInteger terminations = new AtomicInteger();

    FakeSession(int id) {
        this.id = id;
    }

    @Override
    public boolean isUsable() {
        if (checkThrows) {
            throw new IllegalStateException("health check failed");
        }
        return usable && closes.get() == 0;
    }

    @Override
    public boolean ping(Duration timeout) {
        pings.incrementAndGet();
        pingTimeouts.add(timeout);
        CountDownLatch gate = pingGate;
        if (gate != null) {
            try {
                gate.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (hangs) {
            try {
                Thread.sleep(timeout.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            return false;
        }
        return answersPing;
    }

    @Override
    public OptionalLong processId() {
        return OptionalLong.of(40_000L + id);
    }

    @Override
    public Optional<String> sessionId() {
        return Optional.of("session-" + id);
    }

    @Override
    public void close() {
        closes.incrementAndGet();
    }

    @Override
    public void terminate(Duration grace) {
        terminations.incrementAndGet();
    }

    @Override
    public boolean isTerminated() {
        return terminations.get() > 0;
    }
}
