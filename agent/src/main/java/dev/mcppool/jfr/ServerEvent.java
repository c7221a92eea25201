package dev.mcppool.jfr;

import dev.mcppool.pool.PoolKey;
import jdk.jfr.Event;
import jdk.jfr.Label;

/** The fields every pool event has: which server (redacted label, fingerprint) and which client library. */
abstract class ServerEvent extends Event {

    @Label("Server")
    String server;

    @Label("Fingerprint")
    String fingerprint;

    @Label("Library")
    String library;

    void describe(PoolKey key) {
        server = key.label();
        fingerprint = key.fingerprint();
        library = key.library();
    }
}
