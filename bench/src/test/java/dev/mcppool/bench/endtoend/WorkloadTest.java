package dev.mcppool.bench.endtoend;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class WorkloadTest {

    @Test
    void perRequestStdioIsBoundedByTimeWithAWarmupRequestPerThread() {
        Workload workload = Workload.of(new Scenario(Scenario.Server.EVERYTHING, Scenario.Transport.STDIO, 16),
                Mode.PER_REQUEST, Pace.FULL);

        assertThat(workload.warmup()).isEqualTo(16);
        assertThat(workload.requests()).isEqualTo(1_600);
        assertThat(workload.duration()).isEqualTo(Duration.ofSeconds(10));
        assertThat(workload.timeout()).isEqualTo(Duration.ofSeconds(10 + 120));
        assertThat(Workload.of(new Scenario(Scenario.Server.OWN, Scenario.Transport.STDIO, 1), Mode.PER_REQUEST,
                Pace.FULL).warmup()).isEqualTo(2);
    }

    @Test
    void reusingModesRunCappedRequestsAfterALongerWarmup() {
        Scenario stdio = new Scenario(Scenario.Server.OWN, Scenario.Transport.STDIO, 1);
        Scenario http = new Scenario(Scenario.Server.OWN, Scenario.Transport.HTTP, 16);

        assertThat(Workload.of(stdio, Mode.POOLED, Pace.FULL))
                .isEqualTo(new Workload(1_500, 2_000, Duration.ofSeconds(5), Duration.ofSeconds(65)));
        assertThat(Workload.of(stdio, Mode.PER_THREAD, Pace.FULL)).isEqualTo(Workload.of(stdio, Mode.POOLED, Pace.FULL));
        assertThat(Workload.of(http, Mode.PER_THREAD, Pace.FULL))
                .isEqualTo(new Workload(2_000, 8_000, Duration.ofSeconds(5), Duration.ofSeconds(65)));
        assertThat(Workload.of(http, Mode.PER_REQUEST, Pace.FULL).warmup()).isEqualTo(100);
    }

    @Test
    void quickRunsAreShorter() {
        Scenario scenario = new Scenario(Scenario.Server.OWN, Scenario.Transport.HTTP, 1);

        assertThat(Workload.of(scenario, Mode.POOLED, Pace.QUICK).duration())
                .isLessThan(Workload.of(scenario, Mode.POOLED, Pace.FULL).duration());
        assertThat(Workload.of(scenario, Mode.POOLED, Pace.QUICK).requests())
                .isLessThan(Workload.of(scenario, Mode.POOLED, Pace.FULL).requests());
    }

    @Test
    void scenariosComeInTableOrder() {
        assertThat(Scenario.all()).hasSize(8);
        assertThat(Scenario.all().get(0)).isEqualTo(new Scenario(Scenario.Server.OWN, Scenario.Transport.STDIO, 1));
        assertThat(Scenario.all().get(3)).isEqualTo(new Scenario(Scenario.Server.OWN, Scenario.Transport.HTTP, 16));
        assertThat(Scenario.all().get(7).label()).isEqualTo("server-everything · Streamable HTTP · 16 threads");
    }
}
