package dev.mcppool.demo;

import java.time.Instant;

/**
 * The wall clock in microseconds since the epoch, for {@code --timestamps}: a benchmark runner compares it with the
 * instant it started this JVM, so it has to be the same clock on both sides, not {@link System#nanoTime()}.
 */
final class EpochMicros {

    private EpochMicros() {
    }

    static long now() {
        Instant now = Instant.now();
        return now.getEpochSecond() * 1_000_000 + now.getNano() / 1_000;
    }
}
