package dev.mcppool.bench.endtoend;

import java.util.List;

/** Why a run does not count as clean, and the first error lines it printed. */
record RunFailure(String run, String reason, List<String> errorLines) {
}
