package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 200 per-request clients of the demo's own HTTP server (Streamable HTTP, legacy SSE), without the agent, and with it
 * for the sync and the async client. The pooled runs have twice as many threads as maxPerKey, so that a pool that
 * started a session for every concurrent borrower would show.
 */
class HttpPoolingIT {

    @Test
    void agentOpensAtMostMaxPerKeySessionsAndTheAppGetsTheSameResults(@TempDir Path output) throws Exception {
        comparePooledWithUnpooled(output, "http");
    }

    @Test
    void sseTransportIsPooledTheSameWay(@TempDir Path output) throws Exception {
        comparePooledWithUnpooled(output, "sse");
    }

    private static void comparePooledWithUnpooled(Path output, String transport) throws Exception {
        DemoReport pooled = runLoggingNoProblem(DemoRun.withAgent("maxPerKey=4")
                .args("--transport", transport, "--requests", "200", "--threads", "8"), output, transport + "-pooled");
        DemoReport pooledAsync = runLoggingNoProblem(DemoRun.withAgent("maxPerKey=4")
                .args("--transport", transport, "--api", "async", "--requests", "200", "--threads", "8"),
                output, transport + "-pooled-async");
        DemoReport unpooled = DemoRun.withoutAgent()
                .args("--transport", transport, "--requests", "200", "--threads", "4")
                .run(output, transport + "-unpooled", Duration.ofMinutes(2));

        System.out.printf("%s, 200 requests: without agent (4 threads) p50=%.2f ms, with agent (8 threads) p50=%.2f ms"
                + " (async client: %.2f ms)%n", transport, unpooled.millis("p50"), pooled.millis("p50"),
                pooledAsync.millis("p50"));
        assertThat(pooled.errors()).as("failed requests: %s", pooled.errorLines()).isZero();
        assertThat(unpooled.errors()).as("failed requests: %s", unpooled.errorLines()).isZero();
        // The server counts the sessions it creates, and the report is printed before the pool ends its sessions at
        // exit. The SDK's own extra session (unpooled count below) comes from a client whose GET reaches the server
        // after that client's DELETE; a pooled session is DELETEd only when the pool destroys it, which nothing in
        // this run does before the report. So every session counted was started by the pool, which keeps at most
        // maxPerKey per key: a fifth is one the pool started too many.
        assertThat(pooled.integer("server-sessions")).isBetween(1, 4);
        // without the agent the SDK itself sometimes opens a second session for a request (seen once: 201 for 200)
        assertThat(unpooled.integer("server-sessions")).isBetween(200, 202);
        assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
        // the app's 200 transports share one HttpClient; one each would leave about 200 selector threads and 400 fds
        assertThat(pooled.integer("jvm-threads")).isLessThan(100);
        assertThat(pooled.integer("open-fds")).isLessThan(150);
        assertThat(pooledAsync.errors()).as("failed requests: %s", pooledAsync.errorLines()).isZero();
        assertThat(pooledAsync.integer("server-sessions")).isBetween(1, 4);
        assertThat(pooledAsync.resultsDigest()).isEqualTo(unpooled.resultsDigest());
    }

    /**
     * Runs the app to its end. The app stops its server before it exits, so the sessions the pool still holds then
     * cannot be closed cleanly; that must not put warnings into the app's log.
     */
    private static DemoReport runLoggingNoProblem(DemoRun.Builder app, Path output, String name) throws Exception {
        try (DemoRun run = app.start(output, name)) {
            run.awaitExit(Duration.ofMinutes(2));
            assertThat(run.stderr()).doesNotContain("WARN", "ERROR", "Exception");
            return run.report();
        }
    }
}
