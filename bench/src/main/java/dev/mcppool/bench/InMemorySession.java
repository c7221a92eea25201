package dev.mcppool.bench;

import dev.mcppool.pool.PooledSession;
import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/** A session with nothing behind it (no process, no connection): lending it costs only the pool's own work. */
public final class InMemorySession implements PooledSession {

    private volatile boolean closed;

    @Override
    public boolean isUsable() {
        return !closed;
    }

    @Override
    public boolean ping(Duration timeout) {
        return !closed;
    }

    @Override
    public void close() {
        closed = true;
    }

    @Override
    public void terminate(Duration grace) {
        closed = true;
    }

    @Override
    public boolean isTerminated() {
        return closed;
    }

    @Override
    public OptionalLong processId() {
        return OptionalLong.empty();
    }

    @Override
    public Optional<String> sessionId() {
        return Optional.empty();
    }
}
