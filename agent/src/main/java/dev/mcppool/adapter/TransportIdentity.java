package dev.mcppool.adapter;

import java.util.List;

/**
 * A transport's part of a pool key: the server's name (stdio command, URL host and port), a redacted label, identity strings whose secret parts are already fingerprinted,
 * or the reason the client must run unpooled.
 */
public record TransportIdentity(String server, String label, List<String> identity, String unpooledReason) {

    public static TransportIdentity of(String server, String label, List<String> identity) {
        return new TransportIdentity(server, label, identity, null);
    }

    public static TransportIdentity unpooled(String reason) {
        return new TransportIdentity(null, null, List.of(), reason);
    }

    public boolean poolable() {
        return unpooledReason == null;
    }
}
