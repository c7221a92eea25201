package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code java -jar mcp-pool.jar attach|status|list} against a running demo app that was started without the agent:
 * its per-request clients spawn one server each until the agent is attached, and share one afterwards.
 */
class AttachCliIT {

    private static final Duration BATCH_LIMIT = Duration.ofMinutes(2);
    private static final Duration CLI_LIMIT = Duration.ofMinutes(1);
    private static final int REQUESTS = 10;
    private static final String ALREADY_ACTIVE =
            "mcp-pool: the agent is already active in this JVM; ignoring the second load";

    @Test
    void attachPoolsARunningAppAndStatusShowsItsPool(@TempDir Path output) throws Exception {
        // a fourth batch that never runs keeps the app alive until its stdin is closed
        try (DemoRun run = DemoRun.withoutAgent()
                .args("--requests", Integer.toString(REQUESTS), "--threads", "1", "--batches", "4")
                .interactive().start(output, "demo")) {
            String pid = Long.toString(run.pid());
            DemoReport unpooled = run.awaitBatchReport(1, BATCH_LIMIT);
            assertThat(unpooled.errors()).as("errors without the agent: %s", unpooled.get("error-types")).isZero();
            assertThat(unpooled.integer("server-processes")).as("one server per request without the agent")
                    .isEqualTo(REQUESTS);
            assertThat(unpooled.resultsDigest()).isEqualTo(DemoReport.echoDigest(REQUESTS));

            CliResult list = cli(output, "list");
            assertThat(list.exitCode()).as("stderr: %s", list.err()).isZero();
            assertThat(list.out().lines())
                    .anyMatch(line -> line.startsWith(pid + " ") && line.contains("demo-app.jar"));

            CliResult noAgent = cli(output, "status", pid);
            assertThat(noAgent.exitCode()).isEqualTo(1);
            assertThat(noAgent.out()).isEmpty();
            assertThat(noAgent.err()).isEqualTo("mcp-pool: JVM " + pid + " has no mcp-pool agent (start it with"
                    + " -javaagent:mcp-pool.jar or run: java -jar mcp-pool.jar attach " + pid + ")"
                    + System.lineSeparator());

            CliResult attach = cli(output, "attach", pid);
            assertThat(attach.exitCode()).as("stderr: %s", attach.err()).isZero();
            assertThat(attach.out()).contains("loaded into JVM " + pid, "java -jar mcp-pool.jar status " + pid);

            run.startNextBatch();
            DemoReport pooled = run.awaitBatchReport(2, BATCH_LIMIT);
            assertThat(pooled.errors()).as("errors after the attach: %s", pooled.get("error-types")).isZero();
            assertThat(pooled.resultsDigest()).isEqualTo(unpooled.resultsDigest());
            int pooledProcesses = pooled.integer("server-processes") - REQUESTS;
            assertThat(pooledProcesses).as("servers started for %d requests after the attach", REQUESTS)
                    .isBetween(1, 2);

            assertStatusShowsThePool(cli(output, "status", pid), pid, pooledProcesses,
                    run.ownStdioServers().stream().map(ProcessHandle::pid).toList());

            CliResult secondAttach = cli(output, "attach", pid, "maxPerKey=1");
            assertThat(secondAttach.exitCode()).as("stderr: %s", secondAttach.err()).isZero();
            assertThat(run.stderr()).contains(ALREADY_ACTIVE);
            assertThat(occurrences(run.stderr(), "mcp-pool \\S+ active: ")).as("agents that started").isEqualTo(1);

            run.startNextBatch();
            DemoReport afterSecondAttach = run.awaitBatchReport(3, BATCH_LIMIT);
            assertThat(afterSecondAttach.errors()).as("errors after the second attach: %s",
                    afterSecondAttach.get("error-types")).isZero();
            assertThat(afterSecondAttach.resultsDigest()).isEqualTo(unpooled.resultsDigest());
            assertThat(afterSecondAttach.integer("server-processes")).as("the pooled server is reused")
                    .isBetween(pooled.integer("server-processes"), pooled.integer("server-processes") + 1);
            assertThat(cli(output, "status", pid).out()).as("the options of the second load are ignored")
                    .contains("Settings: enabled=true, maxPerKey=8,", "Servers (1):");

            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }

    @Test
    void aPidWithoutAProcessIsOneClearLine(@TempDir Path output) throws Exception {
        assertThat(ProcessHandle.of(999999)).as("precondition: no process 999999").isEmpty();

        CliResult attach = cli(output, "attach", "999999");

        assertThat(attach.exitCode()).isEqualTo(1);
        assertThat(attach.out()).isEmpty();
        assertThat(attach.err()).isEqualTo("mcp-pool: no Java process with pid 999999; `java -jar mcp-pool.jar list`"
                + " shows the JVMs you can attach to" + System.lineSeparator());
    }

    private static void assertStatusShowsThePool(CliResult status, String pid, int serverProcesses,
                                                 List<Long> serverPids) {
        assertThat(status.exitCode()).as("stderr: %s", status.err()).isZero();
        assertThat(status.err()).isEmpty();
        List<String> lines = status.out().lines().toList();
        assertThat(lines.get(0)).startsWith("mcp-pool ").endsWith(" in JVM " + pid + ": Enabled=true, Suspended=false");
        assertThat(status.out()).contains("Settings: enabled=true, maxPerKey=8", "BorrowedCount=" + REQUESTS);

        Map<String, String> server = onlyRow(lines, "Servers (1):");
        assertThat(server.get("server")).startsWith("stdio: ").contains("dev.mcppool.demo.DemoApp server stdio");
        assertThat(server).containsEntry("transport", "stdio").containsEntry("borrowed", Integer.toString(REQUESTS))
                .containsEntry("active", "0").containsEntry("idle", "1")
                .containsEntry("created", Integer.toString(serverProcesses)).containsEntry("breaker", "closed");

        Map<String, String> session = onlyRow(lines, "Sessions (1):");
        assertThat(session).containsEntry("fingerprint", server.get("fingerprint")).containsEntry("state", "idle")
                .containsEntry("server", server.get("server"));
        assertThat(Long.parseLong(session.get("timesLent"))).isBetween(1L, (long) REQUESTS);
        assertThat(serverPids).as("the demo's server processes").contains(Long.parseLong(session.get("processId")));
    }

    /** The one row of the table titled {@code title}, by column name (columns are at least two spaces apart). */
    private static Map<String, String> onlyRow(List<String> lines, String title) {
        int at = lines.indexOf(title);
        assertThat(at).as("'%s' in:\n%s", title, String.join("\n", lines)).isNotNegative();
        assertThat(lines.size()).isGreaterThan(at + 2);
        List<String> headers = cells(lines.get(at + 1));
        List<String> values = cells(lines.get(at + 2));
        assertThat(values).as("cells of %s", lines.get(at + 2)).hasSameSizeAs(headers);
        return IntStream.range(0, headers.size()).boxed()
                .collect(Collectors.toMap(headers::get, values::get));
    }

    private static List<String> cells(String line) {
        return Arrays.asList(line.trim().split(" {2,}"));
    }

    private static long occurrences(String text, String regex) {
        return Pattern.compile(regex).matcher(text).results().count();
    }

    /** Runs {@code java -jar mcp-pool.jar <args>} as its own process, as a user would. */
    private static CliResult cli(Path output, String... args) throws Exception {
        String name = "cli-" + String.join("-", args).replaceAll("[^A-Za-z0-9-]", "_") + "-" + System.nanoTime();
        Path out = output.resolve(name + ".out");
        Path err = output.resolve(name + ".err");
        List<String> command = new ArrayList<>(List.of(Artifacts.java(), "-jar",
                Artifacts.agentJar().toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(CLI_LIMIT.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new AssertionError(command + " did not finish within " + CLI_LIMIT);
        }
        return new CliResult(process.exitValue(), Files.readString(out), Files.readString(err));
    }

    private record CliResult(int exitCode, String out, String err) {
    }
}
