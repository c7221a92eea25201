package dev.mcppool.bench.endtoend;

/** A target's outcome; FAILED when a run it depends on was not clean or measured nothing. */
enum Verdict {
    PASS,
    MISS,
    FAILED;

    static Verdict of(boolean met) {
        return met ? PASS : MISS;
    }
}
