package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Starts the benchmark's child processes and makes sure none outlives the benchmark: each is killed with its
 * descendants when released, and a shutdown hook kills whatever is still running when the runner exits (also on
 * Ctrl-C or an exception).
 */
final class ProcessReaper {

    private final Set<WatchedProcess> running = ConcurrentHashMap.newKeySet();

    ProcessReaper() {
        Runtime.getRuntime().addShutdownHook(new Thread(this::killAll, "end-to-end-reaper"));
    }

    WatchedProcess start(ProcessBuilder builder) throws IOException {
        WatchedProcess process = new WatchedProcess(builder.start());
        running.add(process);
        return process;
    }

    /** Kills the process and its descendants (if still alive); returns how many descendants were still alive. */
    int release(WatchedProcess process) {
        try {
            return process.killTree();
        } finally {
            running.remove(process);
        }
    }

    private void killAll() {
        running.forEach(WatchedProcess::killTree);
    }
}
