package dev.mcppool.adapter;

import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.LeaseEnd;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the lease of one client (a client has at most one) changed on its server session beyond its own requests, so
 * that the next borrower does not inherit it. One policy for every client library: resource subscriptions are undone
 * on return; a logging level or roots change cannot be undone exactly (the server keeps the level, and may have
 * fetched the roots already or fetch them while they are being changed back), so the session is destroyed instead.
 */
public final class LeaseChanges {

    /** Unsubscribes the pooled session's client from one resource. */
    @FunctionalInterface
    public interface Unsubscribe {
        void from(String uri) throws Exception;
    }

    private final Set<String> undoableOnlyByDestroying;
    private final Set<String> subscriptions = new LinkedHashSet<>();
    private boolean tainted;

    /** {@code undoableOnlyByDestroying}: the names of the library's client methods that change a level or roots. */
    public LeaseChanges(Set<String> undoableOnlyByDestroying) {
        this.undoableOnlyByDestroying = undoableOnlyByDestroying;
    }

    /** Before a request is sent: even one that fails may have changed the server's state. */
    public synchronized void sending(String method) {
        if (undoableOnlyByDestroying.contains(method)) {
            tainted = true;
        }
    }

    public synchronized void subscribed(String uri) {
        subscriptions.add(uri);
    }

    public synchronized void unsubscribed(String uri) {
        subscriptions.remove(uri);
    }

    /** Whether the lease has changed nothing on the session so far. */
    public synchronized boolean none() {
        return !tainted && subscriptions.isEmpty();
    }

    /**
     * Called once the lease's calls have finished, before the session goes back: undoes what can be undone on the
     * pooled session and says how the lease ended.
     */
    public LeaseEnd undo(Unsubscribe unsubscribe, Object keyForLog) {
        List<String> subscribed;
        synchronized (this) {
            if (tainted) {
                return LeaseEnd.TAINTED;
            }
            subscribed = List.copyOf(subscriptions);
        }
        if (subscribed.isEmpty()) {
            return LeaseEnd.CLEAN;
        }
        for (String uri : subscribed) {
            try {
                unsubscribe.from(uri);
            } catch (Exception e) {
                AgentLog.debug("mcp-pool: could not unsubscribe a resource of " + keyForLog + " (" + e
                        + "); the session is destroyed instead");
                return LeaseEnd.TAINTED;
            }
        }
        return LeaseEnd.RESET;
    }
}
