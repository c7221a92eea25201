package dev.mcppool.bench;

import static dev.mcppool.bench.MicroBench.TARGET_P99_MICROS;
import static dev.mcppool.bench.MicroBench.TARGET_THREADS;

import dev.mcppool.sdk.AgentPathBenchmark;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The run as Markdown: where and how it ran, one table row per configuration, and the verdict on the target. */
final class MicroBenchReport {

    private final Machine machine;
    private final String jmhVersion;
    private final ZonedDateTime date;
    private final List<Measurement> agent;
    private final List<Measurement> bare;

    MicroBenchReport(Machine machine, String jmhVersion, ZonedDateTime date, List<Measurement> agent,
            List<Measurement> bare) {
        this.machine = machine;
        this.jmhVersion = jmhVersion;
        this.date = date;
        this.agent = agent;
        this.bare = bare;
    }

    String markdown() {
        StringBuilder markdown = new StringBuilder()
                .append("# Microbenchmark: the agent's borrow path against bare commons-pool2\n\n")
                .append("- Date: ").append(date.format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'")))
                .append('\n')
                .append("- Machine: ").append(machine.hardware()).append('\n')
                .append("- Java: ").append(machine.jvm()).append('\n')
                .append("- Run: JMH ").append(jmhVersion).append(", Mode.SampleTime, ")
                .append(MicroBench.FORKS).append(" fork, ")
                .append(MicroBench.WARMUP_ITERATIONS).append(" × ").append(MicroBench.ITERATION_TIME)
                .append(" warmup, ")
                .append(MicroBench.MEASUREMENT_ITERATIONS).append(" × ").append(MicroBench.ITERATION_TIME)
                .append(" measurement per configuration\n")
                .append("- AgentPathBenchmark: the pool key from an official-SDK `McpClient.sync(transport)` spec"
                        + " (`SpecKeys.keyFor`), `SessionPool.borrow`, `Lease.release(CLEAN)` on an in-memory"
                        + " session; options `").append(AgentPathBenchmark.POOL_OPTIONS)
                .append("`, so no borrow ever waits\n")
                .append("- BareGkopBenchmark: `GenericKeyedObjectPool.borrowObject` + `returnObject` of a trivial"
                        + " object under one prebuilt key, same limits\n")
                .append("- ops/s = threads ÷ mean time per operation (Little's law)\n")
                .append("- Reproduce: `mvn -B -q package -DskipTests -pl agent,bench -am && java -jar"
                        + " bench/target/microbench.jar`\n\n")
                .append("| benchmark | transport | threads | p50 µs | p99 µs | p99.9 µs | ops/s | agent/bare p50"
                        + " | agent/bare p99 |\n")
                .append("|---|---|--:|--:|--:|--:|--:|--:|--:|\n");
        for (int threads : MicroBench.THREADS) {
            for (Measurement measurement : agent) {
                if (measurement.threads() == threads) {
                    markdown.append(row(measurement, bareAt(threads)));
                }
            }
            markdown.append(row(bareAt(threads), null));
        }
        return markdown.append('\n').append(verdict()).append('\n').toString();
    }

    private Measurement bareAt(int threads) {
        return bare.stream().filter(measurement -> measurement.threads() == threads).findFirst()
                .orElseThrow(() -> new IllegalStateException("no bare commons-pool2 result at " + threads + " threads"));
    }

    /** A table row; with a {@code baseline}, the ratios to it. */
    private static String row(Measurement measurement, Measurement baseline) {
        String ratios = baseline == null ? "— | —"
                : number("%.2f", measurement.p50Micros() / baseline.p50Micros()) + " | "
                        + number("%.2f", measurement.p99Micros() / baseline.p99Micros());
        String transport = measurement.transport().isEmpty() ? "—" : measurement.transport();
        return "| " + measurement.benchmark() + " | " + transport + " | " + measurement.threads()
                + " | " + number("%.2f", measurement.p50Micros()) + " | " + number("%.2f", measurement.p99Micros())
                + " | " + number("%.2f", measurement.p999Micros()) + " | " + number("%,.0f", measurement.opsPerSecond())
                + " | " + ratios + " |\n";
    }

    private String verdict() {
        List<Measurement> atTarget = agent.stream().filter(measurement -> measurement.threads() == TARGET_THREADS)
                .toList();
        boolean pass = !atTarget.isEmpty()
                && atTarget.stream().allMatch(measurement -> measurement.p99Micros() <= TARGET_P99_MICROS);
        return "**Target p99 ≤ " + number("%.0f", TARGET_P99_MICROS) + " µs at " + TARGET_THREADS + " threads: "
                + (pass ? "PASS" : "MISS") + "** (agent path p99: " + atTarget.stream()
                .map(measurement -> measurement.transport() + " " + number("%.2f", measurement.p99Micros()) + " µs")
                .collect(Collectors.joining(", ")) + ")";
    }

    private static String number(String format, double value) {
        return String.format(Locale.ROOT, format, value);
    }
}
