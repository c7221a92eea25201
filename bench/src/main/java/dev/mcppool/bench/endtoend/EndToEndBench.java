package dev.mcppool.bench.endtoend;

import dev.mcppool.bench.Machine;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The end-to-end benchmark of the agent: the demo's per-request app without and with the agent against the app
 * rewritten with one client per thread ({@link EndToEndRun}), then startup ({@link StartupRun}) and footprint and
 * resource growth ({@link ResourceRun}). Run from the repository root by {@code bench/run-end-to-end.sh}, which builds
 * first; writes {@code end-to-end.md}, {@code end-to-end.svg} and {@code startup-and-resources.md}.
 */
public final class EndToEndBench {

    static final String SCRIPT = "bench/run-end-to-end.sh";
    static final String END_TO_END_REPORT = "end-to-end.md";
    static final String END_TO_END_CHART = "end-to-end.svg";
    static final String STARTUP_AND_RESOURCES_REPORT = "startup-and-resources.md";

    private EndToEndBench() {
    }

    public static void main(String[] args) throws IOException, InterruptedException {
        BenchOptions options;
        try {
            options = BenchOptions.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println("end-to-end bench: " + e.getMessage());
            System.err.println(BenchOptions.USAGE);
            System.exit(2);
            return;
        }
        if (options.help()) {
            System.out.println(BenchOptions.USAGE);
            return;
        }
        Instant start = Instant.now();
        Artifacts artifacts;
        try {
            artifacts = Artifacts.locate(Path.of("").toAbsolutePath());
        } catch (IllegalStateException e) {
            System.err.println("end-to-end bench: " + e.getMessage());
            System.exit(2);
            return;
        }
        ProcessReaper reaper = new ProcessReaper();
        ZonedDateTime date = ZonedDateTime.now(ZoneOffset.UTC);
        Path runFolder = artifacts.workFolder().resolve(date.format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss")));
        DemoLauncher launcher = new DemoLauncher(artifacts, reaper, runFolder);
        RunContext context = new RunContext(date,
                Machine.withJvm(ChildJvm.version(artifacts, reaper, runFolder.resolve("java-version.txt"))),
                (SCRIPT + " " + String.join(" ", args)).strip(), RunContext.currentLoadAverage());
        Files.createDirectories(options.results());
        System.out.println("Machine: " + context.machine().hardware() + "; " + context.machine().jvm() + "; load average "
                + context.loadAverage());
        System.out.println("Run output (stdout, stderr, latencies of each JVM): " + runFolder);

        if (options.parts().contains(Part.E2E)) {
            EndToEndResults results = new EndToEndRun(artifacts, reaper, launcher, options.pace(), options.rounds(),
                    System.out).run();
            EndToEndReport report = new EndToEndReport(context, results, END_TO_END_CHART);
            write(options.results().resolve(END_TO_END_REPORT), report.markdown());
            write(options.results().resolve(END_TO_END_CHART), LatencyChart.of(results, context).svg());
            System.out.println();
            System.out.println(report.latencyTable());
            System.out.println(report.ratioTable());
            System.out.println(report.summary());
        }
        StartupResults startup = null;
        if (options.parts().contains(Part.STARTUP)) {
            startup = new StartupRun(launcher, options.pace().startupRunsPerSide(), System.out).run();
        }
        List<ResourceResult> resources = null;
        Duration resourcesTook = Duration.ZERO;
        if (options.parts().contains(Part.RESOURCES)) {
            Instant resourcesStart = Instant.now();
            resources = new ResourceRun(artifacts, launcher, options.pace(), System.out).run();
            resourcesTook = Duration.between(resourcesStart, Instant.now());
        }
        if (startup != null || resources != null) {
            String markdown = new StartupAndResourcesReport(context, options.pace(), startup, resources, resourcesTook)
                    .markdown();
            write(options.results().resolve(STARTUP_AND_RESOURCES_REPORT), markdown);
            System.out.println();
            System.out.println(markdown);
        }
        System.out.println(Format.number("The whole run took %.1f min.",
                Duration.between(start, Instant.now()).toSeconds() / 60.0));
    }

    private static void write(Path file, String content) throws IOException {
        Files.writeString(file, content);
        System.out.println("Written to " + file);
    }
}
