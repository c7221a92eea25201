package dev.mcppool.bench.endtoend;

/** One startup run: milliseconds from just before the JVM's spawn to {@code main} and to its first call's end. */
record StartupSample(boolean agent, double toMainMillis, double toFirstCallMillis) {

    /** From a run with {@code --timestamps}; null when its report lacks the timestamps. */
    static StartupSample of(boolean agent, DemoRun run) {
        if (run.report() == null || run.report().count("main-entered-at").isEmpty()
                || run.report().count("batch-ended-at").isEmpty()) {
            return null;
        }
        long spawnMicros = run.spawnedAt().getEpochSecond() * 1_000_000 + run.spawnedAt().getNano() / 1_000;
        return new StartupSample(agent,
                (run.report().count("main-entered-at").getAsLong() - spawnMicros) / 1000.0,
                (run.report().count("batch-ended-at").getAsLong() - spawnMicros) / 1000.0);
    }
}
