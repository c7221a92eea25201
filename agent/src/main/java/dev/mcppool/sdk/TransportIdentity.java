package dev.mcppool.sdk;

import java.util.List;

/**
 * A transport's part of a pool key: a redacted label, identity strings whose secret parts are already fingerprinted,
 * or the reason the client must run unpooled.
 */
record TransportIdentity(String label, List<String> identity, String unpooledReason) {

    static TransportIdentity of(String label, List<String> identity) {
        return new TransportIdentity(label, identity, null);
    }

    static TransportIdentity unpooled(String reason) {
        return new TransportIdentity(null, List.of(), reason);
    }

    boolean poolable() {
        return unpooledReason == null;
    }
}
