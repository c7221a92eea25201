package dev.mcppool.bench.endtoend;

import java.time.Duration;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;

/**
 * A started process and every descendant seen while waiting for it. A descendant that outlives its parent is
 * re-parented and no longer among {@link Process#descendants()}, so the ones seen are remembered to be killed later.
 */
final class WatchedProcess {

    private static final long POLL_MILLIS = 500;

    private final Process process;
    private final Set<ProcessHandle> seenDescendants = ConcurrentHashMap.newKeySet();

    WatchedProcess(Process process) {
        this.process = process;
    }

    Process process() {
        return process;
    }

    /** Waits until the process exits or {@code timeout} passes; true if it exited. */
    boolean waitFor(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            noteDescendants();
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return !process.isAlive();
            }
            if (process.waitFor(Math.min(POLL_MILLIS, TimeUnit.NANOSECONDS.toMillis(left) + 1), TimeUnit.MILLISECONDS)) {
                return true;
            }
        }
    }

    /**
     * Kills every seen or current descendant still alive, then the process itself, and waits briefly for them to go.
     * Returns how many descendants were still alive.
     */
    int killTree() {
        noteDescendants();
        int alive = 0;
        for (ProcessHandle descendant : seenDescendants) {
            if (descendant.isAlive()) {
                alive++;
                descendant.destroyForcibly();
            }
        }
        process.destroyForcibly();
        try {
            process.waitFor(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return alive;
    }

    private void noteDescendants() {
        process.descendants().forEach(seenDescendants::add);
    }
}
