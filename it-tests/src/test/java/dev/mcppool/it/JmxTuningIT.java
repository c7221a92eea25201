package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import javax.management.Attribute;
import javax.management.ObjectName;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Settings changed over JMX while the demo runs take effect at once, for the pool and for one server; the sessions view
 * lists the real server processes; clearing a server closes its sessions.
 */
class JmxTuningIT {

    private static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    @Test
    void writableSettingsSessionsViewAndClearActOnTheRunningPool(@TempDir Path output) throws Exception {
        // a fourth batch that never runs keeps the app alive until the JMX connection is closed
        try (DemoRun run = DemoRun.withAgent("maxPerKey=4,maxWait=5s")
                .args("--requests", "24", "--threads", "4", "--batches", "4")
                .interactive().start(output, "tuning")) {
            assertThat(run.awaitBatchReport(1, BATCH_LIMIT).errors()).isZero();
            try (PoolMBean pool = PoolMBean.of(run)) {
                tune(run, pool);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static void tune(DemoRun run, PoolMBean pool) throws Exception {
        assertThat((Integer) pool.attribute("IdleSessions")).isGreaterThan(1);
        assertThat(pool.attribute("MaxPerKey")).isEqualTo(4);

        pool.setAttribute("MaxPerKey", 1);
        assertThat(pool.attribute("MaxPerKey")).isEqualTo(1);
        assertThat(pool.attribute("Settings").toString()).contains("maxPerKey=1");
        assertThat(pool.attribute("IdleSessions")).as("idle sessions above the new limit close at once").isEqualTo(1);
        assertThat(run.stderr()).contains("mcp-pool: maxPerKey changed to 1 for the pool");

        long createdBefore = (Long) pool.attribute("CreatedSessions");
        run.startNextBatch();
        assertThat(run.awaitBatchReport(2, BATCH_LIMIT).errors()).as("4 threads share the one session").isZero();
        assertThat(pool.attribute("CreatedSessions")).as("no session beyond the one kept").isEqualTo(createdBefore);
        assertThat(run.ownStdioServers()).hasSize(1);

        assertThatThrownBy(() -> pool.setAttribute("MinIdle", 2))
                .hasStackTraceContaining("minIdle=2 exceeds maxPerKey=1");
        assertThat(pool.attribute("MinIdle")).isEqualTo(0);

        ObjectName server = serverMBean(pool);
        // long enough for three threads to wait while the fourth starts a server after the clear below
        pool.connection().setAttribute(server, new Attribute("MaxWaitMillis", 20_000L));
        assertThat(pool.connection().getAttribute(server, "Settings").toString()).contains("maxWait=20s");
        assertThat(pool.attribute("MaxWaitMillis")).as("the pool's own value is unchanged").isEqualTo(5000L);
        CompositeData row = ((CompositeData[]) pool.attribute("Servers"))[0];
        assertThat(row.get("overrides")).isEqualTo("maxWait=20s");

        CompositeData[] sessions = (CompositeData[]) pool.invoke("listSessions");
        Set<Long> serverPids = run.ownStdioServers().stream().map(ProcessHandle::pid).collect(Collectors.toSet());
        assertThat(sessions).singleElement().satisfies(session -> {
            assertThat(session.get("server")).isEqualTo(row.get("server"));
            assertThat(session.get("state")).isEqualTo("idle");
            assertThat((Long) session.get("timesLent")).isGreaterThanOrEqualTo(24);
            assertThat(serverPids).contains((Long) session.get("processId"));
        });
        assertThat((CompositeData[]) pool.connection().invoke(server, "listSessions", null, null)).hasSize(1);

        pool.invoke("clearSessionsOf", (String) row.get("fingerprint"));
        assertThat(pool.attribute("IdleSessions")).isEqualTo(0);
        run.awaitNoOwnStdioServers(Duration.ofSeconds(10), "server processes of cleared sessions");
        assertThat(Arrays.asList((CompositeData[]) pool.invoke("listSessions"))).isEmpty();

        run.startNextBatch();
        assertThat(run.awaitBatchReport(3, BATCH_LIMIT).errors()).isZero();
    }

    private static ObjectName serverMBean(PoolMBean pool) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline) {
            Set<ObjectName> names = pool.connection().queryNames(new ObjectName("dev.mcppool:type=McpServerPool,*"),
                    null);
            if (!names.isEmpty()) {
                assertThat(names).hasSize(1);
                return names.iterator().next();
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no per-server MBean registered");
    }
}
