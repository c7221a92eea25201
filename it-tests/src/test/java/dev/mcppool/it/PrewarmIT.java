package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** With minIdle and prewarm, the first use of a server starts minIdle sessions in the background. */
class PrewarmIT {

    @Test
    void stdioServerIsWarmedToMinIdleAfterItsFirstUse(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("minIdle=3,prewarm=true").args("--requests", "1").hold()
                .start(output, "stdio")) {
            assertThat(run.awaitReport(Duration.ofMinutes(1)).errors()).isZero();
            try (PoolMBean pool = PoolMBean.of(run)) {
                int idle = awaitIdle(pool, 3, () -> run.ownStdioServers().size());
                assertThat(run.ownStdioServers()).hasSize(idle);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void httpServerIsWarmedToMinIdleAfterItsFirstUse(@TempDir Path output) throws Exception {
        warmHttp(output, "http");
    }

    @Test
    void sseServerIsWarmedToMinIdleAfterItsFirstUse(@TempDir Path output) throws Exception {
        warmHttp(output, "sse");
    }

    private static void warmHttp(Path output, String transport) throws Exception {
        try (DemoRun run = DemoRun.withAgent("minIdle=3,prewarm=true")
                .args("--transport", transport, "--requests", "1", "--header", "X-Tenant=blue").hold()
                .start(output, transport)) {
            assertThat(run.awaitReport(Duration.ofMinutes(1)).errors()).isZero();
            try (PoolMBean pool = PoolMBean.of(run)) {
                awaitIdle(pool, 3, null);
                assertThat(pool.attribute("ValidationFailures")).isEqualTo(0L);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    /**
     * minIdle counts idle sessions: warming that overlaps the first request's own lease ends with minIdle + 1 (that
     * request's session came back too), never with more. Waits until warming has settled: every session created is
     * idle and, for stdio, has its process.
     */
    private static int awaitIdle(PoolMBean pool, int minIdle, IntSupplier serverProcesses) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!settled(pool, minIdle, serverProcesses) && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int idle = (Integer) pool.attribute("IdleSessions");
        assertThat(idle).isBetween(minIdle, minIdle + 1);
        assertThat(pool.attribute("CreatedSessions")).isEqualTo((long) idle);
        return idle;
    }

    private static boolean settled(PoolMBean pool, int minIdle, IntSupplier serverProcesses) throws Exception {
        int idle = (Integer) pool.attribute("IdleSessions");
        return idle >= minIdle && (Long) pool.attribute("CreatedSessions") == idle
                && (serverProcesses == null || serverProcesses.getAsInt() == idle);
    }
}
