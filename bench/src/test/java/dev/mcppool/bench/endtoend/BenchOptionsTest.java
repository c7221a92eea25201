package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import org.junit.jupiter.api.Test;

class BenchOptionsTest {

    @Test
    void byDefaultRunsEveryPartAtFullPace() {
        BenchOptions options = BenchOptions.parse();

        assertThat(options.parts()).containsExactly(Part.E2E, Part.STARTUP, Part.RESOURCES);
        assertThat(options.pace()).isEqualTo(Pace.FULL);
        assertThat(options.rounds()).isEqualTo(2);
        assertThat(options.results()).isEqualTo(Path.of("bench/results"));
        assertThat(options.help()).isFalse();
    }

    @Test
    void quickRunsOneRoundUnlessToldOtherwise() {
        assertThat(BenchOptions.parse("--quick").rounds()).isEqualTo(1);
        assertThat(BenchOptions.parse("--quick").pace()).isEqualTo(Pace.QUICK);
        assertThat(BenchOptions.parse("--rounds", "3", "--quick").rounds()).isEqualTo(3);
        assertThat(BenchOptions.parse("--rounds", "5").rounds()).isEqualTo(5);
    }

    @Test
    void onlyChoosesParts() {
        assertThat(BenchOptions.parse("--only", "startup").parts()).containsExactly(Part.STARTUP);
        assertThat(BenchOptions.parse("--only", "resources, e2e").parts()).containsExactly(Part.E2E, Part.RESOURCES);
        assertThat(BenchOptions.parse("--results", "/tmp/out", "-h").results()).isEqualTo(Path.of("/tmp/out"));
        assertThat(BenchOptions.parse("--help").help()).isTrue();
    }

    @Test
    void rejectsBadOptions() {
        assertThatThrownBy(() -> BenchOptions.parse("--only", "micro")).hasMessageContaining("e2e, startup, resources");
        assertThatThrownBy(() -> BenchOptions.parse("--rounds", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> BenchOptions.parse("--rounds")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> BenchOptions.parse("--fast")).hasMessageContaining("unknown option --fast");
    }
}
