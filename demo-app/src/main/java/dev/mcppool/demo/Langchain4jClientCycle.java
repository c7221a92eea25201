package dev.mcppool.demo;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.transport.McpTransport;
import dev.langchain4j.mcp.client.transport.http.HttpMcpTransport;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.langchain4j.service.tool.ToolExecutionResult;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The cycle with LangChain4j's MCP client: a new transport, {@code DefaultMcpClient.builder()…build()} (which
 * connects and initializes), {@code executeTool}, {@code close()}.
 */
@SuppressWarnings("removal") // HttpMcpTransport, the legacy HTTP+SSE transport, is deprecated for removal
final class Langchain4jClientCycle implements ClientCycle {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final ClientTarget.Endpoint endpoint;
    private final Duration requestTimeout;

    Langchain4jClientCycle(ClientTarget.Endpoint endpoint, Duration requestTimeout) {
        this.endpoint = endpoint;
        this.requestTimeout = requestTimeout;
    }

    @Override
    public String call(String tool, Map<String, Object> arguments) {
        try (McpClient client = DefaultMcpClient.builder().transport(transport())
                .toolExecutionTimeout(requestTimeout).build()) {
            ToolExecutionResult result = client.executeTool(ToolExecutionRequest.builder().name(tool)
                    .arguments(json(arguments)).build());
            if (result.isError()) {
                throw new IllegalStateException("tool " + tool + " reported an error: " + result.resultText());
            }
            return result.resultText();
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private McpTransport transport() {
        Map<String, String> headers = new LinkedHashMap<>();
        endpoint.headers().forEach(header -> headers.put(header.getKey(), header.getValue()));
        return switch (endpoint.transport()) {
            case ClientOptions.STDIO -> StdioMcpTransport.builder().command(endpoint.command())
                    .environment(endpoint.env()).build();
            case ClientOptions.SSE -> HttpMcpTransport.builder().sseUrl(url()).customHeaders(headers)
                    .timeout(requestTimeout).build();
            default -> StreamableHttpMcpTransport.builder().url(url()).customHeaders(headers)
                    .timeout(requestTimeout).build();
        };
    }

    private String url() {
        return endpoint.http().baseUri() + endpoint.http().endpoint();
    }

    private static String json(Map<String, Object> arguments) {
        try {
            return JSON.writeValueAsString(arguments);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
