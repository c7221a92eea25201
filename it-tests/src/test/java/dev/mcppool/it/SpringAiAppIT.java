package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A Spring AI MCP client application (Spring Boot 4, Spring AI 2.0's MCP client starter on MCP SDK 2.0.0), unchanged,
 * does exactly what it does without the agent: the same tools listed, the same answers, a normal exit.
 */
class SpringAiAppIT {

    @Test
    void runsUnchangedUnderTheAgent(@TempDir Path output) throws Exception {
        List<String> without = appLines(DemoRun.withoutAgent(), output, "without-agent");
        List<String> with = appLines(DemoRun.withAgent(""), output, "with-agent");

        assertThat(without).contains("app: echo echo:spring-ai-0", "app: echo echo:spring-ai-2")
                .anySatisfy(line -> assertThat(line).startsWith("app: server demo-stdio tools [").contains("echo"));
        assertThat(with).isEqualTo(without);
    }

    private static List<String> appLines(DemoRun.Builder run, Path output, String name) throws Exception {
        String connection = "--spring.ai.mcp.client.stdio.connections.demo.";
        try (DemoRun finished = run.jar(Artifacts.springAiAppJar())
                .args("--spring.main.banner-mode=off",
                        connection + "command=" + Artifacts.java(),
                        connection + "args[0]=-jar",
                        connection + "args[1]=" + Artifacts.demoJar(),
                        connection + "args[2]=server",
                        connection + "args[3]=stdio")
                .start(output, name)) {
            finished.awaitExit(Duration.ofMinutes(2));
            assertThat(finished.stdout() + finished.stderr()).doesNotContain("unpooled", "mcp-pool: could not");
            return finished.stdout().lines().filter(line -> line.startsWith("app: ")).toList();
        }
    }
}
