package dev.mcppool.bench.endtoend;

import java.util.Map;

/**
 * The comparisons of one scenario: how much the agent gains over the per-request app (a/b) and how close it comes to
 * the hand-rewritten one (b/c), with the verdicts on the targets.
 */
record ScenarioRatios(Scenario scenario, double aOverBP50, double aOverBP99, double bOverACallsPerSecond,
        double bOverCP50, double bOverCP99, Verdict pooling, Verdict overhead) {

    /** a/b of p50 must reach this over stdio, where the per-request app spawns a server per call. */
    static final double STDIO_POOLING_TARGET = 300;
    static final double HTTP_POOLING_TARGET = 6;
    /** b/c of p50 must not exceed this. */
    static final double OVERHEAD_TARGET = 1.10;

    static double poolingTarget(Scenario.Transport transport) {
        return transport == Scenario.Transport.STDIO ? STDIO_POOLING_TARGET : HTTP_POOLING_TARGET;
    }

    static ScenarioRatios of(Scenario scenario, Map<Mode, CellStats> cells) {
        CellStats a = cells.get(Mode.PER_REQUEST);
        CellStats b = cells.get(Mode.POOLED);
        CellStats c = cells.get(Mode.PER_THREAD);
        double aOverBP50 = a.p50Millis() / b.p50Millis();
        double bOverCP50 = b.p50Millis() / c.p50Millis();
        return new ScenarioRatios(scenario, aOverBP50, a.p99Millis() / b.p99Millis(),
                b.callsPerSecond() / a.callsPerSecond(), bOverCP50, b.p99Millis() / c.p99Millis(),
                usable(a, b) ? Verdict.of(aOverBP50 >= poolingTarget(scenario.transport())) : Verdict.FAILED,
                usable(b, c) ? Verdict.of(bOverCP50 <= OVERHEAD_TARGET) : Verdict.FAILED);
    }

    private static boolean usable(CellStats first, CellStats second) {
        return !first.failed() && !second.failed() && first.hasData() && second.hasData();
    }
}
