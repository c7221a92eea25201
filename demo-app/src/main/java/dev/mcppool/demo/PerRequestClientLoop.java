package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;
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
    record Result(long[] nanos, String[] texts, int errors, long elapsedNanos, Map<String, Integer> errorTypes) {
    }

    private final Supplier<McpClientTransport> transports;
    private final String tool;
    private final String argName;
    private final IntFunction<Object> argument;
    private final Duration requestTimeout;
    private final boolean async;
    private final AtomicInteger errors = new AtomicInteger();
    private final Map<String, Integer> errorTypes = new ConcurrentSkipListMap<>();

    PerRequestClientLoop(Supplier<McpClientTransport> transports, String tool, String argName,
            IntFunction<Object> argument, Duration requestTimeout, boolean async) {
        this.transports = transports;
        this.tool = tool;
        this.argName = argName;
        this.argument = argument;
        this.requestTimeout = requestTimeout;
        this.async = async;
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
            Thread worker = new Thread(() -> {
                while (System.nanoTime() - deadline < 0) {
                    int i = next.getAndIncrement();
                    if (i >= requests) {
                        return;
                    }
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
        int ran = Math.min(next.get(), requests);
        return new Result(Arrays.copyOf(nanos, ran), Arrays.copyOf(texts, ran), errors.get(),
                System.nanoTime() - start, Map.copyOf(errorTypes));
    }

    /** One full build → initialize → callTool → close cycle; returns the result text, or null on failure. */
    private String request(int i) {
        try {
            CallToolRequest request = new CallToolRequest(tool, Map.of(argName, argument.apply(i)));
            CallToolResult result = async ? callAsync(request) : callSync(request);
            String text = text(result);
            if (Boolean.TRUE.equals(result.isError())) {
                throw new IllegalStateException("tool " + tool + " reported an error: " + text);
            }
            return text;
        } catch (RuntimeException e) {
            errorTypes.merge(e.getClass().getName(), 1, Integer::sum);
            if (errors.incrementAndGet() <= PRINTED_ERRORS) {
                System.err.println("error request=" + i + " " + describe(e));
            }
            return null;
        }
    }

    private CallToolResult callSync(CallToolRequest request) {
        try (McpSyncClient client = McpClient.sync(transports.get()).requestTimeout(requestTimeout).build()) {
            client.initialize();
            return client.callTool(request);
        }
    }

    /** The same cycle with the async client, as a reactive application written per request would do it. */
    private CallToolResult callAsync(CallToolRequest request) {
        McpAsyncClient client = McpClient.async(transports.get()).requestTimeout(requestTimeout).build();
        try {
            return client.initialize().then(client.callTool(request)).block();
        } finally {
            client.closeGracefully().block();
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
