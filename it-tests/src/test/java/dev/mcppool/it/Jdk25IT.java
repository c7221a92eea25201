package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The agent on JDK 25 with the newest SDK, over each transport: JDK 25 is found through -Djdk25.home or the usual
 * install path; the tests are skipped with a message where it is absent.
 */
class Jdk25IT {

    private static final String DEFAULT_JDK25 = "/usr/lib/jvm/temurin-25-jdk-amd64";

    @ParameterizedTest(name = "{0}, {1} client")
    @CsvSource({"stdio,sync", "http,async", "sse,sync"})
    void poolsAndPrintsNothingExtraOnJdk25(String transport, String api, @TempDir Path output) throws Exception {
        Path java = Path.of(System.getProperty("jdk25.home", DEFAULT_JDK25), "bin", "java");
        assumeTrue(Files.isExecutable(java), "JDK 25 not found at " + java + " (set -Djdk25.home); test skipped");

        try (DemoRun run = DemoRun.withAgent("maxPerKey=2").java(java.toString())
                .args("--transport", transport, "--api", api, "--requests", "30", "--threads", "2")
                .start(output, "jdk25")) {
            run.awaitExit(Duration.ofMinutes(2));
            DemoReport report = run.report();

            assertThat(report.errors()).isZero();
            assertThat(report.integer(transport.equals("stdio") ? "server-processes" : "server-sessions"))
                    .isBetween(1, 2);
            assertThat(run.stderr()).doesNotContain("WARNING: sun.misc.Unsafe", "Sharing is only supported");
        }
    }
}
