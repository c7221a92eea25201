package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Runs the demo client in a JVM of its own, with or without the agent, and collects its report and latencies. */
final class DemoLauncher {

    /**
     * As many sessions per server as the rewritten app keeps clients (16 threads), and room for a cold start of that
     * many server JVMs at once on 2 cores, which takes longer than the default maxWait of 5 s.
     */
    static final String AGENT_OPTIONS = "maxPerKey=16,maxWait=60s";
    private static final int SHOWN_ERROR_LINES = 5;
    private static final String REQUEST_ERROR_PREFIX = "error request=";

    private final Artifacts artifacts;
    private final ProcessReaper reaper;
    private final Path runFolder;

    /** Each run keeps its stdout, stderr and latencies as {@code <name>.out/.err/.latencies} in {@code runFolder}. */
    DemoLauncher(Artifacts artifacts, ProcessReaper reaper, Path runFolder) throws IOException {
        this.artifacts = artifacts;
        this.reaper = reaper;
        this.runFolder = Files.createDirectories(runFolder);
    }

    Path runFolder() {
        return runFolder;
    }

    /**
     * Runs {@code java [-javaagent:<agent>] -jar demo-app.jar <demoArgs> --latency-file <file>} and waits for it; after
     * {@code timeout} the JVM is killed. Either way its descendants still alive at the end are killed too.
     */
    DemoRun run(String name, boolean agent, List<String> demoArgs, Duration timeout, Map<String, String> environment)
            throws IOException, InterruptedException {
        Path out = runFolder.resolve(name + ".out");
        Path err = runFolder.resolve(name + ".err");
        Path latencies = runFolder.resolve(name + ".latencies");
        Files.deleteIfExists(latencies);
        List<String> command = new ArrayList<>(List.of(artifacts.java().toString()));
        if (agent) {
            command.add("-javaagent:" + artifacts.agentJar().toAbsolutePath() + "=" + AGENT_OPTIONS);
        }
        command.addAll(List.of("-jar", artifacts.demoJar().toAbsolutePath().toString()));
        command.addAll(demoArgs);
        command.addAll(List.of("--latency-file", latencies.toAbsolutePath().toString()));
        ProcessBuilder builder = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile());
        builder.environment().putAll(environment);

        Instant spawnedAt = Instant.now();
        WatchedProcess process = reaper.start(builder);
        boolean exited;
        Instant endedAt;
        int strayProcesses;
        try {
            process.process().getOutputStream().close();
            exited = process.waitFor(timeout);
            endedAt = Instant.now();
        } finally {
            strayProcesses = reaper.release(process);
        }
        DemoReport report = null;
        String reportProblem = null;
        try {
            report = DemoReport.parse(text(out));
        } catch (IllegalArgumentException e) {
            reportProblem = "no usable report: " + e.getMessage();
        }
        return new DemoRun(name, spawnedAt, Duration.between(spawnedAt, endedAt),
                exited ? process.process().exitValue() : -1, !exited, strayProcesses, report, reportProblem,
                errorLines(err), readLatencies(latencies));
    }

    /** The first {@code error request=} lines of a run's stderr; without any, its last lines. */
    static List<String> errorLines(Path stderr) throws IOException {
        List<String> lines = text(stderr).lines().filter(line -> !line.isBlank()).toList();
        List<String> requestErrors = lines.stream().filter(line -> line.startsWith(REQUEST_ERROR_PREFIX))
                .limit(SHOWN_ERROR_LINES).toList();
        return !requestErrors.isEmpty() ? requestErrors
                : lines.subList(Math.max(0, lines.size() - SHOWN_ERROR_LINES), lines.size());
    }

    /** The file as UTF-8, any malformed bytes replaced rather than failing the run's evaluation. */
    private static String text(Path file) throws IOException {
        return new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
    }

    private static long[] readLatencies(Path file) throws IOException {
        if (!Files.exists(file)) {
            return new long[0];
        }
        return Files.readAllLines(file).stream().filter(line -> !line.isBlank()).mapToLong(Long::parseLong).toArray();
    }
}
