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

    /** The server as each client library is told about it: a command line, or a URL with static headers. */
    record Endpoint(String transport, List<String> command, Map<String, String> env, ClientOptions.HttpTarget http,
            List<Map.Entry<String, String>> headers) {

        static Endpoint stdio(List<String> command, Map<String, String> env) {
            return new Endpoint(ClientOptions.STDIO, command, env, null, List.of());
        }

        static Endpoint http(String transport, ClientOptions.HttpTarget http, List<Map.Entry<String, String>> headers) {
            return new Endpoint(transport, List.of(), Map.of(), http, headers);
        }
    }

    private final Endpoint endpoint;
    private final Callable<List<String>> serverLines;
    private final AutoCloseable resources;

    private ClientTarget(Endpoint endpoint, Callable<List<String>> serverLines, AutoCloseable resources) {
        this.endpoint = endpoint;
        this.serverLines = serverLines;
        this.resources = resources;
    }

    static ClientTarget of(ClientOptions options) throws IOException, LifecycleException, URISyntaxException {
        if (options.stdioCommand() != null) {
            return external(Endpoint.stdio(ClientOptions.commandTokens(options.stdioCommand()), Map.of()));
        }
        if (options.url() != null) {
            return external(Endpoint.http(options.transport(), ClientOptions.httpTarget(options.url()),
                    options.headers()));
        }
        if (options.transport().equals(ClientOptions.STDIO)) {
            return ownStdioServer();
        }
        return options.transport().equals(ClientOptions.SSE) ? ownSseServer(options.headers())
                : ownHttpServer(options.headers());
    }

    /** A fresh official-SDK transport per call. */
    Supplier<McpClientTransport> transports() {
        return () -> switch (endpoint.transport()) {
            case ClientOptions.STDIO -> stdio(endpoint.command().get(0),
                    endpoint.command().subList(1, endpoint.command().size()), endpoint.env());
            case ClientOptions.SSE -> sse(endpoint.http(), endpoint.headers());
            default -> http(endpoint.http(), endpoint.headers());
        };
    }

    /** One request's client cycle with the client library the options choose. */
    ClientCycle clientCycle(ClientOptions options) {
        return options.langchain4j()
                ? new Langchain4jClientCycle(endpoint, options.requestTimeout())
                : new SdkClientCycle(transports(), options.requestTimeout(), options.async());
    }

    List<String> serverLines() throws Exception {
        return serverLines.call();
    }

    @Override
    public void close() throws Exception {
        resources.close();
    }

    private static ClientTarget external(Endpoint endpoint) {
        return new ClientTarget(endpoint, List::of, () -> { });
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
        return new ClientTarget(Endpoint.stdio(command, env), () -> {
            ServerEvents.Counts counts = ServerEvents.count(events);
            return List.of("server-processes=" + counts.processes() + " server-handshakes=" + counts.handshakes());
        }, () -> Files.deleteIfExists(events));
    }

    /** Starts the demo HTTP server in this JVM, on a random port of 127.0.0.1. */
    private static ClientTarget ownHttpServer(List<Map.Entry<String, String>> headers)
            throws IOException, LifecycleException {
        DemoHttpServer server = DemoHttpServer.start(0);
        ClientOptions.HttpTarget http = ClientOptions.httpTarget(server.url());
        return new ClientTarget(Endpoint.http(ClientOptions.HTTP, http, headers),
                () -> List.of("server-sessions=" + server.sessionsCreated()), server);
    }

    /** Starts the demo HTTP server in this JVM and talks to its legacy HTTP+SSE endpoint. */
    private static ClientTarget ownSseServer(List<Map.Entry<String, String>> headers)
            throws IOException, LifecycleException {
        DemoHttpServer server = DemoHttpServer.start(0);
        ClientOptions.HttpTarget http = ClientOptions.httpTarget(server.sseUrl());
        return new ClientTarget(Endpoint.http(ClientOptions.SSE, http, headers),
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
