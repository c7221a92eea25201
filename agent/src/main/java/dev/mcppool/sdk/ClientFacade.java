package dev.mcppool.sdk;

import dev.mcppool.adapter.LeaseChanges;
import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.UnkeyableCallbackException;
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
import java.util.concurrent.atomic.AtomicBoolean;

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
    /** Async methods that change the client when called, not when subscribed: they take part in the lease at once. */
    private static final Set<String> EAGER = Set.of("addRoot", "removeRoot");
    private static final Set<String> CHANGE_LEVEL_OR_ROOTS = Set.of("setLoggingLevel", "addRoot", "removeRoot");

    /** How a call may go on: on {@code lease}, failing with {@code failure}, or by the SDK's own method (neither). */
    private record Entry(Lease lease, Throwable failure) {
        static final Entry PASS_THROUGH = new Entry(null, null);
    }

    private final SdkClientPooling pooling;
    private final SdkBinding sdk;
    /** The key as built; a key completed on the caller's thread adds what the request customizer makes there. */
    private final PoolKey key;
    private final boolean keyCompletedOnCallersThread;
    private final Object spec;
    private final ClientCallbacks callbacks;
    private final boolean reactive;
    private final LeaseChanges changes = new LeaseChanges(CHANGE_LEVEL_OR_ROOTS);
    private final CompletableFuture<Void> sessionReturned = new CompletableFuture<>();

    private Lease lease;
    private boolean transportDonated;
    private boolean detached;
    private boolean closed;
    private boolean reusable = true;
    private int callsInFlight;

    ClientFacade(SdkClientPooling pooling, SdkBinding sdk, SpecKeys.Keying keying, Object spec,
                 ClientCallbacks callbacks) {
        this.pooling = pooling;
        this.sdk = sdk;
        this.key = keying.key();
        this.keyCompletedOnCallersThread = keying.completedOnCallersThread();
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
            return EAGER.contains(name) ? callNow(client, method, arguments) : callLater(client, method, arguments);
        }
        Entry entry = enter(name);
        if (entry == Entry.PASS_THROUGH) {
            return null;
        }
        if (entry.failure() != null) {
            return Redirected.failure(entry.failure());
        }
        Lease current = entry.lease();
        try {
            Object initialized = alreadyInitialized(name, arguments, current);
            if (initialized != null) {
                return Redirected.value(initialized);
            }
            long staleBefore = session(current).staleSessionAnswers();
            Redirected outcome = invoke(current, method, arguments);
            Throwable failure = Redirected.failureOf(outcome);
            boolean stale = failure != null && session(current).staleSessionAnswers() > staleBefore;
            if (stale || failure != null && sdk.isCapabilityRefusal(failure) && !serverStillKnows(current)) {
                Entry fresh = replaceStaleSession(current, name);
                if (fresh != null) {
                    current = fresh.lease();
                    if (current != null) {
                        outcome = invoke(current, method, arguments);
                    }
                }
            }
            return outcome;
        } finally {
            if (current != null) {
                callFinished(current, true);
            }
        }
    }

    private void succeeded(String method, Object[] arguments) {
        if (method.equals("subscribeResource")) {
            changes.subscribed(sdk.resourceUri(arguments[0]));
        } else if (method.equals("unsubscribeResource")) {
            changes.unsubscribed(sdk.resourceUri(arguments[0]));
        }
    }

    private Redirected invoke(Lease current, Method method, Object[] arguments) {
        changes.sending(method.getName());
        try {
            Object value = Members.invoke(method, target(current), arguments);
            succeeded(method.getName(), arguments);
            return Redirected.value(value);
        } catch (Throwable failure) {
            if (!sdk.isServerError(failure) && !sdk.isCapabilityRefusal(failure)) {
                markNotReusable();
            }
            return Redirected.failure(failure);
        }
    }

    /**
     * After the client refused a request from the capabilities its session cached: whether the server instance that
     * sent them still knows the session (a ping). A server restarted or redeployed since, maybe with other
     * capabilities, does not; its other idle sessions were opened on the instance that is gone, so they go too, and
     * the request is checked again on a fresh session. Nothing was sent, so nothing runs twice. Blocks up to
     * validationTimeout.
     */
    private boolean serverStillKnows(Lease current) {
        SdkSession session = session(current);
        long staleBefore = session.staleSessionAnswers();
        // a client that re-initializes on "session not found" answers the ping from a new server session
        if (session.ping(pooling.pool().settingsOf(current.key()).validationTimeout())
                && session.staleSessionAnswers() == staleBefore) {
            return true;
        }
        markNotReusable(); // if it cannot be replaced for this request, it still never goes back to the pool
        PoolKey sessionsKey = current.key();
        pooling.pool().evictIdle(sessionsKey::equals);
        return false;
    }

    /**
     * {@code initialize()} on a session that is initialized: the SDK would answer the result it keeps, after a round
     * through Reactor with a timeout timer (an eighth of a pooled call's CPU on the request thread); this answers it
     * directly. Null for any other call, or when the session is not initialized yet.
     */
    private Object alreadyInitialized(String name, Object[] arguments, Lease current) {
        if (!name.equals("initialize") || arguments.length != 0) {
            return null;
        }
        try {
            return sdk.currentInitializationResult(session(current).client());
        } catch (RuntimeException e) {
            return null; // the SDK's own initialize() answers
        }
    }

    /** An async method that acts when called: it joins the lease now and answers the session's Mono. */
    private Redirected callNow(Object client, Method method, Object[] arguments) {
        synchronized (this) {
            if (detached) {
                return null;
            }
        }
        return Redirected.value(start(client, method, arguments));
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
        Lease[] current = {entry.lease()};
        Object initialized = alreadyInitialized(method.getName(), arguments, current[0]);
        if (initialized != null) {
            callFinished(current[0], true);
            return reactor.just(initialized);
        }
        long staleBefore = session(current[0]).staleSessionAnswers();
        changes.sending(method.getName());
        Object request;
        try {
            request = Members.invoke(method, target(current[0]), arguments);
        } catch (Throwable failure) {
            // thrown before anything was sent (an invalid argument): the session is as good as before
            callFinished(current[0], false);
            return reactor.error(failure);
        }
        request = reactor.onErrorResume(request, failure -> {
            boolean stale = session(current[0]).staleSessionAnswers() > staleBefore;
            if (!stale && !sdk.isCapabilityRefusal(failure)) {
                return reactor.error(failure);
            }
            // the ping that re-checks a refusal blocks: it runs where blocking is allowed
            return reactor.defer(() -> {
                boolean replace = stale || !serverStillKnows(current[0]);
                Entry fresh = replace ? replaceStaleSession(current[0], method.getName()) : null;
                if (fresh == null) {
                    return reactor.error(failure);
                }
                // the old lease is released: whatever follows must not count this call on it again
                current[0] = fresh.lease();
                if (current[0] == null) {
                    return reactor.error(failure);
                }
                try {
                    return Members.invoke(method, target(current[0]), arguments);
                } catch (Throwable retryFailure) {
                    return reactor.error(retryFailure);
                }
            }, !stale);
        });
        AtomicBoolean answered = new AtomicBoolean();
        return reactor.observe(request,
                value -> {
                    answered.set(true);
                    succeeded(method.getName(), arguments);
                },
                failure -> {
                    answered.set(true);
                    if (!sdk.isServerError(failure) && !sdk.isCapabilityRefusal(failure)) {
                        markNotReusable();
                    }
                },
                cancelled -> {
                    boolean abandonedInFlight = cancelled && !answered.get();
                    if (abandonedInFlight) {
                        // the server may still be working on it: the next borrower must not get that session
                        markNotReusable();
                    }
                    if (current[0] != null) {
                        callFinished(current[0], !abandonedInFlight);
                    }
                });
    }

    /**
     * The server no longer knows {@code stale}'s session (restarted, expired) and rejected the request without running
     * it. If this is the lease's only call and the lease has left nothing on that session, the session is dropped and
     * a fresh one borrowed for the request. Returns null to let the failure stand; otherwise the old lease is gone and
     * the entry holds the new one (no lease when none could be had: the failure stands then too).
     */
    private Entry replaceStaleSession(Lease stale, String name) {
        synchronized (this) {
            if (lease != stale || callsInFlight != 1 || closed || !changes.none()) {
                return null;
            }
            lease = null;
            callsInFlight = 0;
            reusable = true;
        }
        session(stale).callbacks().unroute();
        stale.release(LeaseEnd.BROKEN);
        Entry entry = enter(name);
        return entry.lease() != null ? entry : new Entry(null, entry.failure());
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
        lease.callStarted();
        return new Entry(lease, null);
    }

    /** Called with the lock held. Returns the failure to show the caller, or null when a lease was taken or the facade detached. */
    private Throwable borrow() {
        try {
            PoolKey borrowKey = key;
            CallbackRouter.Shape shape = callbacks.shape();
            if (keyCompletedOnCallersThread) {
                // the borrowing thread is the one whose request would have opened this client's own session
                Object context = callbacks.contextOnThisThread();
                // no template: a minIdle session would start on a pool thread, where what the customizer reads
                // from the caller's thread is not there
                borrowKey = SpecKeys.completedOnCallersThread(sdk, spec, key, context);
                shape = shape.seeing(context);
            }
            CallbackRouter.Shape sessionShape = shape;
            lease = pooling.pool().borrow(borrowKey, () -> {
                var session = pooling.createSession(sdk, sdk.transportOf(spec), SpecKeys.keyedSettings(sdk, spec),
                        sessionShape);
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
        } catch (UnkeyableCallbackException e) {
            AgentLog.infoOnce("mcp-pool: MCP clients of " + key.label() + " run unpooled: " + e.getMessage());
            detached = true;
            return null;
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

    /** {@code answered}: the request ran to an answer, so it tells whether a new session started. */
    private void callFinished(Lease current, boolean answered) {
        current.callEnded();
        if (answered) {
            try {
                current.requestFinished();
            } catch (RuntimeException e) {
                AgentLog.warnOnce("mcp-pool: could not record a finished request for " + key + " (" + e + ")");
            }
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
            session(finished).callbacks().unroute();
            finished.release(LeaseEnd.ABANDONED);
        }
    }

    /**
     * No call of this lease is running: what it left on the server is undone, its callbacks stop, the session goes
     * back. An async client's lease may end on a transport thread, where the blocking undo must not run.
     */
    private void end(Lease finished, boolean reuse) {
        if (reuse && reactive && !changes.none()) {
            try {
                sdk.reactor().runBlocking(() -> release(finished, true));
                return;
            } catch (RuntimeException e) {
                AgentLog.warnOnce("mcp-pool: could not undo a lease's changes in the background (" + e
                        + "); its session is discarded");
                reuse = false;
            }
        }
        release(finished, reuse);
    }

    private void release(Lease finished, boolean reusable) {
        SdkSession session = session(finished);
        LeaseEnd end = LeaseEnd.BROKEN;
        try {
            if (reusable) {
                end = changes.undo(uri -> sdk.unsubscribe(session.client(), uri), key);
            }
        } finally {
            session.callbacks().unroute();
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
