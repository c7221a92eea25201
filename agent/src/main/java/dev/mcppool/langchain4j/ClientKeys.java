package dev.mcppool.langchain4j;

import dev.mcppool.adapter.TransportIdentity;
import dev.mcppool.pool.InstanceIds;
import dev.mcppool.pool.PoolKey;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Decides from a {@code DefaultMcpClient.Builder} whether its client may share a session, and with which others: the
 * key is the transport's identity, every client setting the server can see or that changes what the client does, and
 * which callbacks are set.
 */
final class ClientKeys {

    static final String LIBRARY = "langchain4j";

    /** A key, or the reason the client runs unpooled. */
    record Keying(PoolKey key, String unpooledReason) {
    }

    private ClientKeys() {
    }

    static Keying keyFor(TransportRecipe transport, Map<String, Object> settings, ClassLoader library) {
        TransportIdentity server = transport.identify();
        if (!server.poolable()) {
            return new Keying(null, server.unpooledReason());
        }
        List<String> identity = new ArrayList<>(server.identity());
        // two copies of LangChain4j (two web applications) never share: a session works only with its own classes
        identity.add("langchain4j=" + InstanceIds.of(library));
        new TreeMap<>(settings).forEach((name, value) -> {
            if (ClientSettings.isKeyed(name)) {
                identity.add("client." + name + "=" + TransportRecipe.describe(value));
            }
        });
        identity.add(CallbackRoutes.shape(settings));
        return new Keying(new PoolKey(LIBRARY, transport.kind().kind(), server.server(), server.label(), identity),
                null);
    }
}
