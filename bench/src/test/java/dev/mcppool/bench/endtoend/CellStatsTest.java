package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class CellStatsTest {

    @Test
    void nearestRankPercentiles() {
        long[] nanos = {1_000_000, 2_000_000, 3_000_000, 4_000_000, 5_000_000, 6_000_000, 7_000_000, 8_000_000,
                9_000_000, 10_000_000};

        assertThat(Percentiles.nearestRankMillis(nanos, 50)).isEqualTo(5.0);
        assertThat(Percentiles.nearestRankMillis(nanos, 99)).isEqualTo(10.0);
        assertThat(Percentiles.nearestRankMillis(nanos, 10)).isEqualTo(1.0);
        assertThat(Percentiles.nearestRankMillis(nanos, 11)).isEqualTo(2.0);
        assertThat(Percentiles.nearestRankMillis(new long[] {7_500_000}, 50)).isEqualTo(7.5);
        assertThat(Percentiles.nearestRankMillis(new long[0], 50)).isNaN();
    }

    @Test
    void medians() {
        assertThat(Percentiles.median(new double[] {3, 1, 2})).isEqualTo(2);
        assertThat(Percentiles.median(new double[] {4, 1, 3, 2})).isEqualTo(2.5);
        assertThat(Percentiles.median(new double[0])).isNaN();
    }

    @Test
    void mergesTheLatenciesOfAllRounds() {
        DemoRun fast = Fixtures.cleanRun("r1", 60, 1, 100);
        DemoRun slow = Fixtures.cleanRun("r2", 40, 9, 100);

        CellStats cell = CellStats.of(List.of(fast, slow));

        assertThat(cell.runs()).isEqualTo(2);
        assertThat(cell.requests()).isEqualTo(100);
        // ranks 1-60 are 1 ms, 61-100 are 9 ms: p50 (rank 50) is 1 ms although the runs' own p50s average 5 ms
        assertThat(cell.p50Millis()).isEqualTo(1.0);
        assertThat(cell.p99Millis()).isEqualTo(9.0);
        assertThat(cell.failed()).isFalse();
        assertThat(cell.hasData()).isTrue();
        assertThat(cell.warmupRequests()).isEqualTo(40);
        assertThat(cell.warmupErrors()).isEqualTo(2);
    }

    @Test
    void callsPerSecondIsAllRequestsOverAllBatchSeconds() {
        DemoRun twoSeconds = Fixtures.cleanRun("r1", 100, 1, 50);
        DemoRun threeSeconds = Fixtures.cleanRun("r2", 300, 1, 100);

        CellStats cell = CellStats.of(List.of(twoSeconds, threeSeconds));

        // 400 requests in 5 s, not the mean of 50/s and 100/s
        assertThat(cell.callsPerSecond()).isCloseTo(80.0, within(1e-9));
    }

    @Test
    void aRunWithErrorsFailsTheCellAndKeepsItsErrorLines() {
        DemoRun clean = Fixtures.cleanRun("r1", 10, 1, 10);
        DemoRun erring = Fixtures.run("e2e-r2-own-http-1t-b", Fixtures.report(10, 3, 1, 1, 10), 1_000_000);

        CellStats cell = CellStats.of(List.of(clean, erring));

        assertThat(cell.failed()).isTrue();
        assertThat(cell.errors()).isEqualTo(3);
        assertThat(cell.failures()).singleElement().satisfies(failure -> {
            assertThat(failure.run()).isEqualTo("e2e-r2-own-http-1t-b");
            assertThat(failure.reason()).isEqualTo("errors=3 of 10 requests (java.lang.RuntimeException:3)");
            assertThat(failure.errorLines()).containsExactly("error request=3 java.lang.RuntimeException: boom");
        });
    }

    @Test
    void aCellOfRunsThatNeverStartedHasNoData() {
        CellStats cell = CellStats.of(List.of(DemoRun.notStarted("r1", "server-everything did not listen")));

        assertThat(cell.hasData()).isFalse();
        assertThat(cell.failed()).isTrue();
        assertThat(cell.callsPerSecond()).isNaN();
        assertThat(cell.failures().get(0).reason()).isEqualTo("not started: server-everything did not listen");
    }
}
