package dev.mcppool.bootstrap;

import java.lang.ref.Reference;

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

    private static volatile ClientHandler clientHandler;

    private McpPoolBridge() {
    }

    public static void install(ClientHandler handler) {
        clientHandler = handler;
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
}
