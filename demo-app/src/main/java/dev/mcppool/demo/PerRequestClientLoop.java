package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.IntFunction;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The deliberately wasteful part: every request builds its own transport and SDK client, initializes it,
 * calls one tool and closes it again. Run under the mcp-pool agent, the same code reuses pooled sessions.
 */
final class PerRequestClientLoop {

    private static final int PRINTED_ERRORS = 5;

    /** Per request i: {@code nanos[i]} wall time, {@code texts[i]} tool result text or null if it failed. */
    record Result(long[] nanos, String[] texts, int errors, long elapsedNanos) {
    }

    private final Supplier<McpClientTransport> transports;
    private final String tool;
    private final String argName;
    private final IntFunction<Object> argument;
    private final Duration requestTimeout;
    private final AtomicInteger errors = new AtomicInteger();

    PerRequestClientLoop(Supplier<McpClientTransport> transports, String tool, String argName,
            IntFunction<Object> argument, Duration requestTimeout) {
        this.transports = transports;
        this.tool = tool;
        this.argName = argName;
        this.argument = argument;
        this.requestTimeout = requestTimeout;
    }

    Result run(int requests, int threads) throws InterruptedException {
        long[] nanos = new long[requests];
        String[] texts = new String[requests];
        int[] firstIndex = shareStarts(requests, threads);
        List<Thread> workers = new ArrayList<>();
        long start = System.nanoTime();
        for (int t = 0; t < threads; t++) {
            int from = firstIndex[t];
            int to = firstIndex[t + 1];
            Thread worker = new Thread(() -> {
                for (int i = from; i < to; i++) {
                    long begin = System.nanoTime();
                    texts[i] = request(i);
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
        return new Result(nanos, texts, errors.get(), System.nanoTime() - start);
    }

    /**
     * Splits request indices 0..requests-1 into {@code threads} contiguous shares whose sizes differ by at most
     * one; share t is {@code [starts[t], starts[t+1])}.
     */
    static int[] shareStarts(int requests, int threads) {
        int[] starts = new int[threads + 1];
        for (int t = 0; t <= threads; t++) {
            starts[t] = (int) ((long) requests * t / threads);
        }
        return starts;
    }

    /** One full build → initialize → callTool → close cycle; returns the result text, or null on failure. */
    private String request(int i) {
        try (McpSyncClient client = McpClient.sync(transports.get()).requestTimeout(requestTimeout).build()) {
            client.initialize();
            CallToolResult result = client.callTool(new CallToolRequest(tool, Map.of(argName, argument.apply(i))));
            String text = text(result);
            if (Boolean.TRUE.equals(result.isError())) {
                throw new IllegalStateException("tool " + tool + " reported an error: " + text);
            }
            return text;
        } catch (RuntimeException e) {
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

    private static String text(CallToolResult result) {
        if (result.content() == null) {
            return "";
        }
        return result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
    }
}
