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
import java.util.concurrent.CompletableFuture;

/**
 * The pooled side of one {@code McpSyncClient} or {@code McpAsyncClient} the application built: its first request
 * borrows a session, every request runs on that session, and {@code close()} hands it back once the calls in flight
 * have finished. An async client's requests run when their Mono is subscribed, and end when it terminates.
 */
final class ClientFacade {

    /** Answered by the facade's own, never-connected client until a session is borrowed: they need no server. */
    private static final Set<String> LOCAL_UNTIL_BORROWED = Set.of("isInitialized", "getServerCapabilities",
            "getServerInstructions", "getServerInfo", "getCurrentInitializationResult");
    private static final Set<String> ALWAYS_LOCAL = Set.of("getClientCapabilities", "getClientInfo");
    private static final String MONO_CLASS = "reactor.core.publisher.Mono";

    /** How a call may go on: on {@code lease}, failing with {@code failure}, or by the SDK's own method (neither). */
    private record Entry(Lease lease, Throwable failure) {
        static final Entry PASS_THROUGH = new Entry(null, null);
    }

    private final SdkClientPooling pooling;
    private final SdkBinding sdk;
    private final PoolKey key;
    private final Object spec;
    private final ClientCallbacks callbacks;
    private final boolean reactive;
    private final LeaseChanges changes = new LeaseChanges();
    private final CompletableFuture<Void> sessionReturned = new CompletableFuture<>();

    private Lease lease;
    private boolean transportDonated;
    private boolean detached;
    private boolean closed;
    private boolean reusable = true;
    private int callsInFlight;

    ClientFacade(SdkClientPooling pooling, SdkBinding sdk, PoolKey key, Object spec, ClientCallbacks callbacks) {
        this.pooling = pooling;
        this.sdk = sdk;
        this.key = key;
        this.spec = spec;
        this.callbacks = callbacks;
        this.reactive = sdk.isReactive(spec);
    }

    /** A public method of {@code client} (this facade's) is about to run: its outcome, or null to let the SDK run it. */
    Redirected call(Object client, String name, String descriptor, Object[] arguments) {
        if (ALWAYS_LOCAL.contains(name)) {
            return null;
        }
        if (name.equals("close")) {
            return close() ? Redirected.value(null) : null;
        }
        if (name.equals("closeGracefully")) {
            return reactive ? closeGracefullyLater() : close() ? Redirected.value(Boolean.TRUE) : null;
        }
        Method method = reactive ? sdk.asyncMethod(name, descriptor) : sdk.syncMethod(name, descriptor);
        if (reactive && method.getReturnType().getName().equals(MONO_CLASS)) {
            return callLater(client, method, arguments);
        }
        Entry entry = enter(name);
        if (entry == Entry.PASS_THROUGH) {
            return null;
        }
        if (entry.failure() != null) {
            return Redirected.failure(entry.failure());
        }
        try {
            return invoke(entry.lease(), method, arguments);
        } finally {
            callFinished(entry.lease());
        }
    }

    private Redirected invoke(Lease current, Method method, Object[] arguments) {
        changes.sending(method.getName());
        try {
            Object value = Members.invoke(method, target(current), arguments);
            changes.succeeded(sdk, method.getName(), arguments);
            return Redirected.value(value);
        } catch (Throwable failure) {
            if (!sdk.isServerError(failure)) {
                markNotReusable();
            }
            return Redirected.failure(failure);
        }
    }

    /** An async request: a Mono that borrows (if needed) and runs the request on the session when subscribed. */
    private Redirected callLater(Object client, Method method, Object[] arguments) {
        boolean mayBlock;
        synchronized (this) {
            if (detached) {
                return null;
            }
            mayBlock = lease == null;
        }
        return Redirected.value(sdk.reactor().defer(() -> start(client, method, arguments), mayBlock));
    }

    private Object start(Object client, Method method, Object[] arguments) {
        Reactor reactor = sdk.reactor();
        Entry entry = enter(method.getName());
        if (entry == Entry.PASS_THROUGH) {
            // the facade detached in the meantime: the SDK's own method runs now (the advice lets it through)
            return Members.invokeUnchecked(method, client, arguments);
        }
        if (entry.failure() != null) {
            return reactor.error(entry.failure());
        }
        Lease current = entry.lease();
        changes.sending(method.getName());
        Object request;
        try {
            request = Members.invoke(method, target(current), arguments);
        } catch (Throwable failure) {
            markNotReusable();
            callFinished(current);
            return reactor.error(failure);
        }
        return reactor.observe(request,
                value -> changes.succeeded(sdk, method.getName(), arguments),
                failure -> {
                    if (!sdk.isServerError(failure)) {
                        markNotReusable();
                    }
                },
                cancelled -> {
                    if (cancelled) {
                        // the server may still be working on it: the next borrower must not get that session
                        markNotReusable();
                    }
                    callFinished(current);
                });
    }

    private Object target(Lease current) {
        SdkSession session = session(current);
        return reactive ? session.asyncClient() : session.client();
    }

    /** Takes part in the lease for one call: borrows first if this facade has no session yet. */
    private synchronized Entry enter(String name) {
        if (detached || (lease == null && LOCAL_UNTIL_BORROWED.contains(name))) {
            return Entry.PASS_THROUGH;
        }
        if (closed) {
            return new Entry(null, new IllegalStateException("MCP client for " + key.label() + " was closed; " + name
                    + "() needs a new client"));
        }
        if (lease == null) {
            Throwable failure = borrow();
            if (failure != null) {
                return new Entry(null, failure);
            }
            if (detached) {
                return Entry.PASS_THROUGH;
            }
        }
        callsInFlight++;
        return new Entry(lease, null);
    }

    /** Called with the lock held. Returns the failure to show the caller, or null when a lease was taken or the facade detached. */
    private Throwable borrow() {
        try {
            lease = pooling.pool().borrow(key, () -> {
                var session = pooling.createSession(sdk, sdk.transportOf(spec), SpecKeys.keyedSettings(sdk, spec),
                        callbacks.shape());
                transportDonated = true;
                return session;
            });
            session(lease).callbacks().routeTo(callbacks);
            return null;
        } catch (PoolExhaustedException | ServerUnavailableException e) {
            return e;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return new IllegalStateException("interrupted while waiting for an MCP session for " + key, e);
        } catch (Throwable e) {
            if (transportDonated) {
                return e;
            }
            AgentLog.warnOnce("mcp-pool: could not borrow a session for " + key + " (" + e
                    + "); this client runs unpooled");
            detached = true;
            return null;
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

    /**
     * {@code close()}, and a sync client's {@code closeGracefully()}: the session goes back when no call is running.
     * Returns false if the facade detached (the SDK's own method must run).
     */
    private boolean close() {
        Lease finished;
        boolean reuse;
        synchronized (this) {
            if (detached) {
                return false;
            }
            closed = true;
            finished = takeLeaseIfDone();
            reuse = reusable;
            if (lease == null && finished == null) {
                sessionReturned.complete(null);
            }
        }
        if (finished != null) {
            end(finished, reuse);
        }
        return true;
    }

    /** An async client's {@code closeGracefully()}: a Mono that closes when subscribed and completes on return. */
    private Redirected closeGracefullyLater() {
        synchronized (this) {
            if (detached) {
                return null;
            }
        }
        Reactor reactor = sdk.reactor();
        return Redirected.value(reactor.defer(() -> {
            close();
            return reactor.completionOf(sessionReturned);
        }, false));
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
            sessionReturned.complete(null);
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
