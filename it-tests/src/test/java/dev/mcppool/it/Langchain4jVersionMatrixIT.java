package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A per-request LangChain4j application ({@code Langchain4jProbe}, test resource, compiled here against each
 * langchain4j-mcp release of the module {@code langchain4j-matrix}) under the agent, against server-everything over
 * stdio and Streamable HTTP: every release from 1.0.0-beta3 is pooled with the results, callbacks and use-after-close
 * error of the library; 1.0.0-beta1 (no {@code checkHealth()}) runs unpooled exactly as without the agent, with one
 * line saying why.
 */
class Langchain4jVersionMatrixIT {

    private static final int REQUESTS = 12;
    private static final String UNSUPPORTED = "1.0.0-beta1";
    /** Streamable HTTP came with this release. */
    private static final String FIRST_WITH_STREAMABLE_HTTP = "1.4.0-beta10";

    static List<String> versions() throws Exception {
        return Artifacts.langchain4jMatrixVersions().stream().filter(version -> !version.equals(UNSUPPORTED)).toList();
    }

    static List<String> streamableHttpVersions() throws Exception {
        return versions().stream().filter(version -> !List.of("1.0.0-beta3", "1.2.0-beta8").contains(version))
                .toList();
    }

    @ParameterizedTest(name = "langchain4j-mcp {0}")
    @MethodSource("versions")
    void stdioClientsArePooled(String version, @TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        try (DemoRun run = probe(DemoRun.withAgent(""), version, output)
                .args(Integer.toString(REQUESTS), "stdio", EverythingServer.stdioCommandCountingSpawns(output, spawns))
                .start(output, "stdio-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            assertSameOutputAsTheLibrary(run.stdout());
            assertThat(Files.readAllLines(spawns)).as("server processes for sequential clients").hasSize(1);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @ParameterizedTest(name = "langchain4j-mcp {0}")
    @MethodSource("streamableHttpVersions")
    void streamableHttpClientsArePooled(String version, @TempDir Path output) throws Exception {
        try (EverythingServer server = EverythingServer.startStreamableHttp(output)) {
            assertSequentialClientsShareOneSession(server, "http", version, output, "MCP sessions");
        }
    }

    @Test
    void legacySseClientsArePooled(@TempDir Path output) throws Exception {
        try (EverythingServer server = EverythingServer.startSse(output)) {
            assertSequentialClientsShareOneSession(server, "sse", versions().get(versions().size() - 1), output,
                    "SSE streams");
        }
    }

    /** The probe's sequential clients, with the agent, behave as the library's and the server sees one session. */
    private static void assertSequentialClientsShareOneSession(EverythingServer server, String transport,
                                                               String version, Path output, String sessionsCounted)
            throws Exception {
        try (DemoRun run = probe(DemoRun.withAgent(""), version, output)
                .args(Integer.toString(REQUESTS), transport, server.url())
                .start(output, transport + "-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            assertSameOutputAsTheLibrary(run.stdout());
            assertThat(server.sessionsInitialized()).as(sessionsCounted + " for sequential clients").isEqualTo(1L);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @Test
    void anUnsupportedReleaseRunsUnpooledExactlyAsWithoutTheAgentWithOneLineSayingWhy(@TempDir Path output)
            throws Exception {
        Path pooledSpawns = output.resolve("pooled-spawns.log");
        Path unpooledSpawns = output.resolve("unpooled-spawns.log");
        try (DemoRun with = probe(DemoRun.withAgent(""), UNSUPPORTED, output)
                .args(Integer.toString(REQUESTS), "stdio", EverythingServer.stdioCommandCountingSpawns(output, pooledSpawns))
                .start(output, "with-agent");
             DemoRun without = probe(DemoRun.withoutAgent(), UNSUPPORTED, output)
                     .args(Integer.toString(REQUESTS), "stdio",
                             EverythingServer.stdioCommandCountingSpawns(output, unpooledSpawns))
                     .start(output, "without-agent")) {
            with.awaitExit(Duration.ofMinutes(3));
            without.awaitExit(Duration.ofMinutes(3));
            assertThat(results(with.stdout())).containsExactlyElementsOf(expectedResults());
            assertThat(with.stdout().lines().filter(line -> !line.startsWith("result ")))
                    .containsExactlyElementsOf(without.stdout().lines().filter(line -> !line.startsWith("result "))
                            .toList());
            assertThat(Files.readAllLines(pooledSpawns)).as("one server per client, as without the agent")
                    .hasSize(REQUESTS + 1);
            assertThat(Files.readAllLines(unpooledSpawns)).hasSize(REQUESTS + 1);
            assertThat(with.stderr().lines().filter(line -> line.contains("mcp-pool") && line.contains("unpooled")))
                    .singleElement().asString()
                    .contains("not supported by this agent version", "checkHealth()");
        }
    }

    @Test
    void theMatrixCoversTheReleasesTheIssueNames() throws Exception {
        assertThat(Artifacts.langchain4jMatrixVersions()).contains(UNSUPPORTED, "1.0.0-beta3", "1.2.0-beta8",
                FIRST_WITH_STREAMABLE_HTTP, "1.10.0-beta18", "1.18.1-beta28");
    }

    private static void assertSameOutputAsTheLibrary(String stdout) {
        assertThat(results(stdout)).containsExactlyElementsOf(expectedResults());
        // From 1.2.0-beta8 on the library's own closed client throws IllegalStateException; 1.0.0-beta3 does not
        // check, but a closed facade must fail there too: its session may be lent to another client by then.
        assertThat(stdout).contains("tools 14").contains("closed-call java.lang.IllegalStateException");
    }

    private static List<String> results(String stdout) {
        return stdout.lines().filter(line -> line.startsWith("result ")).toList();
    }

    private static List<String> expectedResults() {
        return IntStream.range(0, REQUESTS).mapToObj(i -> "result " + i + " Echo: req-" + i).toList();
    }

    private static DemoRun.Builder probe(DemoRun.Builder run, String version, Path output) throws Exception {
        Path classes = compileProbe(version, output.resolve("probe-" + (run.hasAgent() ? "with" : "without")));
        return run.classPath(classes + File.pathSeparator + Artifacts.langchain4jLib(version) + File.separator + "*")
                .mainClass("Langchain4jProbe");
    }

    /** Compiles {@code Langchain4jProbe} against langchain4j-mcp {@code version} into {@code classes}. */
    private static Path compileProbe(String version, Path classes) throws Exception {
        return Artifacts.compileAgainst("/langchain4j-probe/Langchain4jProbe.java", Artifacts.langchain4jLib(version),
                classes);
    }
}
