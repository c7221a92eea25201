package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.Set;

/** Client mode: runs the per-request loop against the chosen target and prints the report. */
final class DemoClient {

    /** With --leak-one: a client that is used and never closed, a deliberate bug for leak detection to find. */
    private static AutoCloseable leaked;

    /** LangChain4j clients (1.2.0-beta8 and later) each start a health-check thread of this name. */
    private static final String LANGCHAIN4J_HEALTH_CHECKER = "mcp-server-health-checker";

    private DemoClient() {
    }

    /** Live threads of this JVM now, and how many of them are LangChain4j health checkers. */
    static String threadCounts() {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        long healthCheckers = threads.stream().filter(t -> t.getName().equals(LANGCHAIN4J_HEALTH_CHECKER)).count();
        return "jvm-threads=" + threads.size() + " health-check-threads=" + healthCheckers;
    }

    /**
     * Runs {@code --batches} batches of the loop, each with its own report headed {@code batch=<n>}. Before each batch
     * after the first it prints {@code waiting-for-batch=<n>} and waits for a line on stdin, so that a test can do
     * something to the servers (kill, stop, restart) while the application is idle.
     */
    static void run(ClientOptions options) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        try (ClientTarget target = ClientTarget.of(options)) {
            if (options.leakOne()) {
                McpSyncClient client = McpClient.sync(target.transports().get())
                        .requestTimeout(options.requestTimeout()).build();
                client.initialize();
                leaked = client;
            }
            for (int batch = 1; batch <= options.batches(); batch++) {
                if (batch > 1) {
                    System.out.println("waiting-for-batch=" + batch);
                    System.out.flush();
                    if (stdin.readLine() == null) {
                        return;
                    }
                }
                PerRequestClientLoop loop = new PerRequestClientLoop(target.clientCycle(options), options.tool(),
                        options.argName(), options::argument);
                PerRequestClientLoop.Result result = loop.run(options.requests(), options.threads(),
                        options.duration(batch));
                System.out.println("batch=" + batch);
                LatencyReport.lines(options.transport(), options.targetLabel(), options.threads(), result,
                        target.serverLines()).forEach(System.out::println);
                System.out.println(threadCounts());
                System.out.flush();
            }
            if (options.hold()) {
                // keeps the JVM, and so any pooled sessions, alive while a test inspects it
                stdin.transferTo(Writer.nullWriter());
            }
        }
    }
}
