package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo's per-request loop with LangChain4j's client ({@code --client langchain4j}) under the agent: the same
 * results as the official SDK's, sessions shared up to maxPerKey, no health-check thread per client and no thread
 * growth over 10 000 requests, and the same pool, MBean and options as the SDK's clients. The load tests run twice
 * as many threads as maxPerKey, so that a pool that started a session for every concurrent borrower would show.
 */
class Langchain4jPoolingIT {

    private static final Duration BATCH_LIMIT = Duration.ofMinutes(3);

    @Test
    void tenThousandStdioRequestsShareMaxPerKeyServersWithoutThreadGrowth(@TempDir Path output) throws Exception {
        // the four borrowers beyond maxPerKey wait while the four server JVMs start, which on a busy machine takes
        // longer than the default maxWait
        try (DemoRun run = DemoRun.withAgent("maxPerKey=4,maxWait=1m")
                .args("--client", "langchain4j", "--transport", "stdio", "--threads", "8", "--batches", "10",
                        "--requests", "1000")
                .interactive()
                .start(output, "stdio")) {
            DemoReport first = run.awaitBatchReport(1, BATCH_LIMIT);
            assertThat(first.errors()).as("failed requests: %s", first.errorLines()).isZero();
            DemoReport afterTenThousand = first;
            for (int batch = 2; batch <= 10; batch++) {
                run.startNextBatch();
                afterTenThousand = run.awaitBatchReport(batch, BATCH_LIMIT);
                assertThat(afterTenThousand.errors()).as("errors in batch %d: %s", batch, afterTenThousand.errorLines())
                        .isZero();
            }

            // The pool counts each key's sessions until they are destroyed (SessionLifecycle), so it never starts one
            // above maxPerKey, and nothing in this run destroys one: every process it started lives to the end.
            assertThat(afterTenThousand.integer("server-processes")).as("server processes over 10 000 requests")
                    .isBetween(1, 4);
            assertThat(first.integer("health-check-threads")).isZero();
            assertThat(afterTenThousand.integer("health-check-threads")).isZero();
            // a few threads come and go (the JDK's own pools); nothing grows per request
            assertThat(afterTenThousand.integer("jvm-threads")).as("live threads after 10 000 vs 1 000 requests")
                    .isLessThanOrEqualTo(first.integer("jvm-threads") + 10);
        }
    }

    @Test
    void streamableHttpRequestsShareSessionsAndLeaveNoThreadPerRequest(@TempDir Path output) throws Exception {
        int requests = 3000;
        DemoReport report = DemoRun.withAgent("maxPerKey=4")
                .args("--client", "langchain4j", "--transport", "http", "--threads", "8",
                        "--requests", Integer.toString(requests))
                .run(output, "http", BATCH_LIMIT);

        assertThat(report.errors()).as("failed requests (%s): %s", report.get("error-types"), report.errorLines())
                .isZero();
        assertThat(report.resultsDigest()).isEqualTo(DemoReport.echoDigest(requests));
        // counted by the server as it creates them, before the pool ends its sessions at exit: only sessions the pool
        // started (the server forgets one only when the pool destroys it), at most maxPerKey
        assertThat(report.integer("server-sessions")).isBetween(1, 4);
        assertThat(report.integer("health-check-threads")).isZero();
        // Without the agent every request leaves its HttpClient's threads behind (over 4 per request measured here);
        // with it, only the selector threads of the application's own never-started transports wait for the garbage
        // collector (about 1 000 at a time here).
        assertThat(report.integer("jvm-threads")).isLessThan(requests);
    }

    @Test
    void theSameMBeanShowsLangchain4jServersWithTheirLibrary(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("maxPerKey=2")
                .args("--client", "langchain4j", "--transport", "sse", "--threads", "2", "--requests", "40",
                        "--header", "Authorization=Bearer demo-secret-token")
                .hold()
                .start(output, "jmx")) {
            DemoReport report = run.awaitReport(BATCH_LIMIT);
            assertThat(report.errors()).isZero();
            assertThat(report.integer("server-sessions")).isBetween(1, 2);
            try (PoolMBean mbean = PoolMBean.of(run)) {
                assertThat(mbean.attribute("BorrowedCount")).isEqualTo(40L);
                assertThat(mbean.attribute("ReturnedCount")).isEqualTo(40L);
                CompositeData[] servers = (CompositeData[]) mbean.attribute("Servers");
                assertThat(servers).hasSize(1);
                assertThat(servers[0].get("library")).isEqualTo("langchain4j");
                assertThat(servers[0].get("transport")).isEqualTo("sse");
                assertThat((String) servers[0].get("server")).startsWith("sse: http://127.0.0.1:")
                        .contains("(headers: Authorization)").doesNotContain("demo-secret-token");
                assertThat(Arrays.stream(servers).map(Object::toString)).noneMatch(row -> row.contains("demo-secret"));
            }
        }
    }

    @Test
    void aServerRuleTurnsPoolingOffForLangchain4jClientsToo(@TempDir Path output) throws Exception {
        DemoReport report = DemoRun.withAgent("server.127.0.0.1.enabled=false")
                .args("--client", "langchain4j", "--transport", "http", "--requests", "5")
                .run(output, "disabled", BATCH_LIMIT);

        assertThat(report.errors()).isZero();
        assertThat(report.integer("server-sessions")).as("one session per request, as without the agent")
                .isEqualTo(5);
    }
}
