package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Startup cost of the agent: the demo with {@code --timestamps --requests 1} against its own HTTP server (inside its
 * JVM, so no server process adds noise), alternately without and with the agent.
 */
final class StartupRun {

    static final List<String> DEMO_ARGUMENTS = List.of("--transport", "http", "--requests", "1", "--threads", "1",
            "--timestamps");
    private static final Duration TIMEOUT = Duration.ofMinutes(2);

    private final DemoLauncher launcher;
    private final int runsPerSide;
    private final PrintStream progress;

    StartupRun(DemoLauncher launcher, int runsPerSide, PrintStream progress) {
        this.launcher = launcher;
        this.runsPerSide = runsPerSide;
        this.progress = progress;
    }

    StartupResults run() throws IOException, InterruptedException {
        Instant start = Instant.now();
        List<StartupSample> samples = new ArrayList<>();
        List<RunFailure> failures = new ArrayList<>();
        for (int i = 1; i <= runsPerSide; i++) {
            for (boolean agent : new boolean[] {false, true}) {
                String name = "startup-" + i + (agent ? "-agent" : "-plain");
                DemoRun run = launcher.run(name, agent, DEMO_ARGUMENTS, TIMEOUT, Map.of());
                StartupSample sample = run.failure().isEmpty() ? StartupSample.of(agent, run) : null;
                if (run.failure().isPresent()) {
                    failures.add(run.failure().get());
                } else if (sample == null) {
                    failures.add(new RunFailure(name, "no main-entered-at/batch-ended-at in its report",
                            run.errorLines()));
                } else {
                    samples.add(sample);
                }
                progress.println("[startup " + i + "/" + runsPerSide + "] " + (agent ? "with" : "without")
                        + " agent: " + (sample == null ? "FAILED" : "main after " + Format.millis(sample.toMainMillis())
                        + " ms, first call done after " + Format.millis(sample.toFirstCallMillis()) + " ms"));
            }
        }
        return new StartupResults(samples, failures, Duration.between(start, Instant.now()));
    }
}
