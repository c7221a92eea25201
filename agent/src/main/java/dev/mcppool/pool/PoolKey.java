package dev.mcppool.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;

/**
 * Identifies one server as a client sees it: the library, the transport and every setting the server can observe.
 *
 * <p>{@code identity} decides equality and must already have its secret parts (header and environment values)
 * replaced by {@link Secrets#digest(String)}; {@code label} is for people and never contains a secret.
 */
public final class PoolKey {

    private final String library;
    private final String transport;
    private final String server;
    private final Supplier<String> labelMaker;
    private String label;
    private final List<String> identity;
    /** Computed when first shown: a borrow that finds its key's sessions never needs it. */
    private String fingerprint;
    /** Keys are looked up several times per borrow; their identity lists are long. */
    private final int hashCode;

    public PoolKey(String library, String transport, String server, String label, List<String> identity) {
        this(library, transport, server, () -> label, identity);
    }

    /** A key whose label is made when first shown: keys are computed for every client built, and mostly found. */
    public PoolKey(String library, String transport, String server, Supplier<String> label, List<String> identity) {
        this.library = library;
        this.transport = transport;
        this.server = server;
        this.labelMaker = label;
        this.identity = List.copyOf(identity);
        this.hashCode = Objects.hash(library, transport, this.identity);
    }

    /** This key with one more part: what a client computed on its caller's thread when it borrowed. */
    public PoolKey with(String identityPart) {
        List<String> extended = new ArrayList<>(identity);
        extended.add(identityPart);
        return new PoolKey(library, transport, server, labelMaker, extended);
    }

    public String library() {
        return library;
    }

    public String transport() {
        return transport;
    }

    /** What per-server options match: the stdio command, or the host and port of the URL. Never a secret. */
    public String server() {
        return server;
    }

    /** A redacted, human-readable name for the server, e.g. {@code stdio: node server.js (env: HOME, TOKEN)}. */
    public String label() {
        String made = label;
        if (made == null) {
            made = labelMaker.get(); // racy but safe, as fingerprint()
            label = made;
        }
        return made;
    }

    /** A short keyed hash that tells apart keys with the same label (e.g. two Authorization values). */
    public String fingerprint() {
        String computed = fingerprint;
        if (computed == null) {
            // racy but safe: every thread computes the same immutable String
            computed = Secrets.fingerprint(library + '\n' + transport + '\n' + String.join("\n", identity));
            fingerprint = computed;
        }
        return computed;
    }

    @Override
    public boolean equals(Object other) {
        return this == other || other instanceof PoolKey that && hashCode == that.hashCode
                && library.equals(that.library) && transport.equals(that.transport) && identity.equals(that.identity);
    }

    @Override
    public int hashCode() {
        return hashCode;
    }

    @Override
    public String toString() {
        return label() + " #" + fingerprint();
    }
}
