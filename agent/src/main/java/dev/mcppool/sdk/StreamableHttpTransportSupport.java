package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** {@code HttpClientStreamableHttpTransport}: open while its HTTP session has not been closed. */
final class StreamableHttpTransportSupport extends HttpTransportSupport {

    private final Field activeSession;
    private final Field exceptionHandler;
    private final Class<?> sessionNotFound;
    private final Method sessionIdOfSession;

    StreamableHttpTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        this(Class.forName("io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport", false, sdk),
                Class.forName("io.modelcontextprotocol.spec.McpTransportSessionNotFoundException", false, sdk),
                Class.forName("io.modelcontextprotocol.spec.McpTransportSession", false, sdk));
    }

    private StreamableHttpTransportSupport(Class<?> transportClass, Class<?> sessionNotFound, Class<?> session)
            throws ReflectiveOperationException {
        super(transportClass, "endpoint",
                List.of("openConnectionOnStartup", "resumableStreams", "supportedProtocolVersions", "maxResponseSize"),
                List.of("httpRequestCustomizer", "authorizationErrorHandler"),
                List.of("jsonMapper", "httpClient", "requestBuilder", "baseUri", "endpoint", "resumableStreams",
                        "openConnectionOnStartup", "httpRequestCustomizer", "authorizationErrorHandler",
                        "supportedProtocolVersions", "maxResponseSize"));
        activeSession = Members.field(transportClass, "activeSession");
        exceptionHandler = Members.field(transportClass, "exceptionHandler");
        this.sessionNotFound = sessionNotFound;
        sessionIdOfSession = Members.method(session, "sessionId");
    }

    /** The client installed its own handler when it was built; this one tells {@code listener} first, then it. */
    @Override
    public void watchStaleSession(Object transport, Runnable listener) {
        @SuppressWarnings("unchecked")
        AtomicReference<Consumer<Throwable>> handler =
                (AtomicReference<Consumer<Throwable>>) Members.read(exceptionHandler, transport);
        Consumer<Throwable> clients = handler.get();
        handler.set(failure -> {
            if (sessionNotFound.isInstance(failure)) {
                listener.run();
            }
            if (clients != null) {
                clients.accept(failure);
            }
        });
    }

    @Override
    public String kind() {
        return "streamable-http";
    }

    @Override
    boolean resolvesServerUrlsAgainstBase() {
        return false;
    }

    @Override
    String labelPrefix() {
        return "http";
    }

    @Override
    public Optional<String> sessionId(Object transport) {
        Object session = ((AtomicReference<?>) Members.read(activeSession, transport)).get();
        if (session == null) {
            return Optional.empty();
        }
        Object id = Members.invokeUnchecked(sessionIdOfSession, session);
        return id instanceof Optional<?> optional ? optional.map(String::valueOf) : Optional.empty();
    }

    @Override
    public boolean isOpen(Object transport) {
        Object session = ((AtomicReference<?>) Members.read(activeSession, transport)).get();
        return session != null && !session.getClass().getSimpleName().equals("ClosedMcpTransportSession");
    }
}
