package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * An application that never closes its per-request clients works without a pool (each client has its own server):
 * with the agent, more such clients than maxPerKey must still all be answered, their sessions reclaimed as the clients
 * are garbage-collected, and each drop reported as a leak.
 */
class ForgottenCloseIT {

    private static final int REQUESTS = 5;
    private static final int MAX_PER_KEY = 2;

    @ParameterizedTest
    @ValueSource(strings = {"sdk", "sdk-async", "langchain4j"})
    void clientsDroppedWithoutCloseNeverExhaustThePoolAndAreReportedAsLeaks(String client, @TempDir Path output)
            throws Exception {
        List<String> unpooled;
        try (DemoRun run = probe(DemoRun.withoutAgent(), client).start(output, "unpooled-" + client)) {
            run.awaitExit(Duration.ofMinutes(2));
            unpooled = run.stdout().lines().filter(line -> !line.startsWith("SLF4J")).toList();
        }
        try (DemoRun run = probe(DemoRun.withAgent("maxPerKey=" + MAX_PER_KEY + ",leakDetectionThreshold=30s"), client)
                .start(output, "pooled-" + client)) {
            run.awaitExit(Duration.ofMinutes(2));
            List<String> pooled = run.stdout().lines().filter(line -> !line.startsWith("SLF4J")).toList();

            assertThat(pooled).as(run.stderr()).isEqualTo(unpooled)
                    .contains("never-close-calls=" + REQUESTS + " never-close-answered=" + REQUESTS, "errors=0");
            assertThat(run.stderr().split("garbage-collected without close\\(\\)", -1).length - 1)
                    .as("a leak report, with the borrower's stack, for each client reclaimed to make room")
                    .isGreaterThanOrEqualTo(REQUESTS - MAX_PER_KEY);
            assertThat(run.stderr()).contains("(leak).");
            if (!client.equals("sdk-async")) {
                // an async client borrows when its request is subscribed, on a Reactor thread
                assertThat(run.stderr()).as("the borrower's stack").contains("at dev.mcppool.demo.IsolationProbe");
            }
        }
    }

    private static DemoRun.Builder probe(DemoRun.Builder run, String client) {
        return run.args("probe", "never-close", "--client", client, "--requests", Integer.toString(REQUESTS),
                "--threads", "1");
    }
}
