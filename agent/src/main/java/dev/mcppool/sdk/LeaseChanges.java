package dev.mcppool.sdk;

import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.LeaseEnd;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * What the lease of one facade (a facade has at most one) changed on its server session beyond its own requests, so that the next borrower does not inherit
 * it: resource subscriptions are undone on return; a logging level or roots change cannot be undone exactly (the
 * server keeps the level, and may have cached the roots), so the session is destroyed instead.
 */
final class LeaseChanges {

    private static final Set<String> UNDOABLE_ONLY_BY_DESTROYING = Set.of("setLoggingLevel", "addRoot", "removeRoot");

    private final Set<String> subscriptions = new LinkedHashSet<>();
    private boolean tainted;

    /** Before a request is sent: even one that fails may have changed the server's state. */
    synchronized void sending(String method) {
        if (UNDOABLE_ONLY_BY_DESTROYING.contains(method)) {
            tainted = true;
        }
    }

    synchronized void succeeded(SdkBinding sdk, String method, Object[] arguments) {
        if (method.equals("subscribeResource")) {
            subscriptions.add(sdk.resourceUri(arguments[0]));
        } else if (method.equals("unsubscribeResource")) {
            subscriptions.remove(sdk.resourceUri(arguments[0]));
        }
    }

    /** Whether the lease has changed nothing on the session so far. */
    synchronized boolean none() {
        return !tainted && subscriptions.isEmpty();
    }

    /**
     * Called once the lease's calls have finished, before the session goes back: undoes what can be undone on the
     * pooled {@code client} and says how the lease ended.
     */
    LeaseEnd undo(SdkBinding sdk, Object client, Object keyForLog) {
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
                sdk.unsubscribe(client, uri);
            } catch (Exception e) {
                AgentLog.debug("mcp-pool: could not unsubscribe a resource of " + keyForLog + " (" + e
                        + "); the session is destroyed instead");
                return LeaseEnd.TAINTED;
            }
        }
        return LeaseEnd.RESET;
    }
}
