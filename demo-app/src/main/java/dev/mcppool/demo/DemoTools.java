package dev.mcppool.demo;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/** The tools offered by both demo servers: echo, add, pid and sleep. */
final class DemoTools {

    private DemoTools() {
    }

    static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(McpServer.SyncSpecification<S> spec,
            String serverName) {
        return configure(spec, serverName, call -> { });
    }

    /** As {@link #configure(McpServer.SyncSpecification, String)}, telling {@code calls} of every tool call it runs. */
    static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(McpServer.SyncSpecification<S> spec,
            String serverName, Consumer<String> calls) {
        return spec.serverInfo(serverName, "1.0.0")
                .capabilities(ServerCapabilities.builder().tools(true).logging().build())
                .toolCall(Tool.builder("echo", objectSchema(Map.of("text", "string"))).description("Echoes text back").build(),
                        observed(calls, (exchange, request) -> text("echo:" + request.arguments().get("text"))))
                .toolCall(Tool.builder("add", objectSchema(Map.of("a", "number", "b", "number"))).description("Adds two numbers").build(),
                        observed(calls, (exchange, request) -> text(add(request.arguments().get("a"), request.arguments().get("b")))))
                .toolCall(Tool.builder("pid", objectSchema(Map.of())).description("The server's process id").build(),
                        observed(calls, (exchange, request) -> text(String.valueOf(ProcessHandle.current().pid()))))
                .toolCall(Tool.builder("sleep", objectSchema(Map.of("ms", "integer"))).description("Sleeps, then answers").build(),
                        observed(calls, (exchange, request) -> text("slept:" + sleep(request.arguments().get("ms")))))
                .build();
    }

    private static BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> observed(Consumer<String> calls,
            BiFunction<McpSyncServerExchange, CallToolRequest, CallToolResult> tool) {
        return (exchange, request) -> {
            calls.accept("call " + request.name() + " " + new TreeMap<>(request.arguments()));
            return tool.apply(exchange, request);
        };
    }

    /** Exact decimal sum, so that 0.1 + 0.2 is "0.3" and 2 + 3 is "5". */
    static String add(Object a, Object b) {
        return new BigDecimal(String.valueOf(a)).add(new BigDecimal(String.valueOf(b))).stripTrailingZeros().toPlainString();
    }

    private static long sleep(Object ms) {
        long millis = ((Number) ms).longValue();
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return millis;
    }

    private static Map<String, Object> objectSchema(Map<String, String> propertyTypes) {
        Map<String, Object> properties = new TreeMap<>();
        propertyTypes.forEach((name, type) -> properties.put(name, Map.of("type", type)));
        return Map.of("type", "object", "properties", properties, "required", List.copyOf(properties.keySet()));
    }

    private static CallToolResult text(String text) {
        return CallToolResult.builder().addTextContent(text).isError(false).build();
    }
}
