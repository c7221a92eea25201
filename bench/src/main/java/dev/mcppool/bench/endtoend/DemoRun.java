package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * One demo JVM's run: when it was spawned, how it ended, its parsed report (null when there is none, then
 * {@code reportProblem} says why) and the latency of each measured request.
 *
 * @param strayProcesses descendants still alive once the JVM had exited (or was killed); the runner killed them
 * @param errorLines the first {@code error request=...} lines of its stderr, else its last lines
 */
record DemoRun(String name, Instant spawnedAt, Duration wallTime, int exitCode, boolean timedOut, int strayProcesses,
        DemoReport report, String reportProblem, List<String> errorLines, long[] latencyNanos) {

    /** A run whose JVM never started because something it needed (a server) could not be set up. */
    static DemoRun notStarted(String name, String why) {
        return new DemoRun(name, Instant.now(), Duration.ZERO, -1, false, 0, null, "not started: " + why, List.of(),
                new long[0]);
    }

    /** Empty for a clean run: it ended by itself with exit code 0 and a report with errors=0. */
    Optional<RunFailure> failure() {
        String reason;
        if (timedOut) {
            reason = "killed after its hard timeout of " + wallTime.toSeconds() + " s";
        } else if (report == null) {
            reason = reportProblem + (exitCode >= 0 ? " (exit code " + exitCode + ")" : "");
        } else if (exitCode != 0) {
            reason = "exit code " + exitCode;
        } else if (report.errors() > 0) {
            reason = "errors=" + report.errors() + " of " + report.requests() + " requests (" + report.errorTypes()
                    + ")";
        } else {
            return Optional.empty();
        }
        return Optional.of(new RunFailure(name, reason, errorLines));
    }
}
