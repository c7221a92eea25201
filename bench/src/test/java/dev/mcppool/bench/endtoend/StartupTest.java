package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

class StartupTest {

    private static final long SPAWN_MICROS = Instant.parse("2026-11-21T12:00:00Z").getEpochSecond() * 1_000_000;

    @Test
    void measuresFromTheSpawnToMainAndToTheFirstCallsEnd() {
        String report = "main-entered-at=" + (SPAWN_MICROS + 180_500) + "\n" + Fixtures.report(1, 0, 40, 40, 25)
                + "batch-ended-at=" + (SPAWN_MICROS + 950_000) + "\n";

        StartupSample sample = StartupSample.of(true, Fixtures.run("startup-1-agent", report));

        assertThat(sample.agent()).isTrue();
        assertThat(sample.toMainMillis()).isCloseTo(180.5, within(1e-9));
        assertThat(sample.toFirstCallMillis()).isCloseTo(950.0, within(1e-9));
        assertThat(StartupSample.of(false, Fixtures.run("startup-1-plain", Fixtures.report(1, 0, 40, 40, 25))))
                .isNull();
    }

    @Test
    void theExtraIsTheDifferenceOfMedians() {
        StartupResults results = new StartupResults(List.of(
                new StartupSample(false, 100, 900), new StartupSample(true, 300, 1000),
                new StartupSample(false, 120, 700), new StartupSample(true, 250, 1010),
                new StartupSample(false, 500, 800), new StartupSample(true, 260, 990)), List.of(), Duration.ZERO);

        assertThat(results.median(false, StartupSample::toMainMillis)).isEqualTo(120);
        assertThat(results.median(true, StartupSample::toMainMillis)).isEqualTo(260);
        assertThat(results.extra(StartupSample::toMainMillis)).isEqualTo(140);
        assertThat(results.verdict(StartupSample::toMainMillis)).isEqualTo(Verdict.MISS);
        assertThat(results.extra(StartupSample::toFirstCallMillis)).isEqualTo(200);
        assertThat(results.values(true, StartupSample::toMainMillis)).containsExactly(300, 250, 260);
    }

    @Test
    void passesUpToTheTargetAndFailsWhenARunFailedOrNoneRan() {
        List<StartupSample> samples = List.of(new StartupSample(false, 100, 500), new StartupSample(true, 200, 600));
        RunFailure failure = new RunFailure("startup-2-agent", "exit code 1", List.of());

        assertThat(new StartupResults(samples, List.of(), Duration.ZERO).verdict(StartupSample::toMainMillis))
                .isEqualTo(Verdict.PASS);
        assertThat(new StartupResults(samples, List.of(failure), Duration.ZERO).verdict(StartupSample::toMainMillis))
                .isEqualTo(Verdict.FAILED);
        assertThat(new StartupResults(List.of(), List.of(), Duration.ZERO).verdict(StartupSample::toMainMillis))
                .isEqualTo(Verdict.FAILED);
    }
}
