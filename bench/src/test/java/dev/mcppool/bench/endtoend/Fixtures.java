package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;

/** Reports and runs as the demo and the launcher produce them. */
final class Fixtures {

    private Fixtures() {
    }

    static String report(int requests, int errors, double p50Millis, double p99Millis, double throughput) {
        return Format.number("""
                warmup requests=20 errors=1
                batch=1
                mode=http target=own-server requests=%d threads=1 errors=%d
                latency p50=%.3fms p99=%.3fms mean=1.000ms max=9.000ms
                throughput=%.2f/s
                results-digest=0123abcd
                error-types=%s
                server-sessions=1
                jvm-threads=25 health-check-threads=0 open-fds=40 child-processes=0
                """, requests, errors, p50Millis, p99Millis, throughput,
                errors == 0 ? "none" : "java.lang.RuntimeException:" + errors);
    }

    /** A run that exited 0 with the given report and latencies. */
    static DemoRun run(String name, String report, long... latencyNanos) {
        return new DemoRun(name, Instant.parse("2026-11-21T12:00:00Z"), Duration.ofSeconds(5), 0, false, 0,
                DemoReport.parse(report), null, List.of("error request=3 java.lang.RuntimeException: boom"),
                latencyNanos);
    }

    /** A clean run whose every request took {@code millis}, {@code requests} of them at {@code throughput}/s. */
    static DemoRun cleanRun(String name, int requests, double millis, double throughput) {
        long[] latencies = new long[requests];
        Arrays.fill(latencies, Math.round(millis * 1e6));
        return run(name, report(requests, 0, millis, millis, throughput), latencies);
    }

    static CellStats cell(double p50Millis, double p99Millis, double callsPerSecond, boolean failed) {
        return new CellStats(2, 100, failed ? 1 : 0, 20, 0, p50Millis, p99Millis, callsPerSecond,
                failed ? List.of(new RunFailure("e2e-r1-x", "errors=1 of 100 requests", List.of("error request=1")))
                        : List.of());
    }
}
