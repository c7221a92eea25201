package dev.mcppool.bench.endtoend;

import java.time.Duration;

/**
 * How long the runs of one invocation are: the full run, or {@code --quick} for a smoke test. Per-request stdio
 * spawns a server per call (0.4 to 3 s), so those runs are bounded by time alone; every other run does a fixed number
 * of requests unless its time bound ends it first.
 */
enum Pace {
    FULL,
    QUICK;

    int defaultRounds() {
        return pick(2, 1);
    }

    /** Time bound of a per-request stdio run (mode a). */
    Duration spawningDuration() {
        return Duration.ofSeconds(pick(10, 4));
    }

    /** Time bound of every other end-to-end run. */
    Duration boundedDuration() {
        return Duration.ofSeconds(pick(5, 3));
    }

    int perRequestHttpWarmup() {
        return pick(100, 50);
    }

    /**
     * Warmup of the runs that reuse sessions (modes b and c). The per-request app with the agent runs more code per
     * call than the rewritten app, and the JIT compiles it later: after 300 calls b/c over HTTP measured 1.3 to 1.5,
     * after 1,000 about 1.0. Both modes get the same warmup; what the first calls cost is the startup part's to show.
     */
    int reusingWarmup(int threads) {
        return threads == 1 ? pick(1_500, 100) : pick(2_000, 100);
    }

    int requestCap(int threads) {
        return threads == 1 ? pick(2_000, 500) : pick(8_000, 2_000);
    }

    int startupRunsPerSide() {
        return pick(7, 2);
    }

    /** Calls of a resource-growth case. */
    int resourceCalls() {
        return pick(10_000, 1_000);
    }

    Duration resourceDuration() {
        return Duration.ofMinutes(pick(5, 1));
    }

    /** Calls of the resource case that spawns a server per call, and its time bound. */
    int spawningResourceCalls() {
        return pick(1_000, 100);
    }

    Duration spawningResourceDuration() {
        return Duration.ofSeconds(pick(120, 30));
    }

    private int pick(int full, int quick) {
        return this == FULL ? full : quick;
    }
}
