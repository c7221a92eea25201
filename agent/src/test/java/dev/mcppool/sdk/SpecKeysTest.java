package dev.mcppool.sdk;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcppool.pool.PoolKey;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which client specs share a pool key: those a server cannot tell apart, and no others. */
class SpecKeysTest {

    private static final SdkBinding SDK = SdkBinding.resolve(McpClient.SyncSpec.class).orElseThrow();

    private static McpClient.SyncSpec spec(UnaryOperator<McpClient.SyncSpec> settings) {
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder("node")
                .args("server.js").env(Map.of("TOKEN", "t-1")).build(), McpJsonDefaults.getMapper());
        return settings.apply(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)));
    }

    private static PoolKey keyOf(McpClient.SyncSpec spec) {
        SpecKeys.Keying keying = SpecKeys.keyFor(SDK, spec, ClientCallbacks.of(SDK, spec));
        assertThat(keying.unpooledReason()).isNull();
        return keying.key();
    }

    private static McpSchema.ClientCapabilities capabilities(Map<String, Object> experimental) {
        return McpSchema.ClientCapabilities.builder().experimental(experimental).roots(true).build();
    }

    @Test
    void specsWithEqualSettingsShareAKey() {
        UnaryOperator<McpClient.SyncSpec> settings = spec -> spec
                .clientInfo(new McpSchema.Implementation("app", "1.0"))
                .capabilities(capabilities(Map.of("a", 1, "b", "two")))
                .roots(new McpSchema.Root("file:///x", "x"));

        assertThat(keyOf(spec(settings))).isEqualTo(keyOf(spec(settings)));
    }

    @Test
    void anySettingTheServerSeesSeparatesKeys() {
        PoolKey plain = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))));

        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.1"))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .requestTimeout(Duration.ofSeconds(21))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .roots(new McpSchema.Root("file:///x", "x"))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .capabilities(capabilities(Map.of("a", 1)))))).isNotEqualTo(plain);
    }

    @Test
    void nestedValuesCountAndTheirMapOrderDoesNot() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("deep", "x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("deep", "x"));
        ba.put("a", 1);
        Map<String, Object> deeperChanged = Map.of("a", 1, "b", Map.of("deep", "y"));

        PoolKey first = keyOf(spec(spec -> spec.capabilities(capabilities(ab))));
        assertThat(keyOf(spec(spec -> spec.capabilities(capabilities(ba))))).isEqualTo(first);
        assertThat(keyOf(spec(spec -> spec.capabilities(capabilities(deeperChanged))))).isNotEqualTo(first);
    }

    @Test
    void textThatLooksLikeStructureCannotMakeTwoValuesEqual() {
        PoolKey oneName = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("a, version=2", "1"))));
        PoolKey otherName = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("a", "2, version=1"))));

        assertThat(oneName).isNotEqualTo(otherName);
        assertThat(KeyText.of(Map.of("k", "v"))).isNotEqualTo(KeyText.of(java.util.Set.of("k=v")));
    }

    @Test
    void recordsAreWrittenByTheirComponentsWhateverTheirToString() {
        record Hidden(String visible, String secret) {
            @Override
            public String toString() {
                return "Hidden[" + visible + "]";
            }
        }

        assertThat(KeyText.of(new Hidden("v", "s1"))).isNotEqualTo(KeyText.of(new Hidden("v", "s2")));
        assertThat(KeyText.of(new Hidden("v", "s1"))).isEqualTo(KeyText.of(new Hidden("v", "s1")));
    }

    @Test
    void objectsWithoutAValueToStringCountByClass() {
        assertThat(KeyText.of(new Object())).isEqualTo(KeyText.of(new Object())).isEqualTo("java.lang.Object");
    }
}
