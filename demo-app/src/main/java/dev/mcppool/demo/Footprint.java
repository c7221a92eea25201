package dev.mcppool.demo;

import java.lang.management.ManagementFactory;
import java.util.Set;

/**
 * The {@code --footprint} line: heap in use after garbage collection, live threads and how many of them belong to the
 * mcp-pool agent (its threads are all named {@code mcp-pool...}).
 */
final class Footprint {

    static final String AGENT_THREAD_PREFIX = "mcp-pool";

    /**
     * One {@code System.gc()} may leave garbage that only a later cycle frees; the pause after each lets cleaners run
     * (they end, for one, the selector thread of an unreachable {@code HttpClient}).
     */
    private static final int GC_PASSES = 3;
    private static final long PAUSE_AFTER_GC_MILLIS = 50;

    private Footprint() {
    }

    /** {@code footprint at=<at> heap-used-after-gc=<bytes> threads=<n> agent-threads=<n>}. */
    static String line(String at) throws InterruptedException {
        for (int pass = 0; pass < GC_PASSES; pass++) {
            System.gc();
            Thread.sleep(PAUSE_AFTER_GC_MILLIS);
        }
        long heapUsed = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        long agentThreads = threads.stream().filter(t -> t.getName().startsWith(AGENT_THREAD_PREFIX)).count();
        return "footprint at=" + at + " heap-used-after-gc=" + heapUsed + " threads=" + threads.size()
                + " agent-threads=" + agentThreads;
    }
}
