package dev.mcppool.langchain4j;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A minimal Streamable HTTP MCP server on 127.0.0.1 (JSON answers only) that counts the sessions it opened. Tools:
 * {@code echo}; {@code slow} (answers once {@link #releaseSlowCalls()} is called, at the latest after 10 s);
 * {@code unreachable} (answered by HTTP 500, as a failing proxy would); {@code refused} (a JSON-RPC error).
 */
final class TestHttpServer implements AutoCloseable {

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpServer server;
    private final ExecutorService threads = Executors.newCachedThreadPool(task -> {
        Thread thread = new Thread(task, "test-http-server");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger sessionsOpened = new AtomicInteger();
    private final CountDownLatch slowCallsReleased = new CountDownLatch(1);
    private final List<String> notifications = new CopyOnWriteArrayList<>();

    TestHttpServer() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.setExecutor(threads);
        server.createContext("/mcp", this::handle);
        server.start();
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/mcp";
    }

    int sessionsOpened() {
        return sessionsOpened.get();
    }

    /** The methods of the notifications clients sent, in order. */
    List<String> notifications() {
        return notifications;
    }

    void releaseSlowCalls() {
        slowCallsReleased.countDown();
    }

    @Override
    public void close() {
        releaseSlowCalls();
        server.stop(0);
        threads.shutdownNow();
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("POST")) {
                exchange.sendResponseHeaders(exchange.getRequestMethod().equals("DELETE") ? 200 : 405, -1);
                return;
            }
            JsonNode message = JSON.readTree(exchange.getRequestBody());
            String method = message.path("method").asText();
            if (!message.has("id")) {
                notifications.add(method);
                exchange.sendResponseHeaders(202, -1);
                return;
            }
            ObjectNode answer = JSON.createObjectNode().put("jsonrpc", "2.0").set("id", message.get("id"));
            switch (method) {
                case "initialize" -> {
                    exchange.getResponseHeaders().add("Mcp-Session-Id", "session-" + sessionsOpened.incrementAndGet());
                    ObjectNode result = answer.putObject("result");
                    result.put("protocolVersion", message.path("params").path("protocolVersion").asText());
                    result.putObject("capabilities").putObject("tools");
                    result.putObject("serverInfo").put("name", "test-http-server").put("version", "1.0.0");
                }
                case "tools/call" -> {
                    String tool = message.path("params").path("name").asText();
                    if (tool.equals("unreachable")) {
                        exchange.sendResponseHeaders(500, -1);
                        return;
                    }
                    if (tool.equals("refused")) {
                        answer.putObject("error").put("code", -32603).put("message", "refused");
                    } else {
                        if (tool.equals("slow")) {
                            awaitRelease();
                        }
                        answer.putObject("result").putArray("content").addObject().put("type", "text")
                                .put("text", tool + " done");
                    }
                }
                case "ping" -> answer.putObject("result");
                default -> answer.putObject("error").put("code", -32601).put("message", "unknown method " + method);
            }
            byte[] body = JSON.writeValueAsBytes(answer);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
        }
    }

    private void awaitRelease() {
        try {
            slowCallsReleased.await(10, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
