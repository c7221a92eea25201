package dev.mcppool.sdk;

import java.lang.reflect.Field;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/** {@code HttpClientStreamableHttpTransport}: open while its HTTP session has not been closed. */
final class StreamableHttpTransportSupport extends HttpTransportSupport {

    private final Field activeSession;

    StreamableHttpTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        this(Class.forName("io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport", false, sdk));
    }

    private StreamableHttpTransportSupport(Class<?> transportClass) throws ReflectiveOperationException {
        super(transportClass, "endpoint",
                List.of("openConnectionOnStartup", "resumableStreams", "supportedProtocolVersions", "maxResponseSize"),
                List.of("httpRequestCustomizer", "authorizationErrorHandler"),
                List.of("jsonMapper", "httpClient", "requestBuilder", "baseUri", "endpoint", "resumableStreams",
                        "openConnectionOnStartup", "httpRequestCustomizer", "authorizationErrorHandler",
                        "supportedProtocolVersions", "maxResponseSize"));
        activeSession = Members.field(transportClass, "activeSession");
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
