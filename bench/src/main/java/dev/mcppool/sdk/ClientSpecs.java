package dev.mcppool.sdk;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.util.Map;

/** Client specs as an application writes them before {@code build()}; their transports are never started. */
final class ClientSpecs {

    static final String STDIO = "stdio";
    static final String STREAMABLE_HTTP = "streamable-http";

    private ClientSpecs() {
    }

    static McpClient.SyncSpec of(String transport) {
        return McpClient.sync(transport(transport))
                .requestTimeout(Duration.ofSeconds(20))
                .clientInfo(McpSchema.Implementation.builder("bench-client", "1.0.0").build());
    }

    private static McpClientTransport transport(String transport) {
        return switch (transport) {
            case STDIO -> new StdioClientTransport(ServerParameters.builder("npx")
                    .args("-y", "@modelcontextprotocol/server-everything")
                    .env(Map.of("API_TOKEN", "bench-token"))
                    .build(), McpJsonDefaults.getMapper());
            case STREAMABLE_HTTP -> HttpClientStreamableHttpTransport.builder("http://localhost:8080")
                    .endpoint("/mcp")
                    .requestBuilder(HttpRequest.newBuilder().header("Authorization", "Bearer bench-token"))
                    .build();
            default -> throw new IllegalArgumentException("unknown transport " + transport);
        };
    }
}
