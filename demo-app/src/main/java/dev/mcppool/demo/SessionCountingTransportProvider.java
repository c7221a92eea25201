package dev.mcppool.demo;

import io.modelcontextprotocol.spec.McpServerSession;
import io.modelcontextprotocol.spec.McpServerTransportProvider;
import io.modelcontextprotocol.spec.McpStreamableServerSession;
import io.modelcontextprotocol.spec.McpStreamableServerTransportProvider;
import reactor.core.publisher.Mono;

import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Counts the MCP sessions a Streamable HTTP server creates ({@link Sse}: an HTTP+SSE server). The transport provider asks the session factory
 * for a new session exactly once per {@code initialize} request it answers, so wrapping that factory counts
 * handshakes without touching the HTTP bodies.
 */
final class SessionCountingTransportProvider implements McpStreamableServerTransportProvider {

    private final McpStreamableServerTransportProvider delegate;
    private final Runnable onSession;
    private final AtomicInteger sessions = new AtomicInteger();

    /** {@code onSession} runs for every session the server starts. */
    SessionCountingTransportProvider(McpStreamableServerTransportProvider delegate, Runnable onSession) {
        this.delegate = delegate;
        this.onSession = onSession;
    }

    int sessionsCreated() {
        return sessions.get();
    }

    @Override
    public void setSessionFactory(McpStreamableServerSession.Factory factory) {
        delegate.setSessionFactory(initializeRequest -> {
            sessions.incrementAndGet();
            onSession.run();
            return factory.startSession(initializeRequest);
        });
    }

    @Override
    public Mono<Void> notifyClients(String method, Object params) {
        return delegate.notifyClients(method, params);
    }

    @Override
    public Mono<Void> notifyClient(String sessionId, String method, Object params) {
        return delegate.notifyClient(sessionId, method, params);
    }

    @Override
    public List<String> protocolVersions() {
        return delegate.protocolVersions();
    }

    @Override
    public void close() {
        delegate.close();
    }

    @Override
    public Mono<Void> closeGracefully() {
        return delegate.closeGracefully();
    }

    /** The same for the legacy HTTP+SSE transport, where a session starts with each event-stream connection. */
    static final class Sse implements McpServerTransportProvider {

        private final McpServerTransportProvider delegate;
        private final Runnable onSession;
        private final AtomicInteger sessions = new AtomicInteger();

        Sse(McpServerTransportProvider delegate, Runnable onSession) {
            this.delegate = delegate;
            this.onSession = onSession;
        }

        int sessionsCreated() {
            return sessions.get();
        }

        @Override
        public void setSessionFactory(McpServerSession.Factory factory) {
            delegate.setSessionFactory(transport -> {
                sessions.incrementAndGet();
                onSession.run();
                return factory.create(transport);
            });
        }

        @Override
        public Mono<Void> notifyClients(String method, Object params) {
            return delegate.notifyClients(method, params);
        }

        @Override
        public Mono<Void> notifyClient(String sessionId, String method, Object params) {
            return delegate.notifyClient(sessionId, method, params);
        }

        @Override
        public List<String> protocolVersions() {
            return delegate.protocolVersions();
        }

        @Override
        public Mono<Void> closeGracefully() {
            return delegate.closeGracefully();
        }
    }
}
