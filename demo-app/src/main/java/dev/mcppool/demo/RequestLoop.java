package dev.mcppool.demo;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;

/**
 * Runs the requests on worker threads, each through its worker's {@link ClientCycle}: in the deliberately wasteful
 * default, every request builds its own transport and client (official SDK or LangChain4j), initializes it, calls one
 * tool and closes it again; run under the mcp-pool agent, the same code reuses pooled sessions.
 */
final class RequestLoop {

    private static final int PRINTED_ERRORS = 5;

    /** Per request i: {@code nanos[i]} wall time, {@code texts[i]} tool result text or null if it failed. */
    record Result(long[] nanos, String[] texts, int errors, long elapsedNanos, Map<String, Integer> errorTypes) {
    }

    private final IntFunction<ClientCycle> cycleOfWorker;
    private final String tool;
    private final String argName;
    private final IntFunction<Object> argument;
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, Integer> errorTypes = new ConcurrentSkipListMap<>();

    RequestLoop(ClientCycle cycle, String tool, String argName, IntFunction<Object> argument) {
        this(worker -> cycle, tool, argName, argument);
    }

    /** Worker {@code t} (0..threads-1) runs its requests through {@code cycleOfWorker.apply(t)}. */
    RequestLoop(IntFunction<ClientCycle> cycleOfWorker, String tool, String argName, IntFunction<Object> argument) {
        this.cycleOfWorker = cycleOfWorker;
        this.tool = tool;
        this.argName = argName;
        this.argument = argument;
    }

    /**
     * Runs requests 0..requests-1 on {@code threads} threads, each taking the next index until none is left or, with a
     * {@code duration}, until that much time has passed (the result then covers the requests that ran).
     */
    Result run(int requests, int threads, Duration duration) throws InterruptedException {
        long[] nanos = new long[requests];
        String[] texts = new String[requests];
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        long deadline = duration == null ? Long.MAX_VALUE : start + duration.toNanos();
        for (int t = 0; t < threads; t++) {
            ClientCycle cycle = cycleOfWorker.apply(t);
            Thread worker = new Thread(() -> {
                while (System.nanoTime() - deadline < 0) {
                    int i = next.getAndIncrement();
                    if (i >= requests) {
                        return;
                    }
                    long begin = System.nanoTime();
                    texts[i] = request(cycle, i);
                    nanos[i] = System.nanoTime() - begin;
                }
            }, "request-worker-" + t);
            worker.setDaemon(true);
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        int ran = Math.min(next.get(), requests);
        return new Result(Arrays.copyOf(nanos, ran), Arrays.copyOf(texts, ran), errors.get(),
                System.nanoTime() - start, Map.copyOf(errorTypes));
    }

    /** One request through {@code cycle}; returns the result text, or null on failure. */
    private String request(ClientCycle cycle, int i) {
        try {
            return cycle.call(tool, Map.of(argName, argument.apply(i)));
        } catch (RuntimeException e) {
            errorTypes.merge(e.getClass().getName(), 1, Integer::sum);
            if (errors.incrementAndGet() <= PRINTED_ERRORS) {
                System.err.println("error request=" + i + " " + describe(e));
            }
            return null;
        }
    }

    /** {@code <class>: <message>}, plus the root cause, which the SDK's wrappers leave out of their message. */
    static String describe(Throwable e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String description = e.getClass().getName() + ": " + e.getMessage();
        return root == e ? description : description + " (cause " + root.getClass().getName() + ": " + root.getMessage() + ")";
    }
}
