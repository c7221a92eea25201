package dev.mcppool.sdk;

import dev.mcppool.pool.PooledSession;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A real, pooled {@code McpSyncClient} (sync facades call it, async facades the {@code McpAsyncClient} it runs on) with
 * the transport it owns and the router its callbacks go through.
 */
final class SdkSession implements PooledSession {

    private final SdkBinding sdk;
    private final TransportSupport transportSupport;
    private final Object transport;
    private final Object client;
    private final CallbackRouter callbacks;
    private volatile boolean closeRequested;
    private final AtomicLong staleSessionAnswers = new AtomicLong();

    SdkSession(SdkBinding sdk, TransportSupport transportSupport, Object transport, Object client,
               CallbackRouter callbacks) {
        this.sdk = sdk;
        this.transportSupport = transportSupport;
        this.transport = transport;
        this.client = client;
        this.callbacks = callbacks;
        transportSupport.watchStaleSession(transport, staleSessionAnswers::incrementAndGet);
    }

    /**
     * How often the server has answered that it no longer knows this session. A request that fails while this
     * count goes up was rejected unexecuted: this session is the only one of its lease, and its only request.
     */
    long staleSessionAnswers() {
        return staleSessionAnswers.get();
    }

    Object client() {
        return client;
    }

    Object asyncClient() {
        return sdk.asyncClientOf(client);
    }

    CallbackRouter callbacks() {
        return callbacks;
    }

    /**
     * Whether the session may be lent: once its server answered that it no longer knows the session, it is not lent
     * again, even if the client initialized itself anew (that is a new server session, without the old one's state).
     */
    @Override
    public boolean isUsable() {
        return !closeRequested && staleSessionAnswers.get() == 0 && sdk.isInitialized(client)
                && transportSupport.isOpen(transport);
    }

    @Override
    public boolean ping(Duration timeout) {
        try {
            sdk.ping(client, timeout);
            return true;
        } catch (Throwable e) {
            return false;
        }
    }

    @Override
    public OptionalLong processId() {
        return transportSupport.process(transport).map(process -> OptionalLong.of(process.pid()))
                .orElse(OptionalLong.empty());
    }

    @Override
    public Optional<String> sessionId() {
        return transportSupport.sessionId(transport);
    }

    @Override
    public void close() {
        closeRequested = true;
        sdk.closeInBackground(client);
    }

    @Override
    public void terminate(Duration grace) {
        Optional<Process> process = transportSupport.process(transport);
        List<ProcessHandle> descendants = process.map(p -> p.descendants().toList()).orElse(List.of());
        try {
            sdk.closeGracefully(client, grace);
        } catch (Throwable e) {
            // the process is killed below
        }
        process.filter(Process::isAlive).ifPresent(Process::destroyForcibly);
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public boolean isTerminated() {
        Optional<Process> process = transportSupport.process(transport);
        if (process.isPresent()) {
            return !process.get().isAlive();
        }
        return closeRequested || !transportSupport.isOpen(transport);
    }
}
