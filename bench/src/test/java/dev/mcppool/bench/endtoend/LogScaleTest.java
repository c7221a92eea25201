package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class LogScaleTest {

    @Test
    void coversAtLeastTheMinimumRangeInWholeDecades() {
        LogScale scale = LogScale.covering(new double[] {0.5, 20, Double.NaN}, 0.1, 1000, 0, 400);

        assertThat(scale.lowest()).isCloseTo(0.1, within(1e-12));
        assertThat(scale.highest()).isCloseTo(1000, within(1e-9));
        assertThat(scale.decades()).hasSize(5);
    }

    @Test
    void growsToTheDecadesAroundOutlyingValues() {
        LogScale scale = LogScale.covering(new double[] {0.03, 2500}, 0.1, 1000, 0, 500);

        assertThat(scale.lowest()).isCloseTo(0.01, within(1e-12));
        assertThat(scale.highest()).isCloseTo(10_000, within(1e-9));
    }

    @Test
    void eachDecadeTakesTheSameWidth() {
        LogScale scale = new LogScale(0.1, 1000, 100, 500);

        assertThat(scale.x(0.1)).isCloseTo(100, within(1e-9));
        assertThat(scale.x(1)).isCloseTo(200, within(1e-9));
        assertThat(scale.x(10)).isCloseTo(300, within(1e-9));
        assertThat(scale.x(1000)).isCloseTo(500, within(1e-9));
        assertThat(scale.x(Math.sqrt(10))).isCloseTo(250, within(1e-9));
        assertThat(scale.x(0.001)).isCloseTo(100, within(1e-9));
        assertThat(scale.x(1e6)).isCloseTo(500, within(1e-9));
    }
}
