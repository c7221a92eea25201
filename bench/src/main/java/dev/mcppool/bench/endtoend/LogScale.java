package dev.mcppool.bench.endtoend;

import java.util.ArrayList;
import java.util.List;

/** A base-10 logarithmic axis from {@code lowest} to {@code highest} (both powers of ten), drawn from x0 to x1. */
record LogScale(double lowest, double highest, double x0, double x1) {

    /**
     * The axis over whole decades that covers {@code values} (NaN ones ignored) and at least {@code minimum} to
     * {@code maximum}.
     */
    static LogScale covering(double[] values, double minimum, double maximum, double x0, double x1) {
        double low = minimum;
        double high = maximum;
        for (double value : values) {
            if (!Double.isNaN(value) && value > 0) {
                low = Math.min(low, value);
                high = Math.max(high, value);
            }
        }
        return new LogScale(Math.pow(10, Math.floor(Math.log10(low))), Math.pow(10, Math.ceil(Math.log10(high))),
                x0, x1);
    }

    /** The x of {@code value}, which is held to the axis' range. */
    double x(double value) {
        double clamped = Math.min(Math.max(value, lowest), highest);
        double fraction = (Math.log10(clamped) - Math.log10(lowest)) / (Math.log10(highest) - Math.log10(lowest));
        return x0 + fraction * (x1 - x0);
    }

    /** Every power of ten from {@code lowest} to {@code highest}. */
    List<Double> decades() {
        List<Double> decades = new ArrayList<>();
        long first = Math.round(Math.log10(lowest));
        long last = Math.round(Math.log10(highest));
        for (long exponent = first; exponent <= last; exponent++) {
            decades.add(Math.pow(10, exponent));
        }
        return decades;
    }
}
