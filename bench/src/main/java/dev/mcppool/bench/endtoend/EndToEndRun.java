package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.io.PrintStream;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The end-to-end comparison: in each round, every scenario's modes a, b and c, one demo JVM each, so that a noisy
 * spell of the shared machine hits all three alike.
 */
final class EndToEndRun {

    private final Artifacts artifacts;
    private final ProcessReaper reaper;
    private final DemoLauncher launcher;
    private final Pace pace;
    private final int rounds;
    private final PrintStream progress;

    EndToEndRun(Artifacts artifacts, ProcessReaper reaper, DemoLauncher launcher, Pace pace, int rounds,
            PrintStream progress) {
        this.artifacts = artifacts;
        this.reaper = reaper;
        this.launcher = launcher;
        this.pace = pace;
        this.rounds = rounds;
        this.progress = progress;
    }

    EndToEndResults run() throws InterruptedException {
        Instant start = Instant.now();
        List<Scenario> scenarios = Scenario.all();
        Map<Scenario, Map<Mode, List<DemoRun>>> runs = new LinkedHashMap<>();
        int total = rounds * scenarios.size() * Mode.values().length;
        int done = 0;
        int strayProcesses = 0;
        for (int round = 1; round <= rounds; round++) {
            for (Scenario scenario : scenarios) {
                for (Mode mode : Mode.values()) {
                    DemoRun run = runOnce(scenario, mode, round);
                    runs.computeIfAbsent(scenario, s -> new EnumMap<>(Mode.class))
                            .computeIfAbsent(mode, m -> new ArrayList<>()).add(run);
                    strayProcesses += run.strayProcesses();
                    progress.println(progressLine(++done, total, round, scenario, mode, run));
                }
            }
        }
        Map<Scenario, Map<Mode, CellStats>> cells = new LinkedHashMap<>();
        runs.forEach((scenario, byMode) -> {
            Map<Mode, CellStats> stats = new EnumMap<>(Mode.class);
            byMode.forEach((mode, modeRuns) -> stats.put(mode, CellStats.of(modeRuns)));
            cells.put(scenario, stats);
        });
        return new EndToEndResults(cells, rounds, pace, strayProcesses, Duration.between(start, Instant.now()));
    }

    private DemoRun runOnce(Scenario scenario, Mode mode, int round) throws InterruptedException {
        String name = String.format(Locale.ROOT, "e2e-r%d-%s-%s-%dt-%s", round,
                scenario.server().name().toLowerCase(Locale.ROOT), scenario.transport().name().toLowerCase(Locale.ROOT),
                scenario.threads(), mode.letter);
        Workload workload = Workload.of(scenario, mode, pace);
        List<String> load = DemoArguments.concat(
                DemoArguments.load(scenario.threads(), workload.requests(), workload.warmup(), workload.duration()),
                mode.perThreadClients ? List.of("--clients", "per-thread") : List.of());
        try {
            if (scenario.server() == Scenario.Server.OWN) {
                return launcher.run(name, mode.agent,
                        DemoArguments.concat(DemoArguments.ownServer(scenario.transport()), load),
                        workload.timeout(), Map.of());
            }
            if (scenario.transport() == Scenario.Transport.STDIO) {
                return launcher.run(name, mode.agent, DemoArguments.concat(
                        DemoArguments.everythingStdio(artifacts.everythingStdioCommand()), load),
                        workload.timeout(), Map.of());
            }
            // a fresh server per run, so that no mode inherits another one's sessions
            try (EverythingHttpServer server = EverythingHttpServer.start(artifacts, reaper,
                    launcher.runFolder().resolve(name + "-server"))) {
                return launcher.run(name, mode.agent,
                        DemoArguments.concat(DemoArguments.everythingHttp(server.url()), load),
                        workload.timeout(), Map.of());
            }
        } catch (IOException e) {
            return DemoRun.notStarted(name, e.getMessage());
        }
    }

    static String progressLine(int done, int total, int round, Scenario scenario, Mode mode, DemoRun run) {
        StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "[%2d/%d] round %d · %s · %s", done, total,
                round, scenario.label(), mode.title()));
        DemoReport report = run.report();
        if (report != null) {
            line.append(String.format(Locale.ROOT, ": requests=%d errors=%d warmup-errors=%d p50=%s ms p99=%s ms"
                            + " calls/s=%s", report.requests(), report.errors(), report.warmupErrors(),
                    Format.millis(report.p50Millis()), Format.millis(report.p99Millis()),
                    Format.rate(report.throughputPerSecond())));
        }
        line.append(String.format(Locale.ROOT, " (%.1f s)", run.wallTime().toMillis() / 1000.0));
        run.failure().ifPresent(failure -> line.append(" FAILED: ").append(failure.reason()));
        if (run.strayProcesses() > 0) {
            line.append(" stray-processes-killed=").append(run.strayProcesses());
        }
        return line.toString();
    }
}
