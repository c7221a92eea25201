package dev.mcppool.sdk;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/** {@code HttpClientStreamableHttpTransport}: open while its HTTP session has not been closed. */
final class StreamableHttpTransportSupport extends HttpTransportSupport {

    private final Field activeSession;
    private final Field exceptionHandler;
    private final Class<?> sessionNotFound;

    StreamableHttpTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        this(Class.forName("io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport", false, sdk),
                Class.forName("io.modelcontextprotocol.spec.McpTransportSessionNotFoundException", false, sdk));
    }

    private StreamableHttpTransportSupport(Class<?> transportClass, Class<?> sessionNotFound)
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
    String labelPrefix() {
        return "http";
    }

    @Override
    public boolean isOpen(Object transport) {
        Object session = ((AtomicReference<?>) Members.read(activeSession, transport)).get();
        return session != null && !session.getClass().getSimpleName().equals("ClosedMcpTransportSession");
    }
}
