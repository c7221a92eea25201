package dev.mcppool.sdk;

import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.LeaseEnd;
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
    private final SyncClientPooling pooling;
    private final SdkBinding sdk;
    private final PoolKey key;
    private final Object spec;
    private final ClientCallbacks callbacks;
    private final LeaseChanges changes = new LeaseChanges();

    private Lease lease;
    private boolean transportDonated;
    private boolean detached;
    private boolean closed;
    private boolean reusable = true;
    private int callsInFlight;

    SyncClientFacade(SyncClientPooling pooling, SdkBinding sdk, PoolKey key, Object spec, ClientCallbacks callbacks) {
        this.pooling = pooling;
        this.sdk = sdk;
        this.key = key;
        this.spec = spec;
        this.callbacks = callbacks;
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
                var session = pooling.createSession(sdk, sdk.transportOf(spec), SyncSpecKeys.keyedSettings(sdk, spec),
                        callbacks.shape());
                transportDonated = true;
                return session;
            });
            session(lease).callbacks().routeTo(callbacks);
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
        changes.sending(name);
        try {
            Object value = Members.invoke(method, session(current).client(), arguments);
            changes.succeeded(sdk, name, arguments);
            return Redirected.value(value);
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
            end(finished, reuse);
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
            end(finished, reuse);
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
            session(finished).callbacks().unroute();
            finished.release(LeaseEnd.BROKEN);
        }
    }

    /** No call of this lease is running: its callbacks stop, what it left on the server is undone, the session goes back. */
    private void end(Lease finished, boolean reusable) {
        SdkSession session = session(finished);
        session.callbacks().unroute();
        LeaseEnd end = LeaseEnd.BROKEN;
        try {
            if (reusable) {
                end = changes.undo(sdk, session.client(), key);
            }
        } finally {
            finished.release(end);
        }
    }

    private static SdkSession session(Lease lease) {
        return (SdkSession) lease.session();
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
