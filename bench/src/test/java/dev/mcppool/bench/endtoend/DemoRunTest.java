package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DemoRunTest {

    private static final DemoReport CLEAN = DemoReport.parse(Fixtures.report(10, 0, 1, 2, 5));

    @Test
    void aCleanRunHasNoFailure() {
        assertThat(run(0, false, CLEAN, null).failure()).isEmpty();
    }

    @Test
    void namesWhyARunFailed() {
        assertThat(run(-1, true, null, "no usable report: x").failure()).get()
                .extracting(RunFailure::reason).isEqualTo("killed after its hard timeout of 98 s");
        assertThat(run(1, false, null, "no usable report: expected one batch=1 line, found 0").failure()).get()
                .extracting(RunFailure::reason)
                .isEqualTo("no usable report: expected one batch=1 line, found 0 (exit code 1)");
        assertThat(run(143, false, CLEAN, null).failure()).get().extracting(RunFailure::reason)
                .isEqualTo("exit code 143");
    }

    @Test
    void showsTheFirstRequestErrorsElseTheLastLines(@TempDir Path folder) throws Exception {
        Path withErrors = folder.resolve("a.err");
        Files.writeString(withErrors, "WARN noise\n" + "error request=1 x\n".repeat(7) + "tail\n");
        Path withoutErrors = folder.resolve("b.err");
        Files.writeString(withoutErrors, "1\n2\n\n3\n4\n5\n6\n7\n");

        assertThat(DemoLauncher.errorLines(withErrors)).hasSize(5).allMatch(line -> line.equals("error request=1 x"));
        assertThat(DemoLauncher.errorLines(withoutErrors)).containsExactly("3", "4", "5", "6", "7");
    }

    private static DemoRun run(int exitCode, boolean timedOut, DemoReport report, String problem) {
        return new DemoRun("run", Instant.EPOCH, Duration.ofSeconds(98), exitCode, timedOut, 0, report, problem,
                List.of(), new long[0]);
    }
}
