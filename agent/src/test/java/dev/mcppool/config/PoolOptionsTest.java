package dev.mcppool.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PoolOptionsTest {

    @Test
    void defaultsAreChosenForMcpSessions() {
        PoolSettings settings = PoolOptions.resolve(null, Map.of(), Map.of()).settings();

        assertThat(settings.enabled()).isTrue();
        assertThat(settings.maxPerKey()).isEqualTo(8);
        assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(settings.validationTimeout()).isEqualTo(Duration.ofSeconds(2));
        assertThat(settings.aliveBypassWindow()).isEqualTo(Duration.ofMillis(500));
        assertThat(settings.jmx()).isTrue();
    }

    @Test
    void agentOptionsBeatSystemPropertiesWhichBeatEnvironment() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("maxPerKey=4,maxWait=3s",
                Map.of("mcp.pool.maxPerKey", "5", "mcp.pool.validationTimeout", "750ms", "other.property", "x"),
                Map.of("MCP_POOL_MAX_PER_KEY", "6", "MCP_POOL_VALIDATION_TIMEOUT", "9s", "MCP_POOL_IDLE_TIMEOUT", "2m"));

        assertThat(resolution.problems()).isEmpty();
        PoolSettings settings = resolution.settings();
        assertThat(settings.maxPerKey()).isEqualTo(4);
        assertThat(settings.maxWait()).isEqualTo(Duration.ofSeconds(3));
        assertThat(settings.validationTimeout()).isEqualTo(Duration.ofMillis(750));
        assertThat(settings.idleTimeout()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void enabledFalseTurnsPoolingOffWithoutComplaint() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("enabled=false", Map.of(), Map.of());

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.settings().enabled()).isFalse();
    }

    @Test
    void badValueDisablesPoolingAndNamesOptionValueSourceAndAcceptedForm() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("maxWait=soon", Map.of(), Map.of());

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).singleElement().asString()
                .contains("maxWait", "'soon'", "agent options", "500ms", "pooling is disabled");
    }

    @Test
    void badEnvironmentValueNamesTheVariable() {
        PoolOptions.Resolution resolution = PoolOptions.resolve(null, Map.of(), Map.of("MCP_POOL_MAX_PER_KEY", "0"));

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).singleElement().asString()
                .contains("environment variable MCP_POOL_MAX_PER_KEY", "'0'", "at least 1");
    }

    @Test
    void unknownOptionAndMissingValueAreEachReported() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("maxperkey=4,verbose", Map.of(), Map.of());

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).hasSize(2);
        assertThat(resolution.problems().get(0)).contains("unknown option 'maxperkey'", "maxPerKey");
        assertThat(resolution.problems().get(1)).contains("'verbose'", "name=value");
    }

    @Test
    void minIdleAboveMaxPerKeyIsRejected() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("maxPerKey=2,minIdle=3", Map.of(), Map.of());

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).singleElement().asString().contains("minIdle=3 exceeds maxPerKey=2");
    }

    @Test
    void durationsLongerThanAYearOrOverflowingAreRejected() {
        assertThat(PoolOptions.resolve("maxLifetime=9223372036854775807", Map.of(), Map.of()).problems())
                .singleElement().asString().contains("maxLifetime", "at most 8760h");
        assertThat(PoolOptions.resolve("keepaliveTime=9999999h", Map.of(), Map.of()).settings().enabled()).isFalse();
        assertThat(PoolOptions.resolve("leakDetectionThreshold=8760h", Map.of(), Map.of()).problems()).isEmpty();
    }

    @Test
    void durationsAcceptUnitsAndPlainMilliseconds() {
        assertThat(Durations.parse("250")).isEqualTo(Duration.ofMillis(250));
        assertThat(Durations.parse("3s")).isEqualTo(Duration.ofSeconds(3));
        assertThat(Durations.parse("2M")).isEqualTo(Duration.ofMinutes(2));
        assertThat(Durations.parse("1h")).isEqualTo(Duration.ofHours(1));
        assertThat(Durations.format(Duration.ofMillis(1500))).isEqualTo("1500ms");
        assertThat(Durations.format(Duration.ofMinutes(10))).isEqualTo("10m");
    }

    @Test
    void environmentNamesMapToOptionNames() {
        assertThat(PoolOptions.fromEnvironmentName("MAX_PER_KEY")).isEqualTo("maxPerKey");
        assertThat(PoolOptions.fromEnvironmentName("ENABLED")).isEqualTo("enabled");
    }
}
