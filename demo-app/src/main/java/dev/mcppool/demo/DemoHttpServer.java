package dev.mcppool.demo;

import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.HttpServletSseServerTransportProvider;
import io.modelcontextprotocol.server.transport.HttpServletStreamableServerTransportProvider;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.Map;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import java.util.stream.Stream;
import org.apache.catalina.Context;
import org.apache.catalina.Globals;
import org.apache.catalina.LifecycleException;
import org.apache.catalina.LifecycleState;
import org.apache.catalina.Wrapper;
import org.apache.catalina.connector.Connector;
import org.apache.catalina.startup.Tomcat;
import org.apache.tomcat.util.descriptor.web.FilterDef;
import org.apache.tomcat.util.descriptor.web.FilterMap;

/**
 * The demo MCP server over HTTP: embedded Tomcat on 127.0.0.1, Streamable HTTP at {@value #ENDPOINT} and the legacy
 * HTTP+SSE transport at {@value #SSE_ENDPOINT} (messages posted to {@value #SSE_ENDPOINT}{@value #SSE_MESSAGES}).
 * A Streamable HTTP session serves only the credential that opened it ({@link SessionOwnerFilter}).
 */
final class DemoHttpServer implements AutoCloseable {

    static final String HOST = "127.0.0.1";
    static final String ENDPOINT = "/mcp";
    static final String SSE_ENDPOINT = "/sse";
    static final String SSE_MESSAGES = "/message";

    // held statically: java.util.logging keeps loggers weakly, and a collected logger forgets its level
    private static final Logger TOMCAT_LOGGER = Logger.getLogger("org.apache");
    // on stop it warns about every Reactor thread first used by a request: noise for an embedded server
    private static final Logger TOMCAT_LEAK_CHECK_LOGGER = Logger.getLogger("org.apache.catalina.loader.WebappClassLoaderBase");

    private final Path baseDir;
    private final Tomcat tomcat;
    private final McpSyncServer mcpServer;
    private final McpSyncServer sseServer;
    private final SessionCountingTransportProvider provider;
    private final SessionCountingTransportProvider.Sse sseProvider;
    private final Connector connector;

    private DemoHttpServer(Path baseDir, Tomcat tomcat, McpSyncServer mcpServer, McpSyncServer sseServer,
            SessionCountingTransportProvider provider, SessionCountingTransportProvider.Sse sseProvider,
            Connector connector) {
        this.baseDir = baseDir;
        this.tomcat = tomcat;
        this.mcpServer = mcpServer;
        this.sseServer = sseServer;
        this.provider = provider;
        this.sseProvider = sseProvider;
        this.connector = connector;
    }

    /** Starts the server; port 0 picks a free port. */
    static DemoHttpServer start(int port) throws IOException, LifecycleException {
        return start(port, call -> { });
    }

    /**
     * Starts the server, telling {@code calls} of every tool call ({@code call <tool> {<arguments>}}) and every session
     * it starts ({@code session streamable-http|sse}); port 0 picks a free port.
     */
    static DemoHttpServer start(int port, Consumer<String> calls) throws IOException, LifecycleException {
        return start(port, calls, true, true);
    }

    /**
     * As {@link #start(int, Consumer)}; {@code withTools} false serves no tools and announces no tools capability,
     * {@code withEventStream} false answers a client's GET for the session's event stream with 405, as servers that
     * only answer POSTs do.
     */
    static DemoHttpServer start(int port, Consumer<String> calls, boolean withTools, boolean withEventStream)
            throws IOException, LifecycleException {
        TOMCAT_LOGGER.setLevel(Level.WARNING);
        TOMCAT_LEAK_CHECK_LOGGER.setLevel(Level.SEVERE);
        HttpServletStreamableServerTransportProvider servlet = HttpServletStreamableServerTransportProvider.builder()
                .mcpEndpoint(ENDPOINT)
                .contextExtractor(request -> request.getHeader("Authorization") == null ? McpTransportContext.EMPTY
                        : McpTransportContext.create(Map.of(DemoTools.AUTHORIZATION, request.getHeader("Authorization"))))
                // SDK 2.1.0 runs the idle-session sweeper on a non-daemon thread that closeGracefully() never
                // stops, which would keep the JVM alive; null disables the sweeper (clients end sessions by DELETE)
                .sessionSweepInterval(null)
                .build();
        SessionCountingTransportProvider provider = new SessionCountingTransportProvider(servlet,
                () -> calls.accept("session streamable-http"));
        McpSyncServer mcpServer = DemoTools.configure(McpServer.sync(provider), "demo-http", calls, withTools);
        HttpServletSseServerTransportProvider sseServlet = HttpServletSseServerTransportProvider.builder()
                .sseEndpoint(SSE_ENDPOINT)
                .messageEndpoint(SSE_ENDPOINT + SSE_MESSAGES)
                .build();
        SessionCountingTransportProvider.Sse sseProvider = new SessionCountingTransportProvider.Sse(sseServlet,
                () -> calls.accept("session sse"));
        McpSyncServer sseServer = DemoTools.configure(McpServer.sync(sseProvider), "demo-sse", calls);

        Path baseDir = Files.createTempDirectory("demo-http-");
        Tomcat tomcat = new Tomcat();
        tomcat.setBaseDir(baseDir.toString());
        Connector connector = new Connector();
        connector.setPort(port);
        if (!connector.setProperty("address", HOST)) {
            throw new IllegalStateException("Tomcat connector rejected address " + HOST);
        }
        tomcat.setConnector(connector);
        Context context = tomcat.addContext("", baseDir.toString());
        Wrapper wrapper = Tomcat.addServlet(context, "mcp", servlet);
        // the provider answers with server-sent events, which need an async servlet
        wrapper.setAsyncSupported(true);
        context.addServletMappingDecoded("/*", "mcp");
        FilterDef owners = new FilterDef();
        owners.setFilterName("session-owner");
        owners.setFilter(new SessionOwnerFilter(calls));
        owners.setAsyncSupported("true");
        context.addFilterDef(owners);
        FilterMap ownersOfMcp = new FilterMap();
        ownersOfMcp.setFilterName("session-owner");
        ownersOfMcp.addURLPatternDecoded(ENDPOINT);
        context.addFilterMap(ownersOfMcp);
        if (!withEventStream) {
            FilterDef noStream = new FilterDef();
            noStream.setFilterName("no-event-stream");
            noStream.setFilter((request, response, chain) -> {
                if (((HttpServletRequest) request).getMethod().equals("GET")) {
                    ((HttpServletResponse) response).sendError(HttpServletResponse.SC_METHOD_NOT_ALLOWED);
                } else {
                    chain.doFilter(request, response);
                }
            });
            noStream.setAsyncSupported("true");
            context.addFilterDef(noStream);
            FilterMap noStreamOfMcp = new FilterMap();
            noStreamOfMcp.setFilterName("no-event-stream");
            noStreamOfMcp.addURLPatternDecoded(ENDPOINT);
            context.addFilterMap(noStreamOfMcp);
        }
        Wrapper sseWrapper = Tomcat.addServlet(context, "sse", sseServlet);
        sseWrapper.setAsyncSupported(true);
        context.addServletMappingDecoded(SSE_ENDPOINT, "sse");
        context.addServletMappingDecoded(SSE_ENDPOINT + "/*", "sse");
        DemoHttpServer server = new DemoHttpServer(baseDir, tomcat, mcpServer, sseServer, provider, sseProvider,
                connector);
        tomcat.start();
        // Tomcat only logs a connector that failed to bind, and starts anyway
        if (connector.getState() != LifecycleState.STARTED) {
            server.close();
            throw new IllegalStateException("cannot listen on " + HOST + ":" + port + " (see the Tomcat error above)");
        }
        return server;
    }

    /**
     * {@code server http [--port N] [--without-tools] [--without-event-stream]}: serves until stdin reaches end of stream or the process is killed, printing a
     * line {@code call <tool> {<arguments>}} for every tool call it runs and {@code session <transport>} for every
     * session it starts.
     */
    static void runStandalone(int port, boolean withTools, boolean withEventStream)
            throws IOException, LifecycleException {
        DemoHttpServer server = start(port, DemoHttpServer::printCall, withTools, withEventStream);
        System.out.println("listening " + server.url());
        System.out.flush();
        System.in.transferTo(OutputStream.nullOutputStream());
        server.close();
        System.exit(0);
    }

    private static synchronized void printCall(String call) {
        System.out.println(call);
        System.out.flush();
    }

    String url() {
        return "http://" + HOST + ":" + connector.getLocalPort() + ENDPOINT;
    }

    String sseUrl() {
        return "http://" + HOST + ":" + connector.getLocalPort() + SSE_ENDPOINT;
    }

    int sessionsCreated() {
        return provider.sessionsCreated();
    }

    int sseSessionsCreated() {
        return sseProvider.sessionsCreated();
    }

    @Override
    public void close() {
        mcpServer.closeGracefully();
        sseServer.closeGracefully();
        try {
            tomcat.stop();
            tomcat.destroy();
        } catch (LifecycleException e) {
            System.err.println("demo http server: Tomcat did not stop cleanly: " + e);
        }
        deleteRecursively(baseDir);
        // Tomcat publishes its base dir as catalina.home/base; a later Tomcat in this JVM would re-create it
        for (String property : new String[] {Globals.CATALINA_HOME_PROP, Globals.CATALINA_BASE_PROP}) {
            if (baseDir.toString().equals(System.getProperty(property))) {
                System.clearProperty(property);
            }
        }
    }

    private static void deleteRecursively(Path dir) {
        try (Stream<Path> paths = Files.walk(dir)) {
            paths.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException e) {
            System.err.println("demo http server: cannot delete " + dir + ": " + e);
        }
    }
}
