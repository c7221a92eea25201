package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ClientOptionsTest {

    @Test
    void defaultsTargetTheOwnStdioServer() {
        ClientOptions options = ClientOptions.parse();

        assertThat(options.transport()).isEqualTo("stdio");
        assertThat(options.ownServer()).isTrue();
        assertThat(options.targetLabel()).isEqualTo("own-server");
        assertThat(options.requests()).isEqualTo(50);
        assertThat(options.threads()).isEqualTo(1);
        assertThat(options.tool()).isEqualTo("echo");
        assertThat(options.argName()).isEqualTo("text");
        assertThat(options.headers()).isEmpty();
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofSeconds(20));
        assertThat(options.batches()).isEqualTo(1);
        assertThat(options.leakOne()).isFalse();
        assertThat(options.argument(7)).isEqualTo("req-7");
        assertThat(options.duration(1)).isNull();
        assertThat(options.hold()).isFalse();
        assertThat(options.perThreadClients()).isFalse();
        assertThat(options.warmup()).isZero();
        assertThat(options.latencyFile()).isNull();
        assertThat(options.timestamps()).isFalse();
        assertThat(options.footprint()).isFalse();
    }

    @Test
    void parsesTheStartupAndFootprintProbes() {
        assertThat(ClientOptions.parse("--timestamps").timestamps()).isTrue();
        assertThat(ClientOptions.parse("--timestamps").footprint()).isFalse();
        assertThat(ClientOptions.parse("--footprint").footprint()).isTrue();
        assertThat(ClientOptions.parse("--footprint").timestamps()).isFalse();
        assertThatThrownBy(() -> ClientOptions.parse("--timestamps=yes")).hasMessageContaining("unknown option");
    }

    @Test
    void parsesTheBenchmarkOptions() {
        ClientOptions options = ClientOptions.parse("--clients", "per-thread", "--warmup", "20",
                "--latency-file", "/tmp/latencies.txt");

        assertThat(options.perThreadClients()).isTrue();
        assertThat(options.warmup()).isEqualTo(20);
        assertThat(options.latencyFile()).isEqualTo(Path.of("/tmp/latencies.txt"));
        assertThat(ClientOptions.parse("--clients", "per-request").perThreadClients()).isFalse();
        assertThat(ClientOptions.parse("--warmup", "0").warmup()).isZero();
        assertThatThrownBy(() -> ClientOptions.parse("--clients", "pooled")).hasMessageContaining("per-request or per-thread");
        assertThatThrownBy(() -> ClientOptions.parse("--clients", "per-thread", "--client", "langchain4j"))
                .hasMessageContaining("sync client only");
        assertThatThrownBy(() -> ClientOptions.parse("--clients", "per-thread", "--api", "async"))
                .hasMessageContaining("sync client only");
        assertThatThrownBy(() -> ClientOptions.parse("--warmup", "-1")).hasMessageContaining("non-negative");
    }

    @Test
    void parsesEveryOption() {
        ClientOptions options = ClientOptions.parse("--url", "http://localhost:3001/mcp", "--requests", "7",
                "--threads", "3", "--tool", "say", "--arg-name", "message", "--arg-value", "1500", "--header", "X-Tenant=a=b",
                "--header", "Authorization=Bearer t", "--request-timeout", "1500ms", "--batches", "3", "--duration", "5s,1m", "--leak-one", "--hold");

        assertThat(options.transport()).isEqualTo("http");
        assertThat(options.ownServer()).isFalse();
        assertThat(options.targetLabel()).isEqualTo("http://localhost:3001/mcp");
        assertThat(options.requests()).isEqualTo(7);
        assertThat(options.threads()).isEqualTo(3);
        assertThat(options.tool()).isEqualTo("say");
        assertThat(options.argName()).isEqualTo("message");
        assertThat(options.headers()).containsExactly(Map.entry("X-Tenant", "a=b"), Map.entry("Authorization", "Bearer t"));
        assertThat(options.requestTimeout()).isEqualTo(Duration.ofMillis(1500));
        assertThat(options.batches()).isEqualTo(3);
        assertThat(options.leakOne()).isTrue();
        assertThat(options.argument(7)).isEqualTo(1500L);
        assertThat(options.duration(1)).isEqualTo(Duration.ofSeconds(5));
        assertThat(options.duration(3)).isEqualTo(Duration.ofMinutes(1));
        assertThat(ClientOptions.parse("--arg-value", "hello").argument(7)).isEqualTo("hello");
        assertThat(options.hold()).isTrue();
    }

    @Test
    void stdioCommandImpliesStdioAndIsTheTargetLabel() {
        ClientOptions options = ClientOptions.parse("--stdio", "node  dist/index.js stdio");

        assertThat(options.transport()).isEqualTo("stdio");
        assertThat(options.targetLabel()).isEqualTo("node  dist/index.js stdio");
        assertThat(ClientOptions.commandTokens(options.stdioCommand())).containsExactly("node", "dist/index.js", "stdio");
    }

    @Test
    void transportHttpAloneTargetsTheOwnHttpServer() {
        ClientOptions options = ClientOptions.parse("--transport", "http");

        assertThat(options.transport()).isEqualTo("http");
        assertThat(options.ownServer()).isTrue();
    }

    @Test
    void rejectsContradictionsAndBadValues() {
        assertThatThrownBy(() -> ClientOptions.parse("--transport", "http", "--stdio", "x"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("--stdio");
        assertThatThrownBy(() -> ClientOptions.parse("--transport", "stdio", "--url", "http://h:1/mcp"))
                .hasMessageContaining("--url");
        assertThatThrownBy(() -> ClientOptions.parse("--stdio", "x", "--url", "http://h:1/mcp"))
                .hasMessageContaining("exclude");
        assertThatThrownBy(() -> ClientOptions.parse("--header", "A=b")).hasMessageContaining("http and sse transports");
        assertThatThrownBy(() -> ClientOptions.parse("--transport", "http", "--header", "novalue"))
                .hasMessageContaining("Name=Value");
        assertThatThrownBy(() -> ClientOptions.parse("--transport", "websocket")).hasMessageContaining("stdio, http or sse");
        assertThatThrownBy(() -> ClientOptions.parse("--api", "blocking")).hasMessageContaining("sync or async");
        assertThatThrownBy(() -> ClientOptions.parse("--requests", "0")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ClientOptions.parse("--threads", "two")).hasMessageContaining("positive");
        assertThatThrownBy(() -> ClientOptions.parse("--requests")).hasMessageContaining("needs a value");
        assertThatThrownBy(() -> ClientOptions.parse("--stdio", "   ")).hasMessageContaining("needs a command");
        assertThatThrownBy(() -> ClientOptions.parse("--url", "localhost:3001/mcp")).hasMessageContaining("absolute");
        assertThatThrownBy(() -> ClientOptions.parse("--verbose")).hasMessageContaining("unknown option --verbose");
    }

    @Test
    void splitsUrlsIntoBaseAndEndpoint() {
        assertThat(ClientOptions.httpTarget("http://127.0.0.1:3001/mcp"))
                .isEqualTo(new ClientOptions.HttpTarget("http://127.0.0.1:3001", "/mcp"));
        assertThat(ClientOptions.httpTarget("https://example.org/api/v1/mcp?tenant=a%20b"))
                .isEqualTo(new ClientOptions.HttpTarget("https://example.org", "/api/v1/mcp?tenant=a%20b"));
        assertThat(ClientOptions.httpTarget("http://localhost:8080"))
                .isEqualTo(new ClientOptions.HttpTarget("http://localhost:8080", "/mcp"));
    }

    @Test
    void parsesDurations() {
        assertThat(ClientOptions.duration("20s")).isEqualTo(Duration.ofSeconds(20));
        assertThat(ClientOptions.duration("250ms")).isEqualTo(Duration.ofMillis(250));
        assertThat(ClientOptions.duration("2m")).isEqualTo(Duration.ofMinutes(2));
        assertThat(ClientOptions.duration("1h")).isEqualTo(Duration.ofHours(1));
        for (String bad : List.of("20", "s", "-1s", "1.5s", "PT20S")) {
            assertThatThrownBy(() -> ClientOptions.duration(bad)).as(bad).isInstanceOf(IllegalArgumentException.class);
        }
    }
}
