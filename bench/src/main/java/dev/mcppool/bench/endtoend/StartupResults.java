package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.function.ToDoubleFunction;

/** The startup runs' samples (without and with the agent, interleaved) and the runs that failed. */
record StartupResults(List<StartupSample> samples, List<RunFailure> failures, Duration took) {

    /** The agent may add at most this much to the time to {@code main} and to the first call. */
    static final double TARGET_EXTRA_MILLIS = 100;

    double median(boolean agent, ToDoubleFunction<StartupSample> measure) {
        return Percentiles.median(values(agent, measure));
    }

    /** Median with the agent minus median without. */
    double extra(ToDoubleFunction<StartupSample> measure) {
        return median(true, measure) - median(false, measure);
    }

    Verdict verdict(ToDoubleFunction<StartupSample> measure) {
        double extra = extra(measure);
        return Double.isNaN(extra) || !failures.isEmpty() ? Verdict.FAILED : Verdict.of(extra <= TARGET_EXTRA_MILLIS);
    }

    double[] values(boolean agent, ToDoubleFunction<StartupSample> measure) {
        return samples.stream().filter(sample -> sample.agent() == agent).mapToDouble(measure).toArray();
    }
}
