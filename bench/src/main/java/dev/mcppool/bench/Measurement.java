package dev.mcppool.bench;

import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.util.Statistics;

/** One benchmark configuration's result: time per operation in µs at three percentiles, and throughput. */
record Measurement(String benchmark, String transport, int threads, double p50Micros, double p99Micros,
                   double p999Micros, double opsPerSecond) {

    private static final String TRANSPORT_PARAM = "transport";

    static Measurement of(RunResult result) {
        BenchmarkParams params = result.getParams();
        Statistics statistics = result.getPrimaryResult().getStatistics();
        double microsPerUnit = params.getTimeUnit().toNanos(1) / 1_000.0;
        double meanMicros = statistics.getMean() * microsPerUnit;
        String transport = params.getParamsKeys().contains(TRANSPORT_PARAM) ? params.getParam(TRANSPORT_PARAM) : "";
        return new Measurement(shortName(params.getBenchmark()), transport, params.getThreads(),
                statistics.getPercentile(50) * microsPerUnit,
                statistics.getPercentile(99) * microsPerUnit,
                statistics.getPercentile(99.9) * microsPerUnit,
                // Little's law: every thread starts its next operation as soon as the last one ends
                params.getThreads() * 1_000_000.0 / meanMicros);
    }

    /** {@code Class.method} without the package. */
    private static String shortName(String benchmark) {
        int method = benchmark.lastIndexOf('.');
        return benchmark.substring(benchmark.lastIndexOf('.', method - 1) + 1);
    }
}
