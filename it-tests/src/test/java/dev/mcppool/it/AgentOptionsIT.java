package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Options that are wrong or turn pooling off leave the application running exactly as without the agent. */
class AgentOptionsIT {

    @Test
    void badOptionPrintsOneClearLineAndTheAppRunsUnpooled(@TempDir Path output) throws Exception {
        try (DemoRun run = DemoRun.withAgent("maxWait=soon").args("--requests", "3").start(output, "bad-option")) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();

            assertThat(report.errors()).isZero();
            assertThat(report.integer("server-processes")).isEqualTo(3);
            assertThat(run.stderr().lines().filter(line -> line.contains("mcp-pool:")))
                    .singleElement().asString()
                    .contains("invalid value 'soon' for option maxWait", "agent options", "500ms", "pooling is disabled");
        }
    }

    @Test
    void enabledFalseFromTheEnvironmentTurnsPoolingOff(@TempDir Path output) throws Exception {
        DemoReport report = DemoRun.withAgent("").env("MCP_POOL_ENABLED", "false").args("--requests", "3")
                .run(output, "disabled", Duration.ofMinutes(2));

        assertThat(report.errors()).isZero();
        assertThat(report.integer("server-processes")).isEqualTo(3);
    }

    @Test
    void serverOptionsFromAConfigFileApplyToTheServersTheyMatch(@TempDir Path output) throws Exception {
        Path config = output.resolve("mcp-pool.properties");
        // the demo's stdio server is started as <java.home>/bin/java: the rule matches the command's file name
        Files.writeString(config, "maxPerKey=4\nserver.java.maxPerKey=1\n");

        DemoReport report = DemoRun.withAgent("config=" + config).args("--requests", "16", "--threads", "4")
                .run(output, "server-rule", Duration.ofMinutes(2));

        assertThat(report.errors()).isZero();
        assertThat(report.integer("server-processes")).as("4 threads share the one session maxPerKey=1 allows")
                .isEqualTo(1);
    }

    @Test
    void aServerOptionCanLeaveOneServerUnpooled(@TempDir Path output) throws Exception {
        DemoReport report = DemoRun.withAgent("").jvmOption("-Dmcp.pool.server.java.enabled=false")
                .args("--requests", "3").run(output, "server-disabled", Duration.ofMinutes(2));

        assertThat(report.errors()).isZero();
        assertThat(report.integer("server-processes")).isEqualTo(3);
    }
}
