package dev.mcppool.langchain4j;

import dev.mcppool.adapter.LeaseChanges;
import dev.mcppool.adapter.Members;
import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.LeaseEnd;
import dev.mcppool.pool.PoolKey;
import java.lang.reflect.Method;
import java.util.Set;

/**
 * The pooled side of one {@code DefaultMcpClient} the application built: it holds a borrowed session from
 * {@code build()} on, runs every call on that session's client, and {@code close()} hands the session back once the
 * calls in flight have finished. Subscriptions the lease left open are undone first; a session whose roots it changed
 * is destroyed instead ({@link LeaseChanges}).
 */
final class PooledClient {

    /** Thrown for a JSON-RPC error the server sent, or for arguments that were never sent: the session is fine. */
    private static final Set<String> SERVER_ANSWERS = Set.of("dev.langchain4j.mcp.client.McpException",
            "dev.langchain4j.exception.ToolArgumentsException");

    /**
     * Thrown by {@code executeTool} both for the server's answer (a JSON-RPC error, or a result with {@code isError}
     * in releases that throw for it) and for a request the transport failed (an I/O error, an HTTP status, a closed
     * connection), which it wraps. Both have a plain {@code RuntimeException} with the same message as their cause:
     * for an answer, one its constructor made.
     */
    private static final String TOOL_EXECUTION_EXCEPTION = "dev.langchain4j.exception.ToolExecutionException";

    private static final Set<String> CHANGE_ROOTS = Set.of("setRoots");

    private final Langchain4jBinding binding;
    private final PoolKey key;
    private final String clientKey;
    private final Lease lease;
    private final LeaseChanges changes = new LeaseChanges(CHANGE_ROOTS);

    private boolean closed;
    private boolean returned;
    private boolean reusable = true;
    private int callsInFlight;

    PooledClient(Langchain4jBinding binding, PoolKey key, String clientKey, Lease lease) {
        this.binding = binding;
        this.key = key;
        this.clientKey = clientKey;
        this.lease = lease;
    }

    Redirected call(String name, String descriptor, Object[] arguments) {
        if (name.equals("key") && arguments.length == 0) {
            return Redirected.value(clientKey);
        }
        if (name.equals("close") && arguments.length == 0) {
            close();
            return Redirected.value(null);
        }
        Method method = binding.clientMethod(name, descriptor);
        synchronized (this) {
            if (closed) {
                return Redirected.failure(new IllegalStateException("The client is closed"));
            }
            callsInFlight++;
        }
        lease.callStarted();
        changes.sending(name);
        try {
            long started = System.nanoTime();
            Object value = Members.invoke(method, session().client(), arguments);
            if (name.equals("executeTool")
                    && binding.toolCallMayHaveTimedOut(session().client(), System.nanoTime() - started)) {
                // the library stopped waiting and answered itself: the server may still be running the call
                markNotReusable();
            }
            succeeded(name, arguments);
            return Redirected.value(value);
        } catch (Throwable failure) {
            if (!isServerAnswer(failure)) {
                // a timeout or a broken connection: the session is in doubt, the next borrower gets another
                markNotReusable();
            }
            return Redirected.failure(failure);
        } finally {
            callFinished();
        }
    }

    private static boolean isServerAnswer(Throwable failure) {
        String type = failure.getClass().getName();
        return SERVER_ANSWERS.contains(type)
                || type.equals(TOOL_EXECUTION_EXCEPTION) && causeMadeByItsOwnConstructor(failure);
    }

    /** Without a stack trace to tell (stack traces turned off), the failure counts as the transport's. */
    private static boolean causeMadeByItsOwnConstructor(Throwable failure) {
        Throwable cause = failure.getCause();
        StackTraceElement[] madeAt = cause == null ? new StackTraceElement[0] : cause.getStackTrace();
        return madeAt.length > 0 && madeAt[0].getClassName().equals(TOOL_EXECUTION_EXCEPTION)
                && madeAt[0].getMethodName().equals("<init>");
    }

    private void succeeded(String name, Object[] arguments) {
        if (name.equals("subscribeToResource")) {
            changes.subscribed((String) arguments[0]);
        } else if (name.equals("unsubscribeFromResource")) {
            changes.unsubscribed((String) arguments[0]);
        }
    }

    private synchronized void markNotReusable() {
        reusable = false;
    }

    private void callFinished() {
        lease.callEnded();
        boolean giveBack;
        synchronized (this) {
            callsInFlight--;
            giveBack = takeReturn();
        }
        if (giveBack) {
            giveBack();
        }
    }

    private void close() {
        boolean giveBack;
        synchronized (this) {
            closed = true;
            giveBack = takeReturn();
        }
        if (giveBack) {
            giveBack();
        }
    }

    /** The application dropped this client without closing it: its session is discarded once its calls have ended. */
    void abandoned() {
        boolean giveBack;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            reusable = false;
            giveBack = takeReturn();
        }
        if (giveBack) {
            session().callbacks().unroute();
            lease.release(LeaseEnd.ABANDONED);
        }
    }

    /** Called with the lock held: whether the session is to be given back now (once). */
    private boolean takeReturn() {
        if (!closed || callsInFlight > 0 || returned) {
            return false;
        }
        returned = true;
        return true;
    }

    private void giveBack() {
        LeaseEnd end = LeaseEnd.BROKEN;
        try {
            if (reusable) {
                end = changes.undo(uri -> binding.unsubscribe(session().client(), uri), key);
            }
        } finally {
            session().callbacks().unroute();
            lease.release(end);
        }
    }

    private Langchain4jSession session() {
        return (Langchain4jSession) lease.session();
    }
}
