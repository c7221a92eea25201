package dev.mcppool.jfr;

import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.DestroyReason;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.pool.PoolKey;
import java.time.Duration;
import java.util.List;
import jdk.jfr.Event;
import jdk.jfr.FlightRecorder;

/**
 * The pool's events as JDK Flight Recorder events (category "MCP Pool"), enabled by default; while no recording runs,
 * each costs one {@code shouldCommit()} check. Labels are redacted like everywhere else.
 */
public final class JfrPoolEvents implements PoolEvents {

    /**
     * Registers the event classes now (otherwise the first event does, and Flight Recorder sets itself up inside the
     * application's first borrow: some 70 classes, ~0.1 s on a small machine).
     */
    @Override
    public void prepare() {
        try {
            for (Class<? extends Event> type : List.of(SessionStartedEvent.class, SessionDestroyedEvent.class,
                    BorrowEvent.class, ValidationFailureEvent.class, LeakEvent.class)) {
                FlightRecorder.register(type);
            }
        } catch (RuntimeException | LinkageError e) {
            AgentLog.debug("mcp-pool: JFR events are registered when first used (" + e + ")");
        }
    }

    @Override
    public void sessionStarted(PoolKey key, Duration startup) {
        SessionStartedEvent event = new SessionStartedEvent();
        if (event.shouldCommit()) {
            event.describe(key);
            event.startupTime = startup.toNanos();
            event.commit();
        }
    }

    @Override
    public void sessionDestroyed(PoolKey key, DestroyReason reason, Duration age, long timesLent) {
        SessionDestroyedEvent event = new SessionDestroyedEvent();
        if (event.shouldCommit()) {
            event.describe(key);
            event.reason = reason.description();
            event.age = age.toNanos();
            event.timesLent = timesLent;
            event.commit();
        }
    }

    @Override
    public void borrowed(PoolKey key, Duration wait, boolean reused) {
        BorrowEvent event = new BorrowEvent();
        if (event.shouldCommit()) {
            event.describe(key);
            event.waitTime = wait.toNanos();
            event.reused = reused;
            event.commit();
        }
    }

    @Override
    public void validationFailed(PoolKey key, String reason) {
        ValidationFailureEvent event = new ValidationFailureEvent();
        if (event.shouldCommit()) {
            event.describe(key);
            event.reason = reason;
            event.commit();
        }
    }

    @Override
    public void leakDetected(PoolKey key, Duration held, String borrowerThread, String borrowSite) {
        LeakEvent event = new LeakEvent();
        if (event.shouldCommit()) {
            event.describe(key);
            event.heldFor = held.toNanos();
            event.borrowerThread = borrowerThread;
            event.borrowSite = borrowSite;
            event.commit();
        }
    }
}
