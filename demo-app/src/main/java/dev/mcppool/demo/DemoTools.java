package dev.mcppool.demo;

import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpServerFeatures;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.McpSyncServerExchange;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.CallToolResult;
import io.modelcontextprotocol.spec.McpSchema.LoggingLevel;
import io.modelcontextprotocol.spec.McpSchema.ServerCapabilities;
import io.modelcontextprotocol.spec.McpSchema.Tool;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BiFunction;
import java.util.function.Consumer;

/**
 * The tools offered by both demo servers: echo, add, pid and sleep; and for the session-isolation probe, sample (asks
 * the client to sample), log-levels (one log message per level), touch (reports {@value #RESOURCE} updated to its
 * subscribers) and whoami (a fingerprint of the caller's Authorization header, or of {@code DEMO_IDENTITY} over stdio).
 */
final class DemoTools {

    static final String RESOURCE = "demo://counter";
    static final String AUTHORIZATION = "authorization";
    static final List<LoggingLevel> LOG_LEVELS = List.of(LoggingLevel.DEBUG, LoggingLevel.INFO, LoggingLevel.WARNING,
            LoggingLevel.ERROR);

    private DemoTools() {
    }

    static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(McpServer.SyncSpecification<S> spec,
            String serverName) {
        return configure(spec, serverName, call -> { });
    }

    /** As {@link #configure(McpServer.SyncSpecification, String)}, telling {@code calls} of every tool call it runs. */
    static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(McpServer.SyncSpecification<S> spec,
            String serverName, Consumer<String> calls) {
        return configure(spec, serverName, calls, true);
    }

    /** As above; {@code withTools} false leaves out the tools and the tools capability (an older deployment). */
    static <S extends McpServer.SyncSpecification<S>> McpSyncServer configure(McpServer.SyncSpecification<S> spec,
            String serverName, Consumer<String> calls, boolean withTools) {
        AtomicReference<McpSyncServer> server = new AtomicReference<>();
        ServerCapabilities.Builder capabilities = ServerCapabilities.builder().logging().resources(true, false);
        McpServer.SyncSpecification<S> configured = spec.serverInfo(serverName, "1.0.0")
                .capabilities((withTools ? capabilities.tools(true) : capabilities).build())
                .resources(new McpServerFeatures.SyncResourceSpecification(
                        McpSchema.Resource.builder().uri(RESOURCE).name("counter").build(),
                        (exchange, request) -> new McpSchema.ReadResourceResult(List.of(
                                new McpSchema.TextResourceContents(RESOURCE, "text/plain", "1")))));
        if (!withTools) {
            server.set(configured.build());
            return server.get();
        }
        server.set(configured
                .toolCall(Tool.builder("echo", objectSchema(Map.of("text", "string"))).description("Echoes text back").build(),
                        observed(calls, (exchange, request) -> text("echo:" + request.arguments().get("text"))))
                .toolCall(Tool.builder("add", objectSchema(Map.of("a", "number", "b", "number"))).description("Adds two numbers").build(),
                        observed(calls, (exchange, request) -> text(add(request.arguments().get("a"), request.arguments().get("b")))))
                .toolCall(Tool.builder("pid", objectSchema(Map.of())).description("The server's process id").build(),
                        observed(calls, (exchange, request) -> text(String.valueOf(ProcessHandle.current().pid()))))
                .toolCall(Tool.builder("sleep", objectSchema(Map.of("ms", "integer"))).description("Sleeps, then answers").build(),
                        observed(calls, (exchange, request) -> text("slept:" + sleep(request.arguments().get("ms")))))
                .toolCall(Tool.builder("sample", objectSchema(Map.of())).description("Asks the client to sample").build(),
                        observed(calls, (exchange, request) -> text(sample(exchange))))
                .toolCall(Tool.builder("log-levels", objectSchema(Map.of())).description("Logs once per level").build(),
                        observed(calls, (exchange, request) -> {
                            LOG_LEVELS.forEach(level -> exchange.loggingNotification(
                                    new McpSchema.LoggingMessageNotification(level, "demo", level.name())));
                            return text("logged");
                        }))
                .toolCall(Tool.builder("touch", objectSchema(Map.of())).description("Updates " + RESOURCE).build(),
                        observed(calls, (exchange, request) -> {
                            server.get().notifyResourcesUpdated(new McpSchema.ResourcesUpdatedNotification(RESOURCE));
                            return text("touched");
                        }))
                .toolCall(Tool.builder("whoami", objectSchema(Map.of())).description("Who is calling").build(),
                        observed(calls, (exchange, request) -> text(callerFingerprint(exchange))))
                .build());
        return server.get();
    }

    private static String sample(McpSyncServerExchange exchange) {
        McpSchema.CreateMessageResult sampled = exchange.createMessage(McpSchema.CreateMessageRequest.builder()
                .messages(List.of(new McpSchema.SamplingMessage(McpSchema.Role.USER,
                        new McpSchema.TextContent("say something"))))
                .maxTokens(10).build());
        return "sampled:" + ((McpSchema.TextContent) sampled.content()).text();
    }

    private static String callerFingerprint(McpSyncServerExchange exchange) {
        Object header = exchange.transportContext().get(AUTHORIZATION);
        String identity = header != null ? header.toString() : System.getenv().getOrDefault("DEMO_IDENTITY", "");
        return "caller:" + fingerprint(identity);
    }

    /** What whoami answers for an identity: a hash, so that no test output ever shows the credential itself. */
    static String fingerprint(String identity) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(identity.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(hash, 0, 8);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
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
