package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/** The cycle with the official SDK: a new transport and client, {@code initialize()}, {@code callTool}, close. */
final class SdkClientCycle implements ClientCycle {

    private final Supplier<McpClientTransport> transports;
    private final Duration requestTimeout;
    private final boolean async;

    SdkClientCycle(Supplier<McpClientTransport> transports, Duration requestTimeout, boolean async) {
        this.transports = transports;
        this.requestTimeout = requestTimeout;
        this.async = async;
    }

    @Override
    public String call(String tool, Map<String, Object> arguments) {
        CallToolRequest request = new CallToolRequest(tool, arguments);
        return textOf(tool, async ? callAsync(request) : callSync(request));
    }

    private CallToolResult callSync(CallToolRequest request) {
        try (McpSyncClient client = McpClient.sync(transports.get()).requestTimeout(requestTimeout)
                .initializationTimeout(requestTimeout).build()) {
            client.initialize();
            return client.callTool(request);
        }
    }

    /** The same cycle with the async client, as a reactive application written per request would do it. */
    private CallToolResult callAsync(CallToolRequest request) {
        McpAsyncClient client = McpClient.async(transports.get()).requestTimeout(requestTimeout)
                .initializationTimeout(requestTimeout).build();
        try {
            return client.initialize().then(client.callTool(request)).block();
        } finally {
            client.closeGracefully().block();
        }
    }

    /** The result's text; throws if the tool reported an error. */
    static String textOf(String tool, CallToolResult result) {
        String text = result.content() == null ? "" : result.content().stream()
                .filter(TextContent.class::isInstance)
                .map(content -> ((TextContent) content).text())
                .collect(Collectors.joining("\n"));
        if (Boolean.TRUE.equals(result.isError())) {
            throw new IllegalStateException("tool " + tool + " reported an error: " + text);
        }
        return text;
    }
}
