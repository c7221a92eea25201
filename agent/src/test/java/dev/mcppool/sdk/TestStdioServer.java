package dev.mcppool.sdk;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

/**
 * A stdio MCP server for the adapter tests; exits when stdin ends. Tools: {@code pid}, {@code echo}, {@code sample}
 * (asks the client to sample and answers its text), {@code sleep}, {@code log} (sends an info log message), {@code touch} (reports
 * {@value #RESOURCE} as updated to its subscribers).
 */
public final class TestStdioServer {

    static final String RESOURCE = "test://counter";

    private static volatile McpSyncServer server;

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
        server = McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, System.out))
                .serverInfo("adapter-test", "1.0.0")
                .capabilities(ServerCapabilities.builder().tools(true).logging().resources(true, false).build())
                .resources(new McpServerFeatures.SyncResourceSpecification(
                        McpSchema.Resource.builder().uri(RESOURCE).name("counter").build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.TextResourceContents(RESOURCE, "text/plain", "1")))))
                .toolCall(Tool.builder("pid", Map.of("type", "object")).build(),
                        (exchange, request) -> CallToolResult.builder()
                                .addTextContent(Long.toString(ProcessHandle.current().pid())).build())
                .toolCall(Tool.builder("echo", Map.of("type", "object", "properties",
                                Map.of("text", Map.of("type", "string")), "required", List.of("text"))).build(),
                        (exchange, request) -> CallToolResult.builder()
                                .addTextContent("echo:" + request.arguments().get("text")).build())
                .toolCall(Tool.builder("sleep", Map.of("type", "object")).build(),
                        (exchange, request) -> {
                            try {
                                Thread.sleep(((Number) request.arguments().get("ms")).longValue());
                            } catch (InterruptedException e) {
                                Thread.currentThread().interrupt();
                            }
                            return CallToolResult.builder().addTextContent("slept").build();
                        })
                .toolCall(Tool.builder("sample", Map.of("type", "object")).build(),
                        (exchange, request) -> {
                            McpSchema.CreateMessageResult sampled = exchange.createMessage(
                                    McpSchema.CreateMessageRequest.builder()
                                            .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                                                    new McpSchema.TextContent("say something"))))
                                            .maxTokens(10).build());
                            return CallToolResult.builder()
                                    .addTextContent(((McpSchema.TextContent) sampled.content()).text()).build();
                        })
                .toolCall(Tool.builder("log", Map.of("type", "object")).build(),
                        (exchange, request) -> {
                            exchange.loggingNotification(new McpSchema.LoggingMessageNotification(
                                    McpSchema.LoggingLevel.INFO, "test", "log:" + request.arguments().get("text")));
                            return CallToolResult.builder().addTextContent("logged").build();
                        })
                .toolCall(Tool.builder("touch", Map.of("type", "object")).build(),
                        (exchange, request) -> {
                            server.notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(RESOURCE));
                            return CallToolResult.builder().addTextContent("touched").build();
                        })
                .build();
        endOfInput.await();
        server.closeGracefully();
        System.exit(0);
    }
}
