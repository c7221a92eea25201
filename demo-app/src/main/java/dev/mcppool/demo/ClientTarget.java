package dev.mcppool.demo;

import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpClientTransport;
import org.apache.catalina.LifecycleException;

import java.io.IOException;
import java.net.URISyntaxException;
import java.net.http.HttpRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What the client talks to: a fresh transport per request, the report's server lines (own servers only),
 * and whatever the demo started for it, released by {@link #close()}.
 */
final class ClientTarget implements AutoCloseable {

    private final Supplier<McpClientTransport> transports;
    private final Callable<List<String>> serverLines;
    private final AutoCloseable resources;

    private ClientTarget(Supplier<McpClientTransport> transports, Callable<List<String>> serverLines,
            AutoCloseable resources) {
        this.transports = transports;
        this.serverLines = serverLines;
        this.resources = resources;
    }

    static ClientTarget of(ClientOptions options) throws IOException, LifecycleException, URISyntaxException {
        if (options.stdioCommand() != null) {
            List<String> tokens = ClientOptions.commandTokens(options.stdioCommand());
            return external(() -> stdio(tokens.get(0), tokens.subList(1, tokens.size()), Map.of()));
        }
        boolean sse = options.transport().equals(ClientOptions.SSE);
        if (options.url() != null) {
            ClientOptions.HttpTarget http = ClientOptions.httpTarget(options.url());
            return external(() -> sse ? sse(http, options.headers()) : http(http, options.headers()));
        }
        if (options.transport().equals(ClientOptions.STDIO)) {
            return ownStdioServer();
        }
        return sse ? ownSseServer(options.headers()) : ownHttpServer(options.headers());
    }

    Supplier<McpClientTransport> transports() {
        return transports;
    }

    List<String> serverLines() throws Exception {
        return serverLines.call();
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }

    private static ClientTarget external(Supplier<McpClientTransport> transports) {
        return new ClientTarget(transports, List::of, () -> { });
    }

    /** The command line that runs this demo's stdio server: {@code <this java> -cp <this jar> DemoApp server stdio}. */
    static List<String> ownStdioServerCommand() throws URISyntaxException {
        String java = ProcessHandle.current().info().command()
                .orElse(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        String classPath = Path.of(DemoApp.class.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
        return List.of(java, "-cp", classPath, DemoApp.class.getName(), "server", "stdio");
    }

    /** Spawns the demo's stdio server per request, counting via an events file. */
    private static ClientTarget ownStdioServer() throws IOException, URISyntaxException {
        List<String> command = ownStdioServerCommand();
        Path events = Files.createTempFile("demo-server-events-", ".log");
        Map<String, String> env = Map.of(ServerEvents.FILE_ENV, events.toString());
        return new ClientTarget(() -> stdio(command.get(0), command.subList(1, command.size()), env), () -> {
            ServerEvents.Counts counts = ServerEvents.count(events);
            return List.of("server-processes=" + counts.processes() + " server-handshakes=" + counts.handshakes());
        }, () -> Files.deleteIfExists(events));
    }

    /** Starts the demo HTTP server in this JVM, on a random port of 127.0.0.1. */
    private static ClientTarget ownHttpServer(List<Map.Entry<String, String>> headers)
            throws IOException, LifecycleException {
        DemoHttpServer server = DemoHttpServer.start(0);
        ClientOptions.HttpTarget http = ClientOptions.httpTarget(server.url());
        return new ClientTarget(() -> http(http, headers),
                () -> List.of("server-sessions=" + server.sessionsCreated()), server);
    }

    /** Starts the demo HTTP server in this JVM and talks to its legacy HTTP+SSE endpoint. */
    private static ClientTarget ownSseServer(List<Map.Entry<String, String>> headers)
            throws IOException, LifecycleException {
        DemoHttpServer server = DemoHttpServer.start(0);
        ClientOptions.HttpTarget http = ClientOptions.httpTarget(server.sseUrl());
        return new ClientTarget(() -> sse(http, headers),
                () -> List.of("server-sessions=" + server.sseSessionsCreated()), server);
    }

    static McpClientTransport sse(ClientOptions.HttpTarget target, List<Map.Entry<String, String>> headers) {
        return HttpClientSseClientTransport.builder(target.baseUri())
                .sseEndpoint(target.endpoint())
                .requestBuilder(requestWithHeaders(headers))
                .build();
    }

    static McpClientTransport stdio(String command, List<String> args, Map<String, String> env) {
        ServerParameters params = ServerParameters.builder(command).args(args).env(env).build();
        return new StdioClientTransport(params, McpJsonDefaults.getMapper());
    }

    static McpClientTransport http(ClientOptions.HttpTarget target, List<Map.Entry<String, String>> headers) {
        return HttpClientStreamableHttpTransport.builder(target.baseUri())
                .endpoint(target.endpoint())
                .requestBuilder(requestWithHeaders(headers))
                .build();
    }

    private static HttpRequest.Builder requestWithHeaders(List<Map.Entry<String, String>> headers) {
        HttpRequest.Builder requestBuilder = HttpRequest.newBuilder();
        headers.forEach(header -> requestBuilder.header(header.getKey(), header.getValue()));
        return requestBuilder;
    }
}
