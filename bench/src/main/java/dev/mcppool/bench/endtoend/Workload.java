package dev.mcppool.bench.endtoend;

import java.time.Duration;

/**
 * What one end-to-end run does: {@code warmup} unreported requests, then at most {@code requests} measured ones
 * within {@code duration}; the run's JVM is killed after {@code timeout}.
 */
record Workload(int warmup, int requests, Duration duration, Duration timeout) {

    /** Per-request stdio runs' request cap, per worker thread: far above what the time bound lets through. */
    static final int SPAWNING_REQUESTS_PER_THREAD = 100;
    /** A per-request stdio run warms up with one request per thread, at least this many. */
    static final int SPAWNING_MINIMUM_WARMUP = 2;
    /**
     * Beyond a spawning run's time bound: JVM start, the warmup wave and the last requests that started before the
     * bound, each of which may take the SDK's 20 s initialization timeout when 16 servers start at once on 2 cores.
     */
    static final Duration SPAWNING_TIMEOUT_MARGIN = Duration.ofSeconds(120);
    static final Duration TIMEOUT_MARGIN = Duration.ofSeconds(60);

    static Workload of(Scenario scenario, Mode mode, Pace pace) {
        int threads = scenario.threads();
        if (mode == Mode.PER_REQUEST && scenario.transport() == Scenario.Transport.STDIO) {
            return new Workload(Math.max(SPAWNING_MINIMUM_WARMUP, threads), SPAWNING_REQUESTS_PER_THREAD * threads,
                    pace.spawningDuration(), pace.spawningDuration().plus(SPAWNING_TIMEOUT_MARGIN));
        }
        int warmup = mode == Mode.PER_REQUEST ? pace.perRequestHttpWarmup() : pace.reusingWarmup(threads);
        return new Workload(warmup, pace.requestCap(threads), pace.boundedDuration(),
                pace.boundedDuration().plus(TIMEOUT_MARGIN));
    }
}
