package dev.mcppool.pool;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalLong;

/**
 * One pooled session as operators see it. {@code idle} is how long an idle session has waited (zero while leased);
 * {@code sessionId} is already shortened.
 */
public record SessionView(PoolKey key, boolean leased, Duration age, Duration idle, long timesLent,
                          OptionalLong processId, Optional<String> sessionId) {

    private static final int SHOWN_SESSION_ID_CHARACTERS = 6;

    static Optional<String> shortened(Optional<String> sessionId) {
        return sessionId.map(id -> id.length() <= SHOWN_SESSION_ID_CHARACTERS ? "…"
                : id.substring(0, SHOWN_SESSION_ID_CHARACTERS) + "…");
    }
}
