package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import javax.management.openmbean.CompositeData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A client the application never closes is reported once, with the stack of the code that used it. */
class LeakDetectionIT {

    @Test
    void leaseNeverClosedIsLoggedWithTheBorrowersStackAndCountedInJmx(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("leakDetectionThreshold=2s,maxPerKey=2")
                .args("--leak-one", "--requests", "10").hold().start(output, "leak")) {
            assertThat(run.awaitReport(Duration.ofMinutes(2)).errors()).isZero();
            run.awaitStderr(Duration.ofSeconds(20), "apparent leak");

            assertThat(run.stderr())
                    .contains("mcp-pool: a session of stdio: ", "apparent leak")
                    .contains("at dev.mcppool.demo.DemoClient.run(");
            assertThat(run.stderr().split("has been leased for more than", -1)).as(run.stderr()).hasSize(2);
            try (PoolMBean mbean = PoolMBean.of(run)) {
                assertThat(mbean.attribute("LeakedLeases")).isEqualTo(1L);
                assertThat(mbean.attribute("ActiveSessions")).isEqualTo(1);
                CompositeData[] servers = (CompositeData[]) mbean.attribute("Servers");
                assertThat(servers).singleElement().satisfies(server -> assertThat(server.get("leaks")).isEqualTo(1L));
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }
    }
}
