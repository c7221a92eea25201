package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
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
                int idle = awaitIdle(pool, 3);
                assertThat(run.ownStdioServers()).hasSize(idle);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void httpServerIsWarmedToMinIdleAfterItsFirstUse(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("minIdle=3,prewarm=true")
                .args("--transport", "http", "--requests", "1", "--header", "X-Tenant=blue").hold()
                .start(output, "http")) {
            assertThat(run.awaitReport(Duration.ofMinutes(1)).errors()).isZero();
            try (PoolMBean pool = PoolMBean.of(run)) {
                awaitIdle(pool, 3);
                assertThat(pool.attribute("ValidationFailures")).isEqualTo(0L);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    /**
     * minIdle counts idle sessions: warming that overlaps the first request's own lease ends with minIdle + 1 (that
     * request's session came back too), never with more.
     */
    private static int awaitIdle(PoolMBean pool, int minIdle) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while ((Integer) pool.attribute("IdleSessions") < minIdle && System.nanoTime() < deadline) {
            Thread.sleep(200);
        }
        int idle = (Integer) pool.attribute("IdleSessions");
        assertThat(idle).isBetween(minIdle, minIdle + 1);
        assertThat(pool.attribute("CreatedSessions")).isEqualTo((long) idle);
        return idle;
    }
}
