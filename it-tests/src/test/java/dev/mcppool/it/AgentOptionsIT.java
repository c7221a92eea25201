package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

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
}
