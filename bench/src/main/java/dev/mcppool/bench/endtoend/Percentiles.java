package dev.mcppool.bench.endtoend;

import java.util.Arrays;

/** Percentiles by nearest rank, as the demo computes them for one run. */
final class Percentiles {

    private Percentiles() {
    }

    /**
     * The value at rank ⌈percent/100 × n⌉ (at least 1) of ascending nanosecond values, in milliseconds; NaN when
     * there are none.
     */
    static double nearestRankMillis(long[] sortedNanos, double percent) {
        if (sortedNanos.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(percent / 100 * sortedNanos.length);
        return sortedNanos[Math.min(Math.max(rank, 1), sortedNanos.length) - 1] / 1e6;
    }

    /** The median of values, the mean of the middle two for an even count; NaN when there are none. */
    static double median(double[] values) {
        if (values.length == 0) {
            return Double.NaN;
        }
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int middle = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
