package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The end-to-end part's outcome: per scenario (in run order), each mode's merged statistics.
 *
 * @param strayProcesses child processes still alive after their demo JVM had ended, killed by the runner
 */
record EndToEndResults(Map<Scenario, Map<Mode, CellStats>> cells, int rounds, Pace pace, int strayProcesses,
        Duration took) {

    List<ScenarioRatios> ratios() {
        return cells.entrySet().stream().map(entry -> ScenarioRatios.of(entry.getKey(), entry.getValue())).toList();
    }
}
