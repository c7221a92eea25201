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

        DemoReport pooled = DemoRun.withAgent("maxPerKey=2")
                .args("--stdio", EverythingServer.stdioCommandCountingSpawns(output, pooledSpawns),
                        "--tool", "echo", "--arg-name", "message", "--requests", "40", "--threads", "2")
                .run(output, "pooled", Duration.ofMinutes(2));
        DemoReport unpooled = DemoRun.withoutAgent()
                .args("--stdio", EverythingServer.stdioCommandCountingSpawns(output, unpooledSpawns),
                        "--tool", "echo", "--arg-name", "message", "--requests", "40", "--threads", "2")
                .run(output, "unpooled", Duration.ofMinutes(5));

        System.out.printf("server-everything stdio, 40 requests: without agent p50=%.1f ms, with agent p50=%.3f ms%n",
                unpooled.millis("p50"), pooled.millis("p50"));
        assertThat(pooled.errors()).isZero();
        assertThat(unpooled.errors()).isZero();
        assertThat(Files.readAllLines(pooledSpawns)).hasSizeBetween(1, 2);
        assertThat(Files.readAllLines(unpooledSpawns)).hasSize(40);
        assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
    }

    @Test
    void streamableHttpServerSeesAtMostMaxPerKeySessions(@TempDir Path output) throws Exception {
        try (EverythingServer server = EverythingServer.startStreamableHttp(output)) {
            DemoReport pooled = DemoRun.withAgent("maxPerKey=4")
                    .args("--url", server.url(), "--tool", "echo", "--arg-name", "message",
                            "--requests", "100", "--threads", "4")
                    .run(output, "pooled", Duration.ofMinutes(2));
            long pooledSessions = server.sessionsInitialized();
            DemoReport unpooled = DemoRun.withoutAgent()
                    .args("--url", server.url(), "--tool", "echo", "--arg-name", "message",
                            "--requests", "100", "--threads", "4")
                    .run(output, "unpooled", Duration.ofMinutes(2));
            long unpooledSessions = server.sessionsInitialized() - pooledSessions;

            System.out.printf("server-everything http, 100 requests: without agent p50=%.2f ms, with agent p50=%.2f ms%n",
                    unpooled.millis("p50"), pooled.millis("p50"));
            assertThat(pooled.errors()).isZero();
            assertThat(unpooled.errors()).isZero();
            // A client whose GET stream reaches the server only after the client's DELETE is told its session is
            // unknown and starts another one (SDK 2.1 re-initializes on that): rare, seen once each way (HttpPoolingIT
            // 201 for 200 requests; here 101 for 100), so both counts allow for it.
            assertThat(pooledSessions).isBetween(1L, 5L);
            assertThat(unpooledSessions).isBetween(100L, 102L);
            assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
        }
    }
}
