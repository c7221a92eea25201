package dev.mcppool.adapter;

import java.util.List;
import java.util.function.Supplier;

/**
 * A transport's part of a pool key: the server's name (stdio command, URL host and port), a redacted label (made only
 * when shown: every client build computes a key), identity strings whose secret parts are already digests, or
 * the reason the client must run unpooled.
 */
public record TransportIdentity(String server, Supplier<String> label, List<String> identity, String unpooledReason) {

    public static TransportIdentity of(String server, Supplier<String> label, List<String> identity) {
        return new TransportIdentity(server, label, identity, null);
    }

    public static TransportIdentity unpooled(String reason) {
        return new TransportIdentity(null, null, List.of(), reason);
    }

    public boolean poolable() {
        return unpooledReason == null;
    }
}
