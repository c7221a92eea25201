package dev.mcppool.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
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
        assertThat(resolution.problems()).anySatisfy(problem ->
                assertThat(problem).contains("unknown option 'maxperkey'", "maxPerKey"));
        assertThat(resolution.problems()).anySatisfy(problem ->
                assertThat(problem).contains("'verbose'", "name=value"));
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

    @Test
    void serverOptionsFromEverySourceBecomeRulesInTheOrderFirstNamedPatternsIgnoringCase() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("server.*.example.com.maxWait=1s",
                Map.of("mcp.pool.server.npx.maxPerKey", "2"),
                Map.of("MCP_POOL_SERVER_NPX_MIN_IDLE", "1", "MCP_POOL_SERVER_UVX_ENABLED", "false"));

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.serverRules()).extracting(ServerRule::pattern, ServerRule::values).containsExactly(
                org.assertj.core.groups.Tuple.tuple("NPX", Map.of("minIdle", "1", "maxPerKey", "2")),
                org.assertj.core.groups.Tuple.tuple("UVX", Map.of("enabled", "false")),
                org.assertj.core.groups.Tuple.tuple("*.example.com", Map.of("maxWait", "1s")));
        assertThat(resolution.serverRules().get(0).matches("/usr/local/bin/npx")).isTrue();
        assertThat(resolution.serverRules().get(2).matches("mcp.example.com:443")).isTrue();
        assertThat(resolution.serverRules().get(2).matches("example.org")).isFalse();
    }

    @Test
    void wholePoolOptionsCannotBeSetPerServerNorCanUnknownOnes() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("server.npx.maxTotal=3,server.npx.size=2,server.x=1",
                Map.of(), Map.of());

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).hasSize(3);
        assertThat(resolution.problems().get(0)).contains("maxTotal applies to the whole pool");
        assertThat(resolution.problems().get(1)).contains("'server.npx.size'", "server.<pattern>.<option>");
        assertThat(resolution.problems().get(2)).contains("'server.x'");
    }

    @Test
    void serverMinIdleAboveItsMaxPerKeyIsRejected() {
        PoolOptions.Resolution resolution = PoolOptions.resolve("maxPerKey=2,server.npx.minIdle=3", Map.of(),
                Map.of());

        assertThat(resolution.problems()).singleElement().asString()
                .contains("minIdle=3 exceeds maxPerKey=2 for servers matching 'npx'");
    }

    @Test
    void enabledFalseTurnsAServerOffEvenInARuleSkippedForContradictingAnEarlierOne() {
        PoolOptions.Resolution resolution = PoolOptions.resolve(
                "server.npx.minIdle=3,server.n*.maxPerKey=2,server.n*.enabled=false", Map.of(), Map.of());
        List<String> skipped = new ArrayList<>();

        PoolSettings npx = PoolOptions.forServer(resolution.settings(), resolution.serverRules(), "/usr/bin/npx",
                (rule, contradiction) -> skipped.add(rule.pattern()));

        assertThat(resolution.problems()).isEmpty();
        assertThat(skipped).as("the rest of the contradicting rule is still skipped").containsExactly("n*");
        assertThat(npx.enabled()).isFalse();
        assertThat(npx.maxPerKey()).isEqualTo(8);
        assertThat(npx.minIdle()).isEqualTo(3);
    }

    @Test
    void enabledFalseTurnsAServerOffWhenItsRuleComesBeforeOneThatContradictsIt() {
        PoolOptions.Resolution resolution = PoolOptions.resolve(
                "server.n*.maxPerKey=2,server.n*.enabled=false,server.npx.minIdle=3", Map.of(), Map.of());
        List<String> skipped = new ArrayList<>();

        PoolSettings npx = PoolOptions.forServer(resolution.settings(), resolution.serverRules(), "npx",
                (rule, contradiction) -> skipped.add(rule.pattern()));

        assertThat(skipped).containsExactly("npx");
        assertThat(npx.enabled()).isFalse();
        assertThat(npx.maxPerKey()).isEqualTo(2);
    }

    @Test
    void enabledFalseOfAnyMatchingRuleWinsOverALaterEnabledTrue() {
        PoolOptions.Resolution resolution = PoolOptions.resolve(
                "server.n*.enabled=false,server.npx.enabled=true,server.uvx.enabled=true", Map.of(), Map.of());

        assertThat(PoolOptions.forServer(resolution.settings(), resolution.serverRules(), "npx",
                (rule, contradiction) -> { }).enabled()).isFalse();
        assertThat(PoolOptions.forServer(resolution.settings(), resolution.serverRules(), "uvx",
                (rule, contradiction) -> { }).enabled()).isTrue();
    }

    @Test
    void configFileIsBelowEveryOtherSource(@org.junit.jupiter.api.io.TempDir java.nio.file.Path folder)
            throws java.io.IOException {
        java.nio.file.Path file = folder.resolve("mcp-pool.properties");
        java.nio.file.Files.writeString(file, "maxPerKey=3\nmaxWait=9s\nserver.npx.maxPerKey=1\n");

        PoolOptions.Resolution resolution = PoolOptions.resolve("config=" + file + ",maxWait=2s", Map.of(), Map.of());

        assertThat(resolution.problems()).isEmpty();
        assertThat(resolution.settings().maxPerKey()).isEqualTo(3);
        assertThat(resolution.settings().maxWait()).isEqualTo(Duration.ofSeconds(2));
        assertThat(resolution.serverRules()).singleElement().extracting(ServerRule::values)
                .isEqualTo(Map.of("maxPerKey", "1"));
    }

    @Test
    void unreadableConfigFileDisablesPoolingNamingTheFileAndItsSource() {
        PoolOptions.Resolution resolution = PoolOptions.resolve(null, Map.of(),
                Map.of("MCP_POOL_CONFIG", "/no/such/mcp-pool.properties"));

        assertThat(resolution.settings().enabled()).isFalse();
        assertThat(resolution.problems()).singleElement().asString()
                .contains("/no/such/mcp-pool.properties", "environment variable MCP_POOL_CONFIG");
    }

    @Test
    void retuneValidatesLikeStartAndNamesTheAcceptedForm() {
        PoolSettings settings = PoolOptions.resolve(null, Map.of(), Map.of()).settings();

        assertThat(PoolOptions.retune(settings, Map.of("maxWait", "250ms")).maxWait()).isEqualTo(Duration.ofMillis(250));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> PoolOptions.retune(settings, Map.of("maxPerKey", "0")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxPerKey", "at least 1");
        assertThat(PoolOptions.differences(settings, PoolOptions.retune(settings, Map.of("maxWait", "250ms"))))
                .isEqualTo(Map.of("maxWait", "250ms"));
    }
}
