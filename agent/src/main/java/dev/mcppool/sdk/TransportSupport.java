package dev.mcppool.sdk;

import dev.mcppool.adapter.TransportIdentity;
import java.util.Optional;
import java.util.concurrent.Callable;

/** What the pool needs to know about one SDK transport class: its key, its liveness, its process. */
interface TransportSupport {

    /** {@code stdio} or {@code streamable-http}, as shown in keys and JMX. */
    String kind();

    /** Whether {@code transport} is exactly the SDK class this supports; subclasses may behave differently. */
    boolean handles(Object transport);

    /** The server's identity as seen through this transport, or why a client using it must not be shared. */
    TransportIdentity identify(Object transport);

    /**
     * A way to build new transports equal to {@code transport} (for sessions the pool starts on its own), or empty if
     * this transport cannot be rebuilt; it must not keep the application's transport itself alive.
     */
    Optional<Callable<Object>> recipe(Object transport);

    /**
     * Whether the application shapes each request itself (an HTTP request customizer): with the async client, what it
     * adds may come from the subscriber's Reactor context, which a key cannot see.
     */
    default boolean customizesRequests(Object transport) {
        return false;
    }

    /**
     * What the application's request customizer puts on the wire when run on this thread with {@code context} (the
     * transport context the client's provider gives this thread), as a key part; only for transports that
     * {@link #customizesRequests customize requests}. A customizer may take the caller's credentials from the context
     * or from a thread-local, which no key can see in the customizer itself.
     */
    default String customizedRequest(Object transport, Object context, PublisherAwaiter awaitPublisher)
            throws Exception {
        throw new UnsupportedOperationException(kind() + " transports do not customize requests");
    }

    /** Waits for a customizer's answer, subscribed with the transport context in its Reactor context. */
    interface PublisherAwaiter {
        Object awaitFirst(Object publisher, Object contextKey, Object contextValue);
    }

    /**
     * Has {@code listener} told each time the server answers that it no longer knows the transport's session (HTTP
     * 404 or 400 to a request that carried the session id): the request was rejected without being executed. Called
     * after the client was built on the transport, before it connects. Transports without sessions do nothing.
     */
    default void watchStaleSession(Object transport, Runnable listener) {
    }

    /** Adjusts a transport about to become a pooled session (before it connects). */
    default void prepareForPool(Object transport) {
    }

    /** Whether the connection is still up: process alive, HTTP session not closed. True before it connects. */
    boolean isOpen(Object transport);

    Optional<Process> process(Object transport);

    /** The id the server gave the transport's session (Streamable HTTP); empty for transports without one. */
    default Optional<String> sessionId(Object transport) {
        return Optional.empty();
    }
}
