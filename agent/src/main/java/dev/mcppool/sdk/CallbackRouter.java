package dev.mcppool.sdk;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Stands in for the callbacks of a pooled session: the session is built with these forwarders, and each forwards to
 * the client that holds the session at that moment. A notification that arrives while no client holds the session is
 * dropped (a private client would have been closed by then); a server request (sampling, elicitation) then fails.
 */
final class CallbackRouter {

    /**
     * What every client of one pool key has in common: the same handlers are set, and their context providers compute
     * the same thing. The context provider serves the pool's own requests (initialize, ping) when no client holds the
     * session.
     */
    record Shape(Set<String> handlers, Supplier<Object> contextProvider) {

        /**
         * This shape for sessions of a key that includes what {@code context} made the request customizer do: the
         * pool's own requests on them (initialize, ping) carry that context, whatever thread sends them.
         */
        Shape seeing(Object context) {
            return contextProvider == null ? this : new Shape(handlers, () -> context);
        }
    }

    private final Shape shape;
    private volatile ClientCallbacks borrower;

    CallbackRouter(Shape shape) {
        this.shape = shape;
    }

    /** Settings for the pooled session's spec: one forwarder in place of each callback the spec can hold. */
    Map<String, Object> forwardingSettings(Set<String> specSettings) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String consumerList : ClientCallbacks.consumerLists()) {
            if (specSettings.contains(consumerList)) {
                Consumer<Object> forwarder = notification -> deliver(consumerList, notification);
                settings.put(consumerList, List.of(forwarder));
            }
        }
        for (String handler : shape.handlers()) {
            Function<Object, Object> forwarder = request -> handle(handler, request);
            settings.put(handler, forwarder);
        }
        if (shape.contextProvider() != null) {
            Supplier<Object> forwarder = this::context;
            settings.put("contextProvider", forwarder);
        }
        return settings;
    }

    void routeTo(ClientCallbacks client) {
        borrower = client;
    }

    void unroute() {
        borrower = null;
    }

    private void deliver(String consumerList, Object notification) {
        ClientCallbacks current = borrower;
        if (current != null) {
            current.deliver(consumerList, notification);
        }
    }

    private Object handle(String handler, Object request) {
        ClientCallbacks current = borrower;
        if (current == null) {
            throw new IllegalStateException("mcp-pool: the server sent a request for the " + handler
                    + " while no MCP client held this pooled session");
        }
        return current.handle(handler, request);
    }

    private Object context() {
        ClientCallbacks current = borrower;
        return (current != null ? current.contextProvider() : shape.contextProvider()).get();
    }
}
