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

    private static final int MOST_SHOWN_SESSION_ID_CHARACTERS = 6;

    /** At most the first 6 characters, and never more than a quarter of the id. */
    static Optional<String> shortened(Optional<String> sessionId) {
        return sessionId.map(id -> id.substring(0, Math.min(MOST_SHOWN_SESSION_ID_CHARACTERS, id.length() / 4))
                + "…");
    }
}
