package dev.mcppool.sdk;

import java.util.List;

/**
 * A transport's part of a pool key: the server's name (stdio command, URL host and port), a redacted label, identity strings whose secret parts are already fingerprinted,
 * or the reason the client must run unpooled.
 */
record TransportIdentity(String server, String label, List<String> identity, String unpooledReason) {

    static TransportIdentity of(String server, String label, List<String> identity) {
        return new TransportIdentity(server, label, identity, null);
    }

    static TransportIdentity unpooled(String reason) {
        return new TransportIdentity(null, null, List.of(), reason);
    }

    boolean poolable() {
        return unpooledReason == null;
    }
}
