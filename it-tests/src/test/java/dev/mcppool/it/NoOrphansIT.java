package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Pooled stdio server processes must not outlive the application, however it ends. */
class NoOrphansIT {

    @Test
    void serversDieWhenTheAppExitsNormally(@TempDir Path output) throws Exception {
        try (DemoRun run = pooledAppHoldingSessions(output, "normal-exit")) {
            List<ProcessHandle> servers = liveServers(run);

            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));

            assertAllExitWithin(servers, Duration.ofSeconds(10));
        }
    }

    @Test
    void serversDieWhenTheAppIsTerminatedWithSigterm(@TempDir Path output) throws Exception {
        try (DemoRun run = pooledAppHoldingSessions(output, "sigterm")) {
            List<ProcessHandle> servers = liveServers(run);

            run.process().destroy();
            assertThat(run.process().waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();

            assertAllExitWithin(servers, Duration.ofSeconds(10));
        }
    }

    private static DemoRun pooledAppHoldingSessions(Path output, String name) throws Exception {
        DemoRun run = DemoRun.withAgent("maxPerKey=3").args("--requests", "30", "--threads", "3").hold()
                .start(output, name);
        DemoReport report = run.awaitReport(Duration.ofMinutes(2));
        assertThat(report.errors()).isZero();
        return run;
    }

    private static List<ProcessHandle> liveServers(DemoRun run) {
        List<ProcessHandle> servers = run.ownStdioServers();
        assertThat(servers).as("pooled server processes while the app holds its sessions").isNotEmpty().hasSizeLessThanOrEqualTo(3);
        return servers;
    }

    private static void assertAllExitWithin(List<ProcessHandle> servers, Duration limit) throws InterruptedException {
        long deadline = System.nanoTime() + limit.toNanos();
        while (servers.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> survivors = servers.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        servers.forEach(ProcessHandle::destroyForcibly);
        assertThat(survivors).as("server processes still alive %s after the app ended", limit).isEmpty();
    }
}
