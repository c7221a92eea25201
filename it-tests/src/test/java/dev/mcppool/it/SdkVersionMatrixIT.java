package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Per-request clients run on each official SDK release of the matrix (module {@code sdk-matrix}), under the agent,
 * against the demo's servers (built with SDK 2.1). From 0.18 on the demo's own client runs on the release, over stdio
 * and Streamable HTTP; older releases run {@code LegacyClient} (test resource), compiled here against the release.
 * Every release from 0.11 must be pooled with the foundation's guarantees; 0.10, which connects inside
 * {@code build()}, must run unpooled exactly as without the agent, with one line saying why.
 */
class SdkVersionMatrixIT {

    private static final int REQUESTS = 30;
    private static final int LEGACY_REQUESTS = 8;
    private static final String UNSUPPORTED = "0.10.0";

    /** Releases the demo's client (compiled against 2.1) runs on. */
    static List<String> versions() throws Exception {
        return Artifacts.sdkMatrixVersions().stream().filter(version -> compare(version, "0.18") >= 0).toList();
    }

    /** Older releases, which the legacy client covers; 0.10 is the one the agent must refuse. */
    static List<String> legacyVersions() throws Exception {
        return Artifacts.sdkMatrixVersions().stream()
                .filter(version -> compare(version, "0.18") < 0 && !version.equals(UNSUPPORTED)).toList();
    }

    @ParameterizedTest(name = "SDK {0}")
    @MethodSource("versions")
    void stdioClientsArePooled(String version, @TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        DemoRun.Builder pooled = DemoRun.withAgent("maxPerKey=2")
                .classPath(Artifacts.demoClassPathWithSdk(version))
                .args("--stdio", Artifacts.demoStdioServerCountingSpawns(output, spawns), "--requests",
                        Integer.toString(REQUESTS), "--threads", "2");
        try (DemoRun run = pooled.start(output, "stdio-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();
            assertThat(report.errors()).isZero();
            assertThat(report.resultsDigest()).isEqualTo(DemoReport.echoDigest(REQUESTS));
            assertThat(Files.readAllLines(spawns)).as("server processes").hasSizeBetween(1, 2);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @ParameterizedTest(name = "SDK {0}")
    @MethodSource("versions")
    void streamableHttpClientsArePooled(String version, @TempDir Path output) throws Exception {
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(output);
             DemoRun run = DemoRun.withAgent("maxPerKey=2")
                     .classPath(Artifacts.demoClassPathWithSdk(version))
                     .args("--url", server.url(), "--requests", Integer.toString(REQUESTS), "--threads", "2")
                     .start(output, "http-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();
            assertThat(report.errors()).isZero();
            assertThat(report.resultsDigest()).isEqualTo(DemoReport.echoDigest(REQUESTS));
            assertThat(server.sessions()).as("MCP sessions the server started").isBetween(1L, 2L);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @ParameterizedTest(name = "SDK {0}")
    @MethodSource("legacyVersions")
    void olderReleasesArePooledToo(String version, @TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        try (DemoRun run = legacyClient(DemoRun.withAgent(""), version, output, spawns).start(output, version)) {
            run.awaitExit(Duration.ofMinutes(2));
            assertThat(run.stdout().lines().filter(line -> line.startsWith("result ")))
                    .containsExactlyElementsOf(legacyResults());
            assertThat(Files.readAllLines(spawns)).as("server processes for sequential clients").hasSize(1);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @ParameterizedTest(name = "SDK {0}")
    @MethodSource("legacyVersions")
    void olderReleasesArePooledOverStreamableHttp(String version, @TempDir Path output) throws Exception {
        try (DemoHttpServerProcess server = DemoHttpServerProcess.start(output);
             DemoRun run = DemoRun.withAgent("")
                     .classPath(compileLegacyClient(version, output.resolve("classes")) + File.pathSeparator
                             + Artifacts.sdkClassPath(version))
                     .mainClass("LegacyClient")
                     .args(Integer.toString(LEGACY_REQUESTS), "--url", server.url().replace("/mcp", ""), "/mcp")
                     .start(output, "http-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            assertThat(run.stdout().lines().filter(line -> line.startsWith("result ")))
                    .containsExactlyElementsOf(legacyResults());
            assertThat(server.sessions()).as("MCP sessions for sequential clients").isEqualTo(1L);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    @Test
    void anUnsupportedReleaseRunsUnpooledExactlyAsWithoutTheAgentWithOneLineSayingWhy(@TempDir Path output)
            throws Exception {
        Path pooledSpawns = output.resolve("pooled-spawns.log");
        Path unpooledSpawns = output.resolve("unpooled-spawns.log");
        try (DemoRun with = legacyClient(DemoRun.withAgent(""), UNSUPPORTED, output, pooledSpawns)
                .start(output, "with-agent");
             DemoRun without = legacyClient(DemoRun.withoutAgent(), UNSUPPORTED, output, unpooledSpawns)
                     .start(output, "without-agent")) {
            with.awaitExit(Duration.ofMinutes(3));
            without.awaitExit(Duration.ofMinutes(3));
            assertThat(with.stdout().lines().filter(line -> line.startsWith("result ")))
                    .containsExactlyElementsOf(legacyResults());
            assertThat(without.stdout().lines().filter(line -> line.startsWith("result ")))
                    .containsExactlyElementsOf(legacyResults());
            assertThat(Files.readAllLines(pooledSpawns)).as("one server per request, as without the agent")
                    .hasSize(LEGACY_REQUESTS);
            assertThat(Files.readAllLines(unpooledSpawns)).hasSize(LEGACY_REQUESTS);
            assertThat(with.stderr().lines().filter(line -> line.contains("mcp-pool") && line.contains("unpooled")))
                    .singleElement().asString()
                    .contains("not supported by this agent version", "connect inside build()");
        }
    }

    @Test
    void readmeCompatibilityTableListsExactlyTheTestedReleases() throws Exception {
        String readme = Files.readString(Artifacts.projectRoot().resolve("README.md"));
        int start = readme.indexOf("<!-- sdk-matrix:start -->");
        int end = readme.indexOf("<!-- sdk-matrix:end -->");
        assertThat(start).as("README compatibility table markers").isNotNegative().isLessThan(end);
        List<String> documented = readme.substring(start, end).lines()
                .filter(line -> line.matches("\\| \\d+\\.\\d+\\.\\d+ \\|.*"))
                .map(line -> line.split("\\|")[1].trim())
                .toList();
        List<String> tested = new ArrayList<>(Artifacts.sdkMatrixVersions());
        tested.add(Artifacts.builtInSdkVersion());
        assertThat(documented).containsExactlyInAnyOrderElementsOf(tested);
    }

    private static DemoRun.Builder legacyClient(DemoRun.Builder run, String version, Path output, Path spawns)
            throws Exception {
        Path classes = compileLegacyClient(version, output.resolve(spawns.getFileName() + "-classes"));
        return run.classPath(classes + File.pathSeparator + Artifacts.sdkClassPath(version))
                .mainClass("LegacyClient")
                .args(Integer.toString(LEGACY_REQUESTS), Artifacts.demoStdioServerCountingSpawns(output, spawns));
    }

    private static List<String> legacyResults() {
        return IntStream.range(0, LEGACY_REQUESTS).mapToObj(i -> "result " + i + " echo:req-" + i).toList();
    }

    /** Compiles {@code LegacyClient} against SDK {@code version} into {@code classes} (a folder of its own). */
    private static Path compileLegacyClient(String version, Path classes) throws Exception {
        return Artifacts.compileAgainst("/legacy-client/LegacyClient.java",
                Path.of(Artifacts.sdkClassPath(version)).getParent(), classes);
    }

    private static int compare(String version, String other) {
        int[] a = Arrays.stream(version.split("\\.")).mapToInt(Integer::parseInt).toArray();
        int[] b = Arrays.stream(other.split("\\.")).mapToInt(Integer::parseInt).toArray();
        for (int i = 0; i < Math.max(a.length, b.length); i++) {
            int difference = (i < a.length ? a[i] : 0) - (i < b.length ? b[i] : 0);
            if (difference != 0) {
                return difference;
            }
        }
        return 0;
    }

}
