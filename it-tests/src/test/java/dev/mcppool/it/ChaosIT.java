package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * 64 threads on 8 sessions for a minute while server processes are killed at random: no deadlock, no error but the
 * killed calls' own (the same as without the agent), and afterwards no leaked process, thread or file descriptor.
 */
class ChaosIT {

    private static final Duration CHAOS = Duration.ofSeconds(60);

    @Test
    void sixtyFourThreadsSurviveRandomServerKillsAndLeakNothing(@TempDir Path output) throws Exception {
        // Eight server JVMs starting at once on a small machine need seconds to initialize: the request timeout is
        // set so that only the kills themselves make calls fail.
        try (DemoRun run = DemoRun.withAgent("maxPerKey=8,maxWait=2m")
                .args("--requests", "1000000", "--threads", "64", "--batches", "2", "--duration", "10s,60s",
                        "--request-timeout", "15s")
                .interactive().hold().start(output, "chaos")) {
            DemoReport warmUp = run.awaitBatchReport(1, Duration.ofMinutes(2));
            assertThat(warmUp.errors()).as(warmUp.get("error-types")).isZero();
            Thread.sleep(2000);
            Resources before = Resources.of(run);

            run.startNextBatch();
            int kills = killRandomServers(run, CHAOS.minusSeconds(4));
            DemoReport chaos = run.awaitBatchReport(2, CHAOS.plusSeconds(60));

            System.out.printf("chaos: %d requests in 60 s, %d servers killed, %d failed calls (%s), p50=%.1f ms,"
                    + " p99=%.1f ms%n", chaos.integer("requests"), kills, chaos.errors(), chaos.get("error-types"),
                    chaos.millis("p50"), chaos.millis("p99"));
            assertThat(kills).isGreaterThanOrEqualTo(8);
            assertThat(chaos.integer("requests")).isGreaterThan(1000);
            assertThat(chaos.errors()).as("only calls on a killed server fail: one lease per session")
                    .isLessThanOrEqualTo(kills);
            assertThat(chaos.get("error-types")).as("the SDK's own errors only, none of the agent's")
                    .doesNotContain("dev.mcppool");

            try (PoolMBean pool = PoolMBean.of(run)) {
                Resources after = awaitQuiet(run, pool);
                int idle = (Integer) pool.attribute("IdleSessions");
                System.out.printf("chaos resources: before %s, after %s, idle sessions %d%n", before, after, idle);
                assertThat(after.servers()).as("server processes = idle sessions").isEqualTo(idle);
                assertThat(after.agentIoThreads()).as("agent I/O threads = 3 per session").isEqualTo(3 * idle);
                assertThat(after.threads()).isLessThanOrEqualTo(before.threads() + 10);
                assertThat(after.fileDescriptors()).isLessThanOrEqualTo(before.fileDescriptors() + 10);
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    private static int killRandomServers(DemoRun run, Duration during) throws InterruptedException {
        Random random = new Random(42);
        long end = System.nanoTime() + during.toNanos();
        int kills = 0;
        while (System.nanoTime() < end && run.process().isAlive()) {
            Thread.sleep(5000);
            List<ProcessHandle> servers = run.ownStdioServers();
            if (!servers.isEmpty()) {
                servers.get(random.nextInt(servers.size())).destroyForcibly();
                kills++;
            }
        }
        return kills;
    }

    /** Waits until no session is leased and every destroyed session's process and threads are gone. */
    private static Resources awaitQuiet(DemoRun run, PoolMBean pool) throws Exception {
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        Resources resources = Resources.of(run);
        while (System.nanoTime() < deadline) {
            int idle = (Integer) pool.attribute("IdleSessions");
            if ((Integer) pool.attribute("ActiveSessions") == 0 && resources.servers() == idle
                    && resources.agentIoThreads() == 3 * idle) {
                return resources;
            }
            Thread.sleep(250);
            resources = Resources.of(run);
        }
        return resources;
    }

    /** What a JVM holds, read from /proc: threads, file descriptors, live server child processes. */
    private record Resources(int threads, int agentIoThreads, int fileDescriptors, int servers) {

        static Resources of(DemoRun run) throws IOException {
            Path proc = Path.of("/proc", Long.toString(run.pid()));
            int threads = 0;
            int agentIoThreads = 0;
            try (Stream<Path> tasks = Files.list(proc.resolve("task"))) {
                for (Path task : tasks.toList()) {
                    threads++;
                    try {
                        if (Files.readString(task.resolve("comm")).startsWith("mcp-pool-stdio")) {
                            agentIoThreads++;
                        }
                    } catch (IOException exited) {
                        threads--;
                    }
                }
            }
            try (Stream<Path> fds = Files.list(proc.resolve("fd"))) {
                return new Resources(threads, agentIoThreads, (int) fds.count(), run.ownStdioServers().size());
            }
        }
    }
}
