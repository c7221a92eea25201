package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The same application rewritten by hand the way the SDK intends (official SDK, sync API): each worker thread builds
 * and initializes one client on its first request and keeps it for every later one; {@link #close()} closes them all.
 * The limit that pooling per-request clients approaches.
 */
final class LongLivedSdkClients implements AutoCloseable {

    private final Supplier<McpClientTransport> transports;
    private final Duration requestTimeout;
    private final Map<Integer, McpSyncClient> clientOfWorker = new ConcurrentHashMap<>();

    LongLivedSdkClients(Supplier<McpClientTransport> transports, Duration requestTimeout) {
        this.transports = transports;
        this.requestTimeout = requestTimeout;
    }

    /** The cycle of worker {@code worker}: a tool call on that worker's own client. */
    ClientCycle forWorker(int worker) {
        return (tool, arguments) -> SdkClientCycle.textOf(tool,
                clientOf(worker).callTool(new CallToolRequest(tool, arguments)));
    }

    private McpSyncClient clientOf(int worker) {
        return clientOfWorker.computeIfAbsent(worker, w -> {
            McpSyncClient client = McpClient.sync(transports.get()).requestTimeout(requestTimeout)
                    .initializationTimeout(requestTimeout).build();
            try {
                client.initialize();
                return client;
            } catch (RuntimeException e) {
                client.close();
                throw e;
            }
        });
    }

    @Override
    public void close() {
        clientOfWorker.values().forEach(McpSyncClient::close);
        clientOfWorker.clear();
    }
}
