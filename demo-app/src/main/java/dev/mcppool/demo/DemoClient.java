package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.InputStreamReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.Set;
import java.util.function.IntFunction;
import java.util.stream.Stream;

/** Client mode: runs the per-request loop against the chosen target and prints the report. */
final class DemoClient {

    /** With --leak-one: a client that is used and never closed, a deliberate bug for leak detection to find. */
    private static AutoCloseable leaked;

    /** LangChain4j clients (1.2.0-beta8 and later) each start a health-check thread of this name. */
    private static final String LANGCHAIN4J_HEALTH_CHECKER = "mcp-server-health-checker";

    private DemoClient() {
    }

    /** One line per request: its latency in nanoseconds. */
    private static void appendLatencies(Path file, long[] nanos) throws IOException {
        StringBuilder lines = new StringBuilder(nanos.length * 10);
        for (long n : nanos) {
            lines.append(n).append('\n');
        }
        Files.writeString(file, lines, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Live threads of this JVM now, how many of them are LangChain4j health checkers, its open file descriptors (-1
     * where {@code /proc/self/fd} is missing) and its live child processes (stdio servers).
     */
    static String resourceCounts() {
        Set<Thread> threads = Thread.getAllStackTraces().keySet();
        long healthCheckers = threads.stream().filter(t -> t.getName().equals(LANGCHAIN4J_HEALTH_CHECKER)).count();
        return "jvm-threads=" + threads.size() + " health-check-threads=" + healthCheckers
                + " open-fds=" + openFileDescriptors() + " child-processes=" + ProcessHandle.current().children().count();
    }

    private static long openFileDescriptors() {
        try (Stream<Path> fds = Files.list(Path.of("/proc/self/fd"))) {
            return fds.count();
        } catch (IOException | UncheckedIOException e) {
            return -1;
        }
    }

    /**
     * Runs {@code --warmup} requests that are not reported, then {@code --batches} batches of the loop, each with its
     * own report headed {@code batch=<n>}. Before each batch after the first it prints {@code waiting-for-batch=<n>}
     * and waits for a line on stdin, so that a test can do something to the servers (kill, stop, restart) while the
     * application is idle. {@code --footprint} adds a {@link Footprint} line before the target starts and one after
     * the last batch; {@code --timestamps} adds {@code batch-ended-at=<epoch micros>} after each batch's report.
     */
    static void run(ClientOptions options) throws Exception {
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        if (options.footprint()) {
            System.out.println(Footprint.line("start"));
        }
        try (ClientTarget target = ClientTarget.of(options);
             LongLivedSdkClients perThread = options.perThreadClients()
                     ? new LongLivedSdkClients(target.transports(), options.requestTimeout()) : null) {
            if (options.leakOne()) {
                McpSyncClient client = McpClient.sync(target.transports().get())
                        .requestTimeout(options.requestTimeout()).build();
                client.initialize();
                leaked = client;
            }
            ClientCycle perRequest = target.clientCycle(options);
            IntFunction<ClientCycle> cycleOfWorker = perThread != null ? perThread::forWorker : worker -> perRequest;
            if (options.warmup() > 0) {
                RequestLoop.Result warmup = new RequestLoop(cycleOfWorker, options.tool(), options.argName(),
                        options::argument).run(options.warmup(), options.threads(), null);
                System.out.println("warmup requests=" + warmup.texts().length + " errors=" + warmup.errors());
            }
            if (options.latencyFile() != null) {
                Files.deleteIfExists(options.latencyFile());
            }
            for (int batch = 1; batch <= options.batches(); batch++) {
                if (batch > 1) {
                    System.out.println("waiting-for-batch=" + batch);
                    System.out.flush();
                    if (stdin.readLine() == null) {
                        return;
                    }
                }
                RequestLoop loop = new RequestLoop(cycleOfWorker, options.tool(), options.argName(),
                        options::argument);
                RequestLoop.Result result = loop.run(options.requests(), options.threads(), options.duration(batch));
                long batchEndedAt = EpochMicros.now();
                if (options.latencyFile() != null) {
                    appendLatencies(options.latencyFile(), result.nanos());
                }
                System.out.println("batch=" + batch);
                LatencyReport.lines(options.transport(), options.targetLabel(), options.threads(), result,
                        target.serverLines()).forEach(System.out::println);
                System.out.println(resourceCounts());
                if (options.timestamps()) {
                    System.out.println("batch-ended-at=" + batchEndedAt);
                }
                System.out.flush();
            }
            if (options.footprint()) {
                System.out.println(Footprint.line("end"));
                System.out.flush();
            }
            if (options.hold()) {
                // keeps the JVM, and so any pooled sessions, alive while a test inspects it
                stdin.transferTo(Writer.nullWriter());
            }
        }
    }
}
