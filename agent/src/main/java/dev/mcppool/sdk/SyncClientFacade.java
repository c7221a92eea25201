package dev.mcppool.sdk;

import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.PoolExhaustedException;
import dev.mcppool.pool.PoolKey;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * The pooled side of one {@code McpSyncClient} the application built: its first request borrows a session, every
 * request runs on that session, and {@code close()} hands it back once the calls in flight have finished.
 */
final class SyncClientFacade {

    /** Answered by the facade's own, never-connected client until a session is borrowed: they need no server. */
    private static final Set<String> LOCAL_UNTIL_BORROWED = Set.of("isInitialized", "getServerCapabilities",
            "getServerInstructions", "getServerInfo", "getCurrentInitializationResult");
    private static final Set<String> ALWAYS_LOCAL = Set.of("getClientCapabilities", "getClientInfo");
    /** Requests that leave state on the server session that this version cannot undo: the session is not reused. */
    private static final Set<String> TAINTING = Set.of("setLoggingLevel", "subscribeResource", "unsubscribeResource",
            "addRoot", "removeRoot", "rootsListChangedNotification");

    private final SyncClientPooling pooling;
    private final SdkBinding sdk;
    private final PoolKey key;
    private final Object spec;

    private Lease lease;
    private boolean transportDonated;
    private boolean detached;
    private boolean closed;
    private boolean reusable = true;
    private int callsInFlight;

    SyncClientFacade(SyncClientPooling pooling, SdkBinding sdk, PoolKey key, Object spec) {
        this.pooling = pooling;
        this.sdk = sdk;
        this.key = key;
        this.spec = spec;
    }

    Redirected call(String name, String descriptor, Object[] arguments) {
        if (isDetached()) {
            return null;
        }
        switch (name) {
            case "close":
                close();
                return Redirected.value(null);
            case "closeGracefully":
                close();
                return Redirected.value(Boolean.TRUE);
            default:
                break;
        }
        if (ALWAYS_LOCAL.contains(name)) {
            return null;
        }
        Lease current;
        synchronized (this) {
            if (lease == null && LOCAL_UNTIL_BORROWED.contains(name)) {
                return null;
            }
            if (closed) {
                return Redirected.failure(new IllegalStateException("MCP client for " + key.label()
                        + " was closed; " + name + "() needs a new client"));
            }
            if (lease == null) {
                Redirected borrowFailure = borrow();
                if (borrowFailure != null || detached) {
                    return borrowFailure;
                }
            }
            callsInFlight++;
            current = lease;
        }
        try {
            return invoke(current, name, descriptor, arguments);
        } finally {
            callFinished();
        }
    }

    /** A facade whose borrow failed for an agent-side reason runs as the plain, unpooled client it really is. */
    private synchronized boolean isDetached() {
        return detached;
    }

    /** Called with the lock held. Returns the failure to show the caller, or null when a lease was taken or the facade detached. */
    private Redirected borrow() {
        try {
            lease = pooling.pool().borrow(key, () -> {
                transportDonated = true;
                return pooling.createSession(sdk, spec);
            });
            return null;
        } catch (PoolExhaustedException e) {
            return Redirected.failure(e);
        } catch (Throwable e) {
            if (transportDonated) {
                return Redirected.failure(e);
            }
            AgentLog.warnOnce("mcp-pool: could not borrow a session for " + key + " (" + e
                    + "); this client runs unpooled");
            detached = true;
            return null;
        }
    }

    private Redirected invoke(Lease current, String name, String descriptor, Object[] arguments) {
        Method method = sdk.syncMethod(name, descriptor);
        if (TAINTING.contains(name)) {
            markNotReusable();
        }
        try {
            return Redirected.value(Members.invoke(method, ((SdkSession) current.session()).client(), arguments));
        } catch (Throwable failure) {
            if (!sdk.isServerError(failure)) {
                markNotReusable();
            }
            return Redirected.failure(failure);
        }
    }

    private synchronized void markNotReusable() {
        reusable = false;
    }

    private void callFinished() {
        Lease finished = null;
        boolean reuse;
        synchronized (this) {
            callsInFlight--;
            if (closed && callsInFlight == 0) {
                finished = lease;
                lease = null;
            }
            reuse = reusable;
        }
        if (finished != null) {
            finished.release(reuse);
        }
    }

    private void close() {
        Lease finished = null;
        boolean reuse;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            if (callsInFlight == 0) {
                finished = lease;
                lease = null;
            }
            reuse = reusable;
        }
        if (finished != null) {
            finished.release(reuse);
        }
    }

    /** The application dropped this client without closing it; what its session went through is unknown. */
    void abandoned() {
        Lease dropped;
        synchronized (this) {
            dropped = lease;
            lease = null;
            closed = true;
        }
        if (dropped != null) {
            AgentLog.warn("mcp-pool: an MCP client for " + key + " was garbage-collected without close(); its session"
                    + " is discarded");
            dropped.release(false);
        }
    }
}
