package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class StartupAndResourcesReportTest {

    private static final StartupResults STARTUP = new StartupResults(List.of(
            new StartupSample(false, 110, 900), new StartupSample(true, 190, 1030),
            new StartupSample(false, 130, 920), new StartupSample(true, 210, 1010)), List.of(), Duration.ofSeconds(40));

    @Test
    void startupTableHasMediansExtrasAndVerdicts() {
        String section = report(STARTUP, null).startupSection();

        assertThat(section).contains("`java [-javaagent:agent/target/mcp-pool.jar=maxPerKey=16,maxWait=60s] -jar demo-app/target/demo-app.jar"
                + " --transport http --requests 1 --threads 1 --timestamps`");
        assertThat(section).contains("| `main` entered | 120 | 200 | +80.0 | ≤ 100 ms: PASS |");
        assertThat(section).contains("| first call returned | 910 | 1,020 | +110 | ≤ 100 ms: **MISS** |");
        assertThat(section).contains("without the agent 110/900, 130/920; with the agent 190/1030, 210/1010.");
    }

    @Test
    void resourceAndFootprintTablesHaveARowPerCase() {
        StartupAndResourcesReport report = report(null, resources());

        String resources = report.resourceSection();
        assertThat(resources).contains("| case | calls | errors | jvm-threads | open-fds | child-processes | server"
                + " processes/sessions |");
        assertThat(resources).contains("| demo's own · Streamable HTTP · 4 threads · without agent | 10,000 | 0 |"
                + " 9,000 | 18,000 | 0 | 10,000 sessions |");
        assertThat(resources).contains("| demo's own · stdio · 16 threads · with agent | 10,000 | 0 | 60 | 80 | 4 |"
                + " 4 processes, 4 handshakes |");
        assertThat(resources).contains("| server-everything · stdio · 16 threads · without agent | 612 | 0 | 70 |"
                + " 50 | 2 | 628 processes |");
        assertThat(resources).contains("at most 1,000 calls within 120 s");
        String footprint = report.footprintSection();
        assertThat(footprint).contains("| demo's own · Streamable HTTP · 4 threads · with agent | 10,000 | 3.0 | 40.0"
                + " | 10 | 12 | 2 | 3 |");
        assertThat(footprint).contains("The agent's cost (own HTTP server, 4 threads, per-request app; with −"
                + " without): idle +1.0 MiB heap and +2 threads; after 10,000 / 10,000 calls +10.0 MiB heap and −3"
                + " threads.");
    }

    @Test
    void partsThatDidNotRunSaySo() {
        String markdown = report(STARTUP, null).markdown();

        assertThat(markdown).startsWith("# Startup, footprint and resource growth without and with mcp-pool\n");
        assertThat(markdown).contains("## Startup\n\nEach run:");
        assertThat(markdown).contains("## Footprint\n\n_Not run in this invocation (see `--only`)._\n");
        assertThat(markdown).contains("## Resource growth\n\n_Not run in this invocation");
        assertThat(markdown).doesNotContain("## Failed runs");
    }

    @Test
    void listsFailedRuns() {
        List<ResourceResult> resources = new ArrayList<>(resources());
        resources.set(0, new ResourceResult(ResourceCase.OWN_HTTP_WITHOUT_AGENT,
                Fixtures.run("resources-own-http-without-agent", Fixtures.report(10, 2, 1, 1, 1)),
                OptionalLong.empty()));

        String markdown = report(null, resources).markdown();

        assertThat(markdown).contains("## Failed runs\n\n- `resources-own-http-without-agent`: errors=2 of 10"
                + " requests (java.lang.RuntimeException:2)\n\n  ```\n  error request=3"
                + " java.lang.RuntimeException: boom\n  ```\n");
    }

    private static StartupAndResourcesReport report(StartupResults startup, List<ResourceResult> resources) {
        return new StartupAndResourcesReport(EndToEndReportTest.CONTEXT, Pace.FULL, startup, resources,
                Duration.ofMinutes(6));
    }

    private static List<ResourceResult> resources() {
        return List.of(
                result(ResourceCase.OWN_HTTP_WITHOUT_AGENT, 10_000, "server-sessions=10000",
                        "jvm-threads=9000 health-check-threads=0 open-fds=18000 child-processes=0",
                        "2097152 threads=8 agent-threads=0", "31457280 threads=15 agent-threads=0", null),
                result(ResourceCase.OWN_HTTP_WITH_AGENT, 10_000, "server-sessions=4",
                        "jvm-threads=50 health-check-threads=0 open-fds=60 child-processes=0",
                        "3145728 threads=10 agent-threads=2", "41943040 threads=12 agent-threads=3", null),
                result(ResourceCase.OWN_STDIO_WITH_AGENT, 10_000, "server-processes=4 server-handshakes=4",
                        "jvm-threads=60 health-check-threads=0 open-fds=80 child-processes=4",
                        "3145728 threads=10 agent-threads=2", "4194304 threads=60 agent-threads=6", null),
                result(ResourceCase.EVERYTHING_STDIO_WITHOUT_AGENT, 612, "",
                        "jvm-threads=70 health-check-threads=0 open-fds=50 child-processes=2",
                        "2097152 threads=8 agent-threads=0", "4194304 threads=60 agent-threads=0", 628L));
    }

    private static ResourceResult result(ResourceCase resourceCase, int calls, String serverLine, String resourceLine,
            String footprintStart, String footprintEnd, Long spawned) {
        String report = "footprint at=start heap-used-after-gc=" + footprintStart + "\n"
                + Fixtures.report(calls, 0, 1, 2, 100).replace("server-sessions=1\n", serverLine + "\n")
                        .replace("jvm-threads=25 health-check-threads=0 open-fds=40 child-processes=0", resourceLine)
                + "footprint at=end heap-used-after-gc=" + footprintEnd + "\n";
        return new ResourceResult(resourceCase, Fixtures.run("resources-" + resourceCase.name(), report),
                spawned == null ? OptionalLong.empty() : OptionalLong.of(spawned));
    }
}
