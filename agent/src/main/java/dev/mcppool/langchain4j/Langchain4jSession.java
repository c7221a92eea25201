package dev.mcppool.langchain4j;

import dev.mcppool.adapter.Members;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.PooledSession;
import java.lang.reflect.Field;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/** A real, connected {@code DefaultMcpClient} the pool lends to facades, with the transport it owns. */
final class Langchain4jSession implements PooledSession {

    private final Langchain4jBinding binding;
    private final PoolThreads threads;
    private final Object client;
    private final Object transport;
    private final CallbackRoutes callbacks;
    private final Field processField;
    private final Field sessionIdField;
    private volatile boolean closeRequested;

    Langchain4jSession(Langchain4jBinding binding, PoolThreads threads, Object client, Object transport,
                       CallbackRoutes callbacks) {
        this.binding = binding;
        this.threads = threads;
        this.client = client;
        this.transport = transport;
        this.callbacks = callbacks;
        this.processField = Members.optionalField(transport.getClass(), "process");
        this.sessionIdField = Members.optionalField(transport.getClass(), "mcpSessionId");
    }

    Object client() {
        return client;
    }

    CallbackRoutes callbacks() {
        return callbacks;
    }

    @Override
    public boolean isUsable() {
        return !closeRequested && !binding.isClosed(client) && process().map(Process::isAlive).orElse(true);
    }

    /** {@code checkHealth()}: the transport's own check (stdio: the process is alive), then an MCP ping. */
    @Override
    public boolean ping(Duration timeout) {
        CompletableFuture<Void> check = CompletableFuture.runAsync(() -> {
            try {
                binding.checkHealth(client);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, threads.healthChecks());
        try {
            check.get(timeout.toNanos(), TimeUnit.NANOSECONDS);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (Exception e) {
            return false;
        }
    }

    @Override
    public OptionalLong processId() {
        return process().map(p -> OptionalLong.of(p.pid())).orElse(OptionalLong.empty());
    }

    @Override
    public Optional<String> sessionId() {
        if (sessionIdField == null || !(Members.read(sessionIdField, transport) instanceof AtomicReference<?> id)) {
            return Optional.empty();
        }
        return Optional.ofNullable(id.get()).map(String::valueOf);
    }

    @Override
    public void close() {
        closeRequested = true;
        try {
            binding.close(client);
        } catch (Exception | LinkageError e) {
            AgentLog.debug("mcp-pool: closing a LangChain4j session failed: " + e);
        }
    }

    @Override
    public void terminate(Duration grace) {
        Optional<Process> process = process();
        List<ProcessHandle> descendants = process.map(p -> p.descendants().toList()).orElse(List.of());
        close();
        process.ifPresent(p -> {
            try {
                p.waitFor(grace.toNanos(), TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (p.isAlive()) {
                p.destroyForcibly();
            }
        });
        descendants.stream().filter(ProcessHandle::isAlive).forEach(ProcessHandle::destroyForcibly);
    }

    @Override
    public boolean isTerminated() {
        Optional<Process> process = process();
        return process.isPresent() ? !process.get().isAlive() : closeRequested;
    }

    private Optional<Process> process() {
        return processField == null ? Optional.empty()
                : Optional.ofNullable((Process) Members.read(processField, transport));
    }
}
