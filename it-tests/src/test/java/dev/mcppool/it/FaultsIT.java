package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Faults between and during requests: the application sees no error the agent could have avoided. */
class FaultsIT {

    private static final Duration BATCH_LIMIT = Duration.ofMinutes(2);

    @Test
    void stdioServersKilledWhileIdleAreReplacedWithoutErrors(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("maxPerKey=3")
                .args("--requests", "30", "--threads", "3", "--batches", "2").interactive().start(output, "killed")) {
            DemoReport first = run.awaitBatchReport(1, BATCH_LIMIT);
            List<ProcessHandle> servers = servers(run);
            servers.forEach(ProcessHandle::destroyForcibly);
            awaitDead(servers);

            run.startNextBatch();
            DemoReport second = run.awaitBatchReport(2, BATCH_LIMIT);

            System.out.printf("killed while idle: %d servers killed, batch 2 errors=%d, p50=%.2f ms%n",
                    servers.size(), second.errors(), second.millis("p50"));
            assertThat(first.errors()).isZero();
            assertThat(second.errors()).isZero();
            assertThat(second.integer("server-processes")).isGreaterThan(first.integer("server-processes"));
            assertThat(second.resultsDigest()).isEqualTo(first.resultsDigest());
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void stdioServersHungWhileIdleAreReplacedAndNoneSurvivesTheApp(@TempDir Path output) throws Exception {
        List<ProcessHandle> hung;
        try (DemoRun run = DemoRun.withAgent("maxPerKey=2,validationTimeout=500ms")
                .args("--requests", "20", "--threads", "2", "--batches", "2").interactive().start(output, "hung")) {
            DemoReport first = run.awaitBatchReport(1, BATCH_LIMIT);
            hung = servers(run);
            for (ProcessHandle server : hung) {
                signal("STOP", server);
            }
            // Idle past aliveBypassWindow (500 ms): a session used more recently is lent without a ping.
            Thread.sleep(1000);

            run.startNextBatch();
            DemoReport second = run.awaitBatchReport(2, BATCH_LIMIT);

            System.out.printf("hung while idle: %d servers stopped, batch 2 errors=%d, max=%.0f ms%n",
                    hung.size(), second.errors(), second.millis("max"));
            assertThat(first.errors()).isZero();
            assertThat(second.errors()).isZero();
            assertThat(second.integer("server-processes")).isGreaterThan(first.integer("server-processes"));
            assertThat(second.millis("max")).as("no request waits for a hung server").isLessThan(10_000);
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
        awaitDead(hung);
    }

    @Test
    void serverKilledDuringACallFailsThatCallAsWithoutTheAgentAndIsNeverLentAgain(@TempDir Path output) throws Exception {
        KilledDuringCall pooled = killServersDuringCalls(DemoRun.withAgent("maxPerKey=2"), output, "pooled");
        KilledDuringCall unpooled = killServersDuringCalls(DemoRun.withoutAgent(), output, "unpooled");

        System.out.printf("killed during a call: %d errors with the agent, %d without%n",
                pooled.report().errors(), unpooled.report().errors());
        assertThat(pooled.report().errors()).isEqualTo(2);
        assertThat(pooled.errorLines()).isEqualTo(unpooled.errorLines());
        assertThat(pooled.report().integer("server-processes")).as("killed sessions replaced, not lent again")
                .isEqualTo(4);
    }

    private record KilledDuringCall(DemoReport report, List<String> errorLines) {
    }

    /** Two threads, two sleeping calls each; both servers are killed during the first call of each thread. */
    private static KilledDuringCall killServersDuringCalls(DemoRun.Builder demo, Path output, String name)
            throws Exception {
        try (DemoRun run = demo.args("--tool", "sleep", "--arg-name", "ms", "--arg-value", "8000",
                "--requests", "4", "--threads", "2", "--request-timeout", "12s").start(output, name)) {
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            List<ProcessHandle> servers = List.of();
            while (servers.size() < 2 && System.nanoTime() < deadline) {
                Thread.sleep(100);
                servers = run.ownStdioServers();
            }
            assertThat(servers).hasSize(2);
            // Well past server start-up and initialization, well within the 8 s tool call.
            Thread.sleep(4000);
            servers.forEach(ProcessHandle::destroyForcibly);
            run.awaitExit(Duration.ofMinutes(1));
            return new KilledDuringCall(run.report(),
                    run.stderr().lines().filter(line -> line.startsWith("error request=")).sorted().toList());
        }
    }

    @Test
    void restartedHttpServerIsUsedAgainWithoutErrors(@TempDir Path output) throws Exception {
        try (EverythingServer server = EverythingServer.startStreamableHttp(output);
             DemoRun run = DemoRun.withAgent("maxPerKey=2")
                     .args("--url", server.url(), "--tool", "echo", "--arg-name", "message",
                             "--requests", "20", "--threads", "2", "--batches", "2")
                     .interactive().start(output, "restarted")) {
            DemoReport first = run.awaitBatchReport(1, BATCH_LIMIT);
            server.restart();

            run.startNextBatch();
            DemoReport second = run.awaitBatchReport(2, BATCH_LIMIT);

            assertThat(first.errors()).isZero();
            assertThat(second.errors()).isZero();
            assertThat(second.resultsDigest()).isEqualTo(first.resultsDigest());
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    /**
     * With {@code aliveBypassWindow=1h} no session is pinged before it is lent, so each one's first request after the
     * restart meets a server that no longer knows the session: the server rejects it unexecuted, and the request goes
     * to a fresh session instead of failing.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {"maxPerKey=2|sync", "maxPerKey=2,aliveBypassWindow=1h|sync",
            "maxPerKey=2,aliveBypassWindow=1h|async"})
    void restartedHttpServerExecutesNoToolCallTwice(String options, String api, @TempDir Path output)
            throws Exception {
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(output);
             DemoRun run = DemoRun.withAgent(options)
                     .args("--url", server.url(), "--api", api, "--requests", "20", "--threads", "2",
                             "--batches", "2")
                     .interactive().start(output, "no-double-calls")) {
            DemoReport first = run.awaitBatchReport(1, BATCH_LIMIT);
            List<String> firstCalls = server.calls();
            server.restart();

            run.startNextBatch();
            DemoReport second = run.awaitBatchReport(2, BATCH_LIMIT);
            List<String> secondCalls = server.calls();

            assertThat(first.errors()).isZero();
            assertThat(second.errors()).isZero();
            List<String> expected = IntStream.range(0, 20).mapToObj(i -> "call echo {text=req-" + i + "}").toList();
            assertThat(firstCalls).containsExactlyInAnyOrderElementsOf(expected);
            assertThat(secondCalls).as("each request executed once on the restarted server")
                    .containsExactlyInAnyOrderElementsOf(expected);
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void exhaustedPoolFailsRequestsWithAnErrorNamingServerSizeAndWaiters(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("maxPerKey=1,maxWait=1ms")
                .args("--requests", "60", "--threads", "4").start(output, "exhausted")) {
            run.awaitExit(BATCH_LIMIT);

            assertThat(run.report().errors()).isPositive();
            assertThat(run.stderr().lines().filter(line -> line.startsWith("error request=")))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).contains("dev.mcppool.pool.PoolExhaustedException",
                            "server 'stdio: ", "within 1 ms", "of maxPerKey=1", "threads waiting"));
        }
    }

    private static List<ProcessHandle> servers(DemoRun run) {
        List<ProcessHandle> servers = run.ownStdioServers();
        assertThat(servers).as("pooled server processes").isNotEmpty();
        return servers;
    }

    private static void signal(String signal, ProcessHandle process) throws Exception {
        Process kill = new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid())).start();
        assertThat(kill.waitFor(10, TimeUnit.SECONDS)).isTrue();
        assertThat(kill.exitValue()).isZero();
    }

    private static void awaitDead(List<ProcessHandle> processes) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (processes.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        List<Long> survivors = processes.stream().filter(ProcessHandle::isAlive).map(ProcessHandle::pid).toList();
        processes.forEach(ProcessHandle::destroyForcibly);
        assertThat(survivors).as("processes still alive").isEmpty();
    }
}
