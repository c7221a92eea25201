package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

/**
 * {@code HttpClientSseClientTransport} (legacy HTTP+SSE): open while its event stream is, or before it has connected
 * (the server has not yet named the message endpoint).
 */
final class SseTransportSupport extends HttpTransportSupport {

    private final Field closing;
    private final Field eventStream;
    private final Field messageEndpoint;
    private final Method scan;
    private final Object terminated;

    SseTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        this(Class.forName("io.modelcontextprotocol.client.transport.HttpClientSseClientTransport", false, sdk), sdk);
    }

    private SseTransportSupport(Class<?> transportClass, ClassLoader sdk) throws ReflectiveOperationException {
        super(transportClass, "sseEndpoint", List.of("maxResponseSize"),
                List.of("httpRequestCustomizer", "messageEndpointValidator"),
                List.of("httpClient", "requestBuilder", "baseUri", "sseEndpoint", "jsonMapper", "httpRequestCustomizer",
                        "messageEndpointValidator", "maxResponseSize"));
        closing = Members.field(transportClass, "isClosing");
        eventStream = Members.field(transportClass, "sseSubscription");
        messageEndpoint = Members.field(transportClass, "messageEndpointSink");
        Class<?> scannable = Class.forName("reactor.core.Scannable", false, sdk);
        Class<?> attribute = Class.forName("reactor.core.Scannable$Attr", false, sdk);
        scan = Members.method(scannable, "scan", attribute);
        terminated = attribute.getField("TERMINATED").get(null);
    }

    @Override
    public String kind() {
        return "sse";
    }

    @Override
    boolean resolvesServerUrlsAgainstBase() {
        return true;
    }

    @Override
    String labelPrefix() {
        return "sse";
    }

    @Override
    public boolean isOpen(Object transport) {
        if ((Boolean) Members.read(closing, transport)) {
            return false;
        }
        boolean streaming = ((AtomicReference<?>) Members.read(eventStream, transport)).get() != null;
        return streaming || !Boolean.TRUE.equals(Members.invokeUnchecked(scan, Members.read(messageEndpoint, transport),
                terminated));
    }
}
