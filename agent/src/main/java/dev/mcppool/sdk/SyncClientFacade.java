package dev.mcppool.sdk;

import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.PoolExhaustedException;
import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.ServerUnavailableException;
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
        if (ALWAYS_LOCAL.contains(name)) {
            return null;
        }
        if (name.equals("close") || name.equals("closeGracefully")) {
            return close(name);
        }
        Lease current;
        synchronized (this) {
            if (detached) {
                return null;
            }
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
            callFinished(current);
        }
    }

    /** Called with the lock held. Returns the failure to show the caller, or null when a lease was taken or the facade detached. */
    private Redirected borrow() {
        try {
            lease = pooling.pool().borrow(key, () -> {
                var session = pooling.createSession(sdk, spec);
                transportDonated = true;
                return session;
            });
            return null;
        } catch (PoolExhaustedException | ServerUnavailableException e) {
            return Redirected.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Redirected.failure(new IllegalStateException("interrupted while waiting for an MCP session for "
                    + key, e));
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

    private void callFinished(Lease current) {
        try {
            current.requestFinished();
        } catch (RuntimeException e) {
            AgentLog.warnOnce("mcp-pool: could not record a finished request for " + key + " (" + e + ")");
        }
        Lease finished;
        boolean reuse;
        synchronized (this) {
            callsInFlight--;
            finished = takeLeaseIfDone();
            reuse = reusable;
        }
        if (finished != null) {
            finished.release(reuse);
        }
    }

    /** {@code close()} and {@code closeGracefully()} (which answers true): the session goes back when no call is running. */
    private Redirected close(String name) {
        Lease finished;
        boolean reuse;
        synchronized (this) {
            if (detached) {
                return null;
            }
            closed = true;
            finished = takeLeaseIfDone();
            reuse = reusable;
        }
        if (finished != null) {
            finished.release(reuse);
        }
        return Redirected.value(name.equals("close") ? null : Boolean.TRUE);
    }

    /** The application dropped this client without closing it: its session is discarded once its calls have ended. */
    void abandoned() {
        Lease finished;
        synchronized (this) {
            if (closed || detached) {
                return;
            }
            closed = true;
            reusable = false;
            finished = takeLeaseIfDone();
        }
        if (finished != null) {
            AgentLog.warn("mcp-pool: an MCP client for " + key + " was garbage-collected without close(); its session"
                    + " is discarded");
            finished.release(false);
        }
    }

    private Lease takeLeaseIfDone() {
        if (!closed || callsInFlight > 0) {
            return null;
        }
        Lease finished = lease;
        lease = null;
        return finished;
    }
}
