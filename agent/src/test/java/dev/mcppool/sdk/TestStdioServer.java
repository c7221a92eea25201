package dev.mcppool.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/** A stdio MCP server for the adapter tests: tools {@code pid} and {@code echo}; exits when stdin ends. */
public final class TestStdioServer {

    private TestStdioServer() {
    }

    public static void main(String[] args) throws Exception {
        CountDownLatch endOfInput = new CountDownLatch(1);
        InputStream in = new FilterInputStream(System.in) {
            @Override
            public int read(byte[] buffer, int offset, int length) throws IOException {
                int read = super.read(buffer, offset, length);
                if (read < 0) {
                    endOfInput.countDown();
                }
                return read;
            }
        };
        McpSyncServer server = McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, System.out))
                .serverInfo("adapter-test", "1.0.0")
                .capabilities(ServerCapabilities.builder().tools(true).logging().build())
                .toolCall(Tool.builder("pid", Map.of("type", "object")).build(),
                        (exchange, request) -> CallToolResult.builder()
                                .addTextContent(Long.toString(ProcessHandle.current().pid())).build())
                .toolCall(Tool.builder("echo", Map.of("type", "object", "properties",
                                Map.of("text", Map.of("type", "string")), "required", List.of("text"))).build(),
                        (exchange, request) -> CallToolResult.builder()
                                .addTextContent("echo:" + request.arguments().get("text")).build())
                .build();
        endOfInput.await();
        server.closeGracefully();
        System.exit(0);
    }
}
