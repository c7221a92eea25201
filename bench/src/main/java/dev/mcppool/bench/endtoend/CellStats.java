package dev.mcppool.bench.endtoend;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * All rounds of one scenario and mode, merged: percentiles over every measured request's latency, and calls/s as
 * the sum of requests over the sum of the batches' seconds.
 *
 * @param runs how many runs the cell had
 * @param requests measured requests of all runs that reported
 * @param failures one per run that was not clean; the cell counts as failed when there is any
 */
record CellStats(int runs, int requests, int errors, int warmupRequests, int warmupErrors, double p50Millis,
        double p99Millis, double callsPerSecond, List<RunFailure> failures) {

    static CellStats of(List<DemoRun> runs) {
        int requests = 0;
        int errors = 0;
        int warmupRequests = 0;
        int warmupErrors = 0;
        double batchSeconds = 0;
        List<long[]> latencies = new ArrayList<>();
        List<RunFailure> failures = new ArrayList<>();
        for (DemoRun run : runs) {
            run.failure().ifPresent(failures::add);
            latencies.add(run.latencyNanos());
            if (run.report() != null) {
                requests += run.report().requests();
                errors += run.report().errors();
                warmupRequests += run.report().warmupRequests();
                warmupErrors += run.report().warmupErrors();
                batchSeconds += run.report().batchSeconds();
            }
        }
        long[] merged = latencies.stream().flatMapToLong(Arrays::stream).sorted().toArray();
        return new CellStats(runs.size(), requests, errors, warmupRequests, warmupErrors,
                Percentiles.nearestRankMillis(merged, 50), Percentiles.nearestRankMillis(merged, 99),
                batchSeconds > 0 ? requests / batchSeconds : Double.NaN, List.copyOf(failures));
    }

    boolean failed() {
        return !failures.isEmpty();
    }

    /** Whether there is a latency to compare: at least one measured request. */
    boolean hasData() {
        return !Double.isNaN(p50Millis);
    }
}
