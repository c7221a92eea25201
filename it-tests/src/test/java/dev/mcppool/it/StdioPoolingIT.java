package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 60 per-request clients of the demo's own stdio server, without the agent (a JVM spawn each, so few), and with it for
 * the sync and the async client.
 */
class StdioPoolingIT {

    private static final int REQUESTS = 60;

    @Test
    void agentSpawnsAtMostMaxPerKeyServersAndTheAppGetsTheSameResults(@TempDir Path output) throws Exception {
        DemoReport pooled = DemoRun.withAgent("maxPerKey=4")
                .args("--requests", String.valueOf(REQUESTS), "--threads", "4")
                .run(output, "pooled", Duration.ofMinutes(3));
        DemoReport pooledAsync = DemoRun.withAgent("maxPerKey=4")
                .args("--api", "async", "--requests", String.valueOf(REQUESTS), "--threads", "4")
                .run(output, "pooled-async", Duration.ofMinutes(3));
        DemoReport unpooled = DemoRun.withoutAgent()
                .args("--requests", String.valueOf(REQUESTS), "--threads", "4")
                .run(output, "unpooled", Duration.ofMinutes(10));

        System.out.printf("stdio, %d requests, 4 threads: without agent p50=%.1f ms, with agent p50=%.3f ms"
                + " (async client: %.3f ms)%n", REQUESTS, unpooled.millis("p50"), pooled.millis("p50"),
                pooledAsync.millis("p50"));
        assertThat(pooled.errors()).isZero();
        assertThat(unpooled.errors()).isZero();
        assertThat(pooled.integer("server-processes")).isBetween(1, 4);
        assertThat(pooled.integer("server-handshakes")).isBetween(1, 4);
        assertThat(unpooled.integer("server-processes")).isEqualTo(REQUESTS);
        assertThat(unpooled.integer("server-handshakes")).isEqualTo(REQUESTS);
        assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
        assertThat(pooledAsync.errors()).isZero();
        assertThat(pooledAsync.integer("server-processes")).isBetween(1, 4);
        assertThat(pooledAsync.resultsDigest()).isEqualTo(unpooled.resultsDigest());
    }
}
