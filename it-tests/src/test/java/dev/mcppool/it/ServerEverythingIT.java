package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The per-request demo against the npm reference server, over stdio and Streamable HTTP, with and without the agent. */
class ServerEverythingIT {

    @Test
    void stdioServerIsSpawnedAtMostMaxPerKeyTimes(@TempDir Path output) throws Exception {
        Path pooledSpawns = output.resolve("pooled-spawns.log");
        Path unpooledSpawns = output.resolve("unpooled-spawns.log");

        // twice as many threads as maxPerKey, which wait while the two servers start
        DemoReport pooled = DemoRun.withAgent("maxPerKey=2,maxWait=1m")
                .args("--stdio", EverythingServer.stdioCommandCountingSpawns(output, pooledSpawns),
                        "--tool", "echo", "--arg-name", "message", "--requests", "40", "--threads", "4")
                .run(output, "pooled", Duration.ofMinutes(2));
        DemoReport unpooled = DemoRun.withoutAgent()
                .args("--stdio", EverythingServer.stdioCommandCountingSpawns(output, unpooledSpawns),
                        "--tool", "echo", "--arg-name", "message", "--requests", "40", "--threads", "2")
                .run(output, "unpooled", Duration.ofMinutes(5));

        System.out.printf("server-everything stdio, 40 requests: without agent p50=%.1f ms, with agent p50=%.3f ms%n",
                unpooled.millis("p50"), pooled.millis("p50"));
        assertThat(pooled.errors()).as("failed requests: %s", pooled.errorLines()).isZero();
        assertThat(unpooled.errors()).as("failed requests: %s", unpooled.errorLines()).isZero();
        assertThat(Files.readAllLines(pooledSpawns)).hasSizeBetween(1, 2);
        assertThat(Files.readAllLines(unpooledSpawns)).hasSize(40);
        assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
    }

    @Test
    void streamableHttpServerSeesAtMostMaxPerKeySessions(@TempDir Path output) throws Exception {
        try (EverythingServer server = EverythingServer.startStreamableHttp(output)) {
            DemoReport pooled;
            long pooledSessions;
            // twice as many threads as maxPerKey: a pool that started a session per concurrent borrower would show
            try (DemoRun run = DemoRun.withAgent("maxPerKey=4")
                    .args("--url", server.url(), "--tool", "echo", "--arg-name", "message",
                            "--requests", "100", "--threads", "8")
                    .hold()
                    .start(output, "pooled")) {
                pooled = run.awaitReport(Duration.ofMinutes(2));
                // Counted while the pool still holds its sessions. The SDK's own extra session (unpooled count below)
                // comes from a client whose GET reaches the server after that client's DELETE; the pool DELETEs a
                // session only when it destroys it, here only at exit. So the server has seen exactly the sessions
                // the pool started, and the pool keeps at most maxPerKey per key: a fifth is one it started too many.
                pooledSessions = server.sessionsInitialized();
                try (PoolMBean mbean = PoolMBean.of(run)) {
                    assertThat(mbean.attribute("CreatedSessions")).as("sessions the pool started")
                            .isEqualTo(pooledSessions);
                }
            }
            long beforeUnpooled = server.sessionsInitialized();
            DemoReport unpooled = DemoRun.withoutAgent()
                    .args("--url", server.url(), "--tool", "echo", "--arg-name", "message",
                            "--requests", "100", "--threads", "4")
                    .run(output, "unpooled", Duration.ofMinutes(2));
            long unpooledSessions = server.sessionsInitialized() - beforeUnpooled;

            System.out.printf("server-everything http, 100 requests: without agent p50=%.2f ms, with agent p50=%.2f ms%n",
                    unpooled.millis("p50"), pooled.millis("p50"));
            assertThat(pooled.errors()).as("failed requests: %s", pooled.errorLines()).isZero();
            assertThat(unpooled.errors()).as("failed requests: %s", unpooled.errorLines()).isZero();
            assertThat(pooledSessions).isBetween(1L, 4L);
            // Without the agent, the SDK's late-GET session (rare: 101 for 100 seen once here, 201 for 200 in
            // HttpPoolingIT) is the SDK's own behaviour, so the count allows for it.
            assertThat(unpooledSessions).isBetween(100L, 102L);
            assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
        }
    }
}
