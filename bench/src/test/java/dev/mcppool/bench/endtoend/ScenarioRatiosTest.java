package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class ScenarioRatiosTest {

    private static final Scenario STDIO = new Scenario(Scenario.Server.OWN, Scenario.Transport.STDIO, 1);
    private static final Scenario HTTP = new Scenario(Scenario.Server.EVERYTHING, Scenario.Transport.HTTP, 16);

    @Test
    void computesTheRatiosOfTheThreeModes() {
        ScenarioRatios ratios = ScenarioRatios.of(STDIO, Map.of(
                Mode.PER_REQUEST, Fixtures.cell(900, 1800, 1.1, false),
                Mode.POOLED, Fixtures.cell(2, 6, 400, false),
                Mode.PER_THREAD, Fixtures.cell(1.6, 4, 500, false)));

        assertThat(ratios.aOverBP50()).isCloseTo(450, within(1e-9));
        assertThat(ratios.aOverBP99()).isCloseTo(300, within(1e-9));
        assertThat(ratios.bOverACallsPerSecond()).isCloseTo(400 / 1.1, within(1e-9));
        assertThat(ratios.bOverCP50()).isCloseTo(1.25, within(1e-9));
        assertThat(ratios.bOverCP99()).isCloseTo(1.5, within(1e-9));
        assertThat(ratios.pooling()).isEqualTo(Verdict.PASS);
        assertThat(ratios.overhead()).isEqualTo(Verdict.MISS);
    }

    @Test
    void theTargetsDependOnTheTransportAndIncludeTheirBound() {
        assertThat(ScenarioRatios.of(STDIO, cells(600, 2, 2)).pooling()).isEqualTo(Verdict.PASS);
        assertThat(ScenarioRatios.of(STDIO, cells(598, 2, 2)).pooling()).isEqualTo(Verdict.MISS);
        assertThat(ScenarioRatios.of(HTTP, cells(12, 2, 2)).pooling()).isEqualTo(Verdict.PASS);
        assertThat(ScenarioRatios.of(HTTP, cells(11.9, 2, 2)).pooling()).isEqualTo(Verdict.MISS);
        assertThat(ScenarioRatios.of(HTTP, cells(20, 1.1, 1)).overhead()).isEqualTo(Verdict.PASS);
        assertThat(ScenarioRatios.of(HTTP, cells(20, 1.11, 1)).overhead()).isEqualTo(Verdict.MISS);
    }

    @Test
    void aFailedOrEmptyCellFailsTheTargetsThatUseIt() {
        ScenarioRatios failedA = ScenarioRatios.of(HTTP, Map.of(
                Mode.PER_REQUEST, Fixtures.cell(50, 90, 20, true),
                Mode.POOLED, Fixtures.cell(2, 6, 400, false),
                Mode.PER_THREAD, Fixtures.cell(2, 6, 400, false)));
        ScenarioRatios emptyC = ScenarioRatios.of(HTTP, Map.of(
                Mode.PER_REQUEST, Fixtures.cell(50, 90, 20, false),
                Mode.POOLED, Fixtures.cell(2, 6, 400, false),
                Mode.PER_THREAD, Fixtures.cell(Double.NaN, Double.NaN, Double.NaN, false)));

        assertThat(failedA.pooling()).isEqualTo(Verdict.FAILED);
        assertThat(failedA.aOverBP50()).isEqualTo(25);
        assertThat(failedA.overhead()).isEqualTo(Verdict.PASS);
        assertThat(emptyC.pooling()).isEqualTo(Verdict.PASS);
        assertThat(emptyC.overhead()).isEqualTo(Verdict.FAILED);
        assertThat(emptyC.bOverCP50()).isNaN();
    }

    private static Map<Mode, CellStats> cells(double aP50, double bP50, double cP50) {
        return Map.of(Mode.PER_REQUEST, Fixtures.cell(aP50, aP50, 1, false),
                Mode.POOLED, Fixtures.cell(bP50, bP50, 1, false),
                Mode.PER_THREAD, Fixtures.cell(cP50, cP50, 1, false));
    }
}
