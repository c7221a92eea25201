package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The demo packaged as a Spring Boot executable jar: the SDK is a nested jar under {@code BOOT-INF/lib}, loaded by
 * Spring Boot's own class loader, and the agent must pool it all the same.
 */
class SpringBootJarIT {

    private static final int REQUESTS = 30;

    @Test
    void stdioClientsInAFatJarArePooled(@TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        DemoReport report = DemoRun.withAgent("maxPerKey=2").jar(Artifacts.demoBootJar())
                .args("--stdio", Artifacts.demoStdioServerCountingSpawns(output, spawns),
                        "--requests", Integer.toString(REQUESTS), "--threads", "2")
                .run(output, "boot-stdio", Duration.ofMinutes(2));

        assertThat(report.errors()).isZero();
        assertThat(report.resultsDigest()).isEqualTo(DemoReport.echoDigest(REQUESTS));
        assertThat(Files.readAllLines(spawns)).as("server processes").hasSizeBetween(1, 2);
    }

    @Test
    void streamableHttpClientsInAFatJarArePooled(@TempDir Path output) throws Exception {
        DemoReport report = DemoRun.withAgent("maxPerKey=2").jar(Artifacts.demoBootJar())
                .args("--transport", "http", "--requests", Integer.toString(REQUESTS), "--threads", "2")
                .run(output, "boot-http", Duration.ofMinutes(2));

        assertThat(report.errors()).isZero();
        assertThat(report.resultsDigest()).isEqualTo(DemoReport.echoDigest(REQUESTS));
        assertThat(report.integer("server-sessions")).isBetween(1, 2);
    }
}
