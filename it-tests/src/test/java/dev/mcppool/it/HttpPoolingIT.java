package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** 200 per-request clients of the demo's own Streamable HTTP server, with and without the agent. */
class HttpPoolingIT {

    @Test
    void agentOpensAtMostMaxPerKeySessionsAndTheAppGetsTheSameResults(@TempDir Path output) throws Exception {
        DemoReport pooled = DemoRun.withAgent("maxPerKey=4")
                .args("--transport", "http", "--requests", "200", "--threads", "4")
                .run(output, "pooled", Duration.ofMinutes(2));
        DemoReport unpooled = DemoRun.withoutAgent()
                .args("--transport", "http", "--requests", "200", "--threads", "4")
                .run(output, "unpooled", Duration.ofMinutes(2));

        System.out.printf("http, 200 requests, 4 threads: without agent p50=%.2f ms, with agent p50=%.2f ms%n",
                unpooled.millis("p50"), pooled.millis("p50"));
        assertThat(pooled.errors()).isZero();
        assertThat(unpooled.errors()).isZero();
        assertThat(pooled.integer("server-sessions")).isBetween(1, 4);
        assertThat(unpooled.integer("server-sessions")).isEqualTo(200);
        assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
    }
}
