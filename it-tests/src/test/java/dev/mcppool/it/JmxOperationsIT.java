package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The MXBean's operations, invoked from another JVM over JMX while the demo app runs its batches of requests. */
class JmxOperationsIT {

    private static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    @Test
    void evictSoftEvictSuspendAndResumeActOnTheRunningPool(@TempDir Path output) throws Exception {
        // a fifth batch that never runs keeps the app alive until the JMX connection is closed
        try (DemoRun run = DemoRun.withAgent("maxPerKey=2,maxWait=1s")
                .args("--requests", "20", "--threads", "2", "--batches", "5")
                .interactive().start(output, "operations")) {
            assertThat(run.awaitBatchReport(1, BATCH_LIMIT).errors()).isZero();
            try (PoolMBean pool = PoolMBean.of(run)) {
                operate(run, pool);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static void operate(DemoRun run, PoolMBean pool) throws Exception {
        int idle = (Integer) pool.attribute("IdleSessions");
        assertThat(idle).isBetween(1, 2);

        assertThat(pool.invoke("evictIdleSessions")).isEqualTo(idle);
        assertThat(pool.attribute("IdleSessions")).isEqualTo(0);
        run.awaitNoOwnStdioServers(Duration.ofSeconds(10), "server processes of evicted sessions");

        run.startNextBatch();
        assertThat(run.awaitBatchReport(2, BATCH_LIMIT).errors()).isZero();
        String fingerprint = (String) ((CompositeData[]) pool.attribute("Servers"))[0].get("fingerprint");
        long destroyedBefore = (Long) pool.attribute("DestroyedSessions");
        pool.invoke("softEvictSessionsOf", fingerprint);
        assertThat((Long) pool.attribute("DestroyedSessions")).isGreaterThan(destroyedBefore);
        assertThat(pool.attribute("IdleSessions")).isEqualTo(0);

        pool.invoke("suspendPool");
        assertThat(pool.attribute("Suspended")).isEqualTo(true);
        run.startNextBatch();
        DemoReport suspended = run.awaitBatchReport(3, BATCH_LIMIT);
        assertThat(suspended.errors()).as("every request waited maxWait and failed").isEqualTo(20);
        assertThat(run.stderr()).contains("borrowing is suspended");

        pool.invoke("resumePool");
        run.startNextBatch();
        assertThat(run.awaitBatchReport(4, BATCH_LIMIT).errors()).isZero();
    }
}
