package dev.mcppool.demo;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.time.Duration;
import java.util.Map;
import java.util.function.Supplier;
import reactor.core.publisher.Mono;
import reactor.util.context.Context;

/**
 * Per-request clients whose credential is not in their settings but taken from the calling thread or the subscriber,
 * the ways the libraries document for per-user tokens. Each asks the server who it is (whoami).
 */
final class CallerCredentialClients {

    private static final String TOKEN = "token";
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    private CallerCredentialClients() {
    }

    /** The SDK's way: the context provider reads the thread's user, the customizer puts the context's token on the wire. */
    static String sdkSync(ClientOptions.HttpTarget target) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(target.baseUri())
                .endpoint(target.endpoint())
                .httpRequestCustomizer((request, method, uri, body, context) -> {
                    if (context.get(TOKEN) != null) {
                        request.header("Authorization", "Bearer " + context.get(TOKEN));
                    }
                })
                .build();
        try (McpSyncClient client = io.modelcontextprotocol.client.McpClient.sync(transport)
                .requestTimeout(TIMEOUT)
                .transportContextProvider(() -> IsolationProbe.currentUserToken() == null ? McpTransportContext.EMPTY
                        : McpTransportContext.create(Map.of(TOKEN, IsolationProbe.currentUserToken())))
                .build()) {
            return text(client.callTool(new CallToolRequest("whoami", Map.of())));
        }
    }

    /** An async client: the customizer reads the token the subscriber put into its Reactor context. */
    static String sdkAsync(ClientOptions.HttpTarget target, String token) {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder(target.baseUri())
                .endpoint(target.endpoint())
                .asyncHttpRequestCustomizer((request, method, uri, body, context) -> Mono.deferContextual(reactor -> {
                    McpTransportContext transportContext = reactor.getOrDefault(McpTransportContext.KEY,
                            McpTransportContext.EMPTY);
                    if (transportContext.get(TOKEN) != null) {
                        request.header("Authorization", "Bearer " + transportContext.get(TOKEN));
                    }
                    return Mono.just(request);
                }))
                .build();
        McpAsyncClient client = io.modelcontextprotocol.client.McpClient.async(transport).requestTimeout(TIMEOUT).build();
        Context user = Context.of(McpTransportContext.KEY, McpTransportContext.create(Map.of(TOKEN, token)));
        try {
            return client.initialize()
                    .then(client.callTool(new CallToolRequest("whoami", Map.of())))
                    .map(CallerCredentialClients::text)
                    .contextWrite(user)
                    .block(TIMEOUT);
        } finally {
            client.closeGracefully().contextWrite(user).block(TIMEOUT);
        }
    }

    /** LangChain4j: a headers supplier that reads the thread's user. */
    static String langchain4j(ClientOptions.HttpTarget target, Supplier<String> currentToken) throws Exception {
        StreamableHttpMcpTransport transport = StreamableHttpMcpTransport.builder()
                .url(target.baseUri() + target.endpoint())
                .customHeaders(() -> currentToken.get() == null ? Map.of()
                        : Map.of("Authorization", "Bearer " + currentToken.get()))
                .timeout(TIMEOUT)
                .build();
        try (McpClient client = DefaultMcpClient.builder().transport(transport).toolExecutionTimeout(TIMEOUT).build()) {
            return client.executeTool(ToolExecutionRequest.builder().name("whoami").arguments("{}").build())
                    .resultText();
        }
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((McpSchema.TextContent) result.content().get(0)).text();
    }
}
