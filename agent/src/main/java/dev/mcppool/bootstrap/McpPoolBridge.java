package dev.mcppool.bootstrap;

import java.lang.ref.Reference;
import java.util.function.Function;

/**
 * The only agent class that instrumented MCP library code calls. It is injected into the bootstrap class loader, so
 * advice inlined into library classes can reach it from whatever class loader the library lives in. It uses JDK
 * types only and does nothing until the agent installs a handler.
 */
public final class McpPoolBridge {

    /** Receives the events of the official SDK's clients. */
    public interface ClientHandler {

        /** A {@code McpClient.SyncSpec.build()} or {@code AsyncSpec.build()} call returned {@code client}. */
        void clientBuilt(Object spec, Object client);

        /**
         * A public method of a sync or async client is about to run. Returns {@code null} to let the original method
         * run, or the outcome to hand to the caller instead.
         */
        Redirected call(Object client, String methodName, String descriptor, Object[] arguments);
    }

    /** Receives the events of LangChain4j's {@code DefaultMcpClient}s and their transports. */
    public interface Langchain4jHandler {

        /** A transport builder's {@code build()} returned {@code transport}: how it was configured is kept. */
        void transportBuilt(Object transportBuilder, Object transport);

        /**
         * {@code DefaultMcpClient.Builder.build()} is about to connect. Returns {@code null} to let it run, or the
         * pooled client (or the failure) to hand to the caller instead.
         */
        Redirected build(Object clientBuilder);

        /** A public method of a {@code DefaultMcpClient} is about to run: as {@link ClientHandler#call}. */
        Redirected call(Object client, String methodName, String descriptor, Object[] arguments);
    }

    private static volatile Function<Object, Object> httpClients;
    private static volatile ClientHandler clientHandler;
    private static volatile Langchain4jHandler langchain4jHandler;

    private McpPoolBridge() {
    }

    public static void install(ClientHandler handler) {
        clientHandler = handler;
    }

    public static void install(Langchain4jHandler handler) {
        langchain4jHandler = handler;
    }

    /** What makes MCP transport builders share HttpClients (see {@link #sharingHttpClients}). */
    public static void installHttpClients(Function<Object, Object> sharing) {
        httpClients = sharing;
    }

    /**
     * The {@code HttpClient.Builder} an MCP transport builder uses while it builds: one whose {@code build()} returns a
     * shared client. Typed {@code Object}: java.net.http belongs to the platform class loader, which this bootstrap
     * class cannot see.
     */
    public static Object sharingHttpClients(Object httpClientBuilder) {
        Function<Object, Object> sharing = httpClients;
        return sharing == null ? httpClientBuilder : sharing.apply(httpClientBuilder);
    }

    public static void clientBuilt(Object spec, Object client) {
        ClientHandler handler = clientHandler;
        if (handler != null) {
            handler.clientBuilt(spec, client);
        }
    }

    public static Redirected clientCall(Object client, String methodName, String descriptor, Object[] arguments) {
        ClientHandler handler = clientHandler;
        try {
            return handler == null ? null : handler.call(client, methodName, descriptor, arguments);
        } finally {
            // A client that is used only for this one call must not be collected (and its session reclaimed) mid-call.
            Reference.reachabilityFence(client);
        }
    }

    public static void langchain4jTransportBuilt(Object transportBuilder, Object transport) {
        Langchain4jHandler handler = langchain4jHandler;
        if (handler != null) {
            handler.transportBuilt(transportBuilder, transport);
        }
    }

    public static Redirected langchain4jBuild(Object clientBuilder) {
        Langchain4jHandler handler = langchain4jHandler;
        return handler == null ? null : handler.build(clientBuilder);
    }

    public static Redirected langchain4jCall(Object client, String methodName, String descriptor, Object[] arguments) {
        Langchain4jHandler handler = langchain4jHandler;
        try {
            return handler == null ? null : handler.call(client, methodName, descriptor, arguments);
        } finally {
            Reference.reachabilityFence(client);
        }
    }
}
