package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The demo's per-request client run on each official SDK release of the matrix (module {@code sdk-matrix}), under the
 * agent, against the demo's servers: every release must be pooled with the foundation's guarantees.
 */
class SdkVersionMatrixIT {

    private static final int REQUESTS = 30;

    static List<String> versions() throws Exception {
        return Artifacts.sdkMatrixVersions();
    }

    @ParameterizedTest(name = "SDK {0}")
    @MethodSource("versions")
    void stdioClientsArePooled(String version, @TempDir Path output) throws Exception {
        Path spawns = output.resolve("spawns.log");
        DemoRun.Builder pooled = DemoRun.withAgent("maxPerKey=2")
                .classPath(Artifacts.demoClassPathWithSdk(version))
                .args("--stdio", demoStdioServerCountingSpawns(output, spawns), "--requests",
                        Integer.toString(REQUESTS), "--threads", "2");
        try (DemoRun run = pooled.start(output, "stdio-" + version)) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();
            assertThat(report.errors()).isZero();
            assertThat(report.resultsDigest()).isEqualTo(echoDigest(REQUESTS));
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
            assertThat(report.resultsDigest()).isEqualTo(echoDigest(REQUESTS));
            assertThat(server.sessions()).as("MCP sessions the server started").isBetween(1L, 2L);
            assertThat(run.stderr()).doesNotContain("unpooled");
        }
    }

    /** What the demo's {@code results-digest} is when requests 0..n-1 of {@code echo} all answered. */
    private static String echoDigest(int requests) throws Exception {
        MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
        IntStream.range(0, requests).mapToObj(i -> i + ":echo:req-" + i).sorted()
                .forEach(line -> sha256.update((line + "\n").getBytes(StandardCharsets.UTF_8)));
        return HexFormat.of().formatHex(sha256.digest());
    }

    /** The demo's stdio server (on the SDK it was built with), logging {@code start <pid>} to {@code spawnLog} first. */
    private static String demoStdioServerCountingSpawns(Path folder, Path spawnLog) throws Exception {
        Path script = folder.resolve("demo-stdio.sh");
        Files.writeString(script, String.join("\n", List.of(
                "#!/bin/sh",
                "echo \"start $$\" >> '" + spawnLog + "'",
                "exec '" + Artifacts.java() + "' -jar '" + Artifacts.demoJar() + "' server stdio",
                "")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }
}
