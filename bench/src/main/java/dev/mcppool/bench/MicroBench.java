package dev.mcppool.bench;

import dev.mcppool.sdk.AgentPathBenchmark;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.infra.BenchmarkParams;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * Runs the agent-path and the bare commons-pool2 benchmarks at 1, 8 and 32 threads, then writes the comparison as
 * Markdown to {@code bench/results/microbench.md} (or the path given as the only argument) and prints it.
 */
public final class MicroBench {

    static final int[] THREADS = {1, 8, 32};
    static final int TARGET_THREADS = 32;
    static final double TARGET_P99_MICROS = 5;
    static final int FORKS = 1;
    static final int WARMUP_ITERATIONS = 3;
    static final int MEASUREMENT_ITERATIONS = 5;
    static final TimeValue ITERATION_TIME = TimeValue.seconds(1);
    private static final Path DEFAULT_REPORT = Path.of("bench", "results", "microbench.md");

    private MicroBench() {
    }

    public static void main(String[] args) throws RunnerException, IOException {
        Path reportFile = args.length > 0 ? Path.of(args[0]) : DEFAULT_REPORT;
        List<RunResult> agent = new ArrayList<>();
        List<RunResult> bare = new ArrayList<>();
        // interleaved, so that a noisy spell on the machine hits both sides of a comparison alike
        for (int threads : THREADS) {
            agent.addAll(run(AgentPathBenchmark.class, threads));
            bare.addAll(run(BareGkopBenchmark.class, threads));
        }
        BenchmarkParams firstRun = agent.get(0).getParams();
        String report = new MicroBenchReport(Machine.of(firstRun), firstRun.getJmhVersion(),
                ZonedDateTime.now(ZoneOffset.UTC), measurements(agent), measurements(bare)).markdown();
        Files.createDirectories(reportFile.toAbsolutePath().getParent());
        Files.writeString(reportFile, report);
        System.out.println(report);
        System.out.println("Written to " + reportFile);
    }

    private static Collection<RunResult> run(Class<?> benchmark, int threads) throws RunnerException {
        Options options = new OptionsBuilder()
                .include("^" + Pattern.quote(benchmark.getName()) + "\\.")
                .mode(Mode.SampleTime)
                .timeUnit(TimeUnit.MICROSECONDS)
                .threads(threads)
                .forks(FORKS)
                .warmupIterations(WARMUP_ITERATIONS)
                .warmupTime(ITERATION_TIME)
                .measurementIterations(MEASUREMENT_ITERATIONS)
                .measurementTime(ITERATION_TIME)
                .build();
        return new Runner(options).run();
    }

    private static List<Measurement> measurements(List<RunResult> results) {
        return results.stream().map(Measurement::of).toList();
    }
}
