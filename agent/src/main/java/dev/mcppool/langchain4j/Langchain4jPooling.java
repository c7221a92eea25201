package dev.mcppool.langchain4j;

import dev.mcppool.adapter.FacadeRegistry;
import dev.mcppool.adapter.UnkeyableCallbackException;
import dev.mcppool.bootstrap.McpPoolBridge;
import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.Lease;
import dev.mcppool.pool.LeaseEnd;
import dev.mcppool.pool.PoolExhaustedException;
import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.PooledSession;
import dev.mcppool.pool.ServerUnavailableException;
import dev.mcppool.pool.SessionCreator;
import dev.mcppool.pool.SessionPool;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.WeakHashMap;

/**
 * Pools LangChain4j's {@code DefaultMcpClient}s. {@code build()} borrows a connected session and hands the application
 * a facade client on it ({@link PooledClient}); the facade's {@code close()} returns the session. Sessions are built
 * by the pool itself, from the application's settings, on transports equal to the application's.
 */
public final class Langchain4jPooling implements McpPoolBridge.Langchain4jHandler {

    private static final ThreadLocal<Boolean> BUILDING_POOLED_SESSION = ThreadLocal.withInitial(() -> false);

    private final SessionPool pool;
    private final PoolThreads threads = new PoolThreads();
    private final FacadeRegistry<PooledClient> facades = new FacadeRegistry<>(PooledClient::abandoned);
    private final Map<Object, TransportRecipe> recipes = Collections.synchronizedMap(new WeakHashMap<>());
    private final ClassValue<Optional<Langchain4jBinding>> bindings = new ClassValue<>() {
        @Override
        protected Optional<Langchain4jBinding> computeValue(Class<?> builderClass) {
            return builderClass.getName().equals(Langchain4jBinding.BUILDER_CLASS)
                    ? Langchain4jBinding.resolve(builderClass) : Optional.empty();
        }
    };

    public Langchain4jPooling(SessionPool pool) {
        this.pool = pool;
        pool.reclaimAbandonedLeasesWith(facades::reclaimCollected);
    }

    @Override
    public void transportBuilt(Object transportBuilder, Object transport) {
        if (BUILDING_POOLED_SESSION.get() || transport == null) {
            return;
        }
        try {
            Optional<TransportKind> kind = TransportKind.ofBuilder(transportBuilder.getClass());
            if (kind.isPresent()) {
                recipes.put(transport, TransportRecipe.of(kind.get(), transportBuilder));
            }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warnOnce("mcp-pool: a LangChain4j MCP transport's settings could not be read (" + e
                    + "); its clients run unpooled");
        }
    }

    @Override
    public Redirected build(Object clientBuilder) {
        if (BUILDING_POOLED_SESSION.get()) {
            return null;
        }
        PoolKey key = null;
        try {
            Langchain4jBinding binding = bindings.get(clientBuilder.getClass()).orElse(null);
            if (binding == null) {
                return null;
            }
            Map<String, Object> settings = binding.settingsOf(clientBuilder);
            TransportRecipe transport = recipes.get(settings.get(ClientSettings.TRANSPORT));
            if (transport == null) {
                if (settings.get(ClientSettings.TRANSPORT) != null) {
                    AgentLog.infoOnce("mcp-pool: LangChain4j MCP clients run unpooled when their transport was not"
                            + " made by its builder while the agent was active (e.g. built before it attached)");
                }
                return null;
            }
            // the library connects in build(): this thread is the one whose credentials open the session
            transport = transport.seenOnThisThread();
            ClientKeys.Keying keying = ClientKeys.keyFor(transport, settings, clientBuilder.getClass().getClassLoader());
            key = keying.key();
            if (key == null) {
                AgentLog.infoOnce("mcp-pool: LangChain4j MCP clients with " + keying.unpooledReason()
                        + " run unpooled");
                return null;
            }
            if (!pool.settingsOf(key).enabled()) {
                AgentLog.infoOnce("mcp-pool: LangChain4j MCP clients of " + key.label()
                        + " run unpooled: a server option sets enabled=false for it");
                return null;
            }
            return Redirected.value(lend(binding, key, transport, settings));
        } catch (UnkeyableCallbackException e) {
            AgentLog.infoOnce("mcp-pool: a LangChain4j MCP client runs unpooled: " + e.getMessage());
            return null;
        } catch (PoolExhaustedException | ServerUnavailableException e) {
            return Redirected.failure(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            // as the library's own build() reports an interrupted connect
            return Redirected.failure(new RuntimeException(e));
        } catch (Throwable e) {
            Throwable libraryFailure = ConnectFailure.libraryFailureIn(e);
            if (libraryFailure != null) {
                return Redirected.failure(libraryFailure);
            }
            AgentLog.warnOnce("mcp-pool: a LangChain4j MCP client" + (key == null ? "" : " for " + key)
                    + " runs unpooled because the agent failed to pool it: " + e);
            return null;
        }
    }

    private Object lend(Langchain4jBinding binding, PoolKey key, TransportRecipe transport,
                        Map<String, Object> settings) throws Exception {
        if (pool.needsTemplate(key)) {
            pool.registerTemplate(key, () -> newSession(binding, transport, settings, false));
        }
        Lease lease = pool.borrow(key, () -> newSession(binding, transport, settings, true));
        try {
            lease.requestFinished();
            Langchain4jSession session = (Langchain4jSession) lease.session();
            Object facade = binding.newFacade();
            session.callbacks().routeTo(facade, settings);
            Object clientKey = settings.get(ClientSettings.CLIENT_KEY);
            facades.register(facade, new PooledClient(binding, key,
                    clientKey != null ? (String) clientKey : UUID.randomUUID().toString(), lease));
            return facade;
        } catch (RuntimeException | ReflectiveOperationException | Error e) {
            lease.release(LeaseEnd.CLEAN);
            throw e;
        }
    }

    /**
     * Connects a new session like the application's client: equal settings, an equal new transport, callbacks that
     * forward to the borrower's, and no health-check thread of its own (the pool checks its sessions). A session
     * started for a borrower tells that borrower's callbacks about its start, as the library would; one the pool
     * starts on its own (minIdle) tells nobody.
     */
    private PooledSession newSession(Langchain4jBinding binding, TransportRecipe recipe, Map<String, Object> settings,
                                     boolean forBorrower) throws Exception {
        CallbackRoutes callbacks = new CallbackRoutes();
        if (forBorrower) {
            callbacks.routeTo(null, settings);
        }
        Map<String, Object> sessionSettings = new LinkedHashMap<>(settings);
        sessionSettings.putAll(callbacks.forwarders(settings, binding.builderFields()));
        if (binding.hasSetting(ClientSettings.AUTO_HEALTH_CHECK)) {
            sessionSettings.put(ClientSettings.AUTO_HEALTH_CHECK, Boolean.FALSE);
        }
        Object[] transport = new Object[1];
        Object client = threads.onDaemonThread(() -> {
            BUILDING_POOLED_SESSION.set(true);
            try {
                transport[0] = recipe.newTransport(threads, callbacks::lent);
                sessionSettings.put(ClientSettings.TRANSPORT, transport[0]);
                return binding.build(sessionSettings);
            } finally {
                BUILDING_POOLED_SESSION.remove();
            }
        }, abandoned -> closeQuietly(binding, abandoned));
        callbacks.unroute();
        return new Langchain4jSession(binding, threads, client, transport[0], callbacks);
    }

    private static void closeQuietly(Langchain4jBinding binding, Object client) {
        try {
            binding.close(client);
        } catch (Exception | LinkageError e) {
            AgentLog.debug("mcp-pool: closing an abandoned LangChain4j session failed: " + e);
        }
    }

    @Override
    public Redirected call(Object client, String methodName, String descriptor, Object[] arguments) {
        PooledClient facade = facades.get(client);
        return facade == null ? null : facade.call(methodName, descriptor, arguments);
    }
}
