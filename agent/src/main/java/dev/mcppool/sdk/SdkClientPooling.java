package dev.mcppool.sdk;

import dev.mcppool.adapter.FacadeRegistry;
import dev.mcppool.bootstrap.McpPoolBridge;
import dev.mcppool.bootstrap.Redirected;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.PooledSession;
import dev.mcppool.pool.SessionCreator;
import dev.mcppool.pool.SessionPool;
import dev.mcppool.pool.PoolKey;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;

/**
 * Pools the official SDK's clients, sync and async. A client the application builds becomes a facade (if its settings
 * allow sharing); its requests run on a borrowed session and its {@code close()} returns that session.
 */
public final class SdkClientPooling implements McpPoolBridge.ClientHandler {

    private static final ThreadLocal<Boolean> BUILDING_POOLED_SESSION = ThreadLocal.withInitial(() -> false);

    private final SessionPool pool;
    private final FacadeRegistry<ClientFacade> facades = new FacadeRegistry<>(ClientFacade::abandoned);
    private final ClassValue<Optional<SdkBinding>> bindings = new ClassValue<>() {
        @Override
        protected Optional<SdkBinding> computeValue(Class<?> specClass) {
            if (specClass.getName().equals(SdkBinding.SPEC_CLASS)) {
                return SdkBinding.resolve(specClass);
            }
            try {
                // one binding per SDK copy: an AsyncSpec shares its SyncSpec's
                return get(Class.forName(SdkBinding.SPEC_CLASS, false, specClass.getClassLoader()));
            } catch (ClassNotFoundException | LinkageError e) {
                AgentLog.warn("mcp-pool: MCP SDK clients run unpooled: this SDK version is not supported (" + e + ")");
                return Optional.empty();
            }
        }
    };

    public SdkClientPooling(SessionPool pool) {
        this.pool = pool;
        pool.reclaimAbandonedLeasesWith(facades::reclaimCollected);
    }

    @Override
    public void clientBuilt(Object spec, Object client) {
        if (BUILDING_POOLED_SESSION.get()) {
            return;
        }
        try {
            Optional<SdkBinding> sdk = bindings.get(spec.getClass());
            if (sdk.isEmpty()) {
                return;
            }
            ClientCallbacks callbacks = ClientCallbacks.of(sdk.get(), spec);
            SpecKeys.Keying keying = SpecKeys.keyFor(sdk.get(), spec, callbacks);
            if (keying.key() == null) {
                AgentLog.infoOnce("mcp-pool: MCP clients with " + keying.unpooledReason()
                        + " run unpooled (sharing their sessions is not supported yet)");
                return;
            }
            if (!pool.settingsOf(keying.key()).enabled()) {
                AgentLog.infoOnce("mcp-pool: MCP clients of " + keying.key().label()
                        + " run unpooled: a server option sets enabled=false for it");
                return;
            }
            facades.register(client, new ClientFacade(this, sdk.get(), keying, spec, callbacks));
            if (!keying.completedOnCallersThread()) {
                offerTemplate(sdk.get(), keying.key(), spec, callbacks.shape());
            }
        } catch (RuntimeException | LinkageError e) {
            AgentLog.warnOnce("mcp-pool: an MCP client runs unpooled because the agent failed to inspect it: " + e);
        }
    }

    @Override
    public Redirected call(Object client, String methodName, String descriptor, Object[] arguments) {
        ClientFacade facade = facades.get(client);
        return facade == null ? null : facade.call(client, methodName, descriptor, arguments);
    }

    SessionPool pool() {
        return pool;
    }

    /**
     * Lets the pool start sessions like this client's on its own (for minIdle, now or once it is raised), if it has
     * none for {@code key} yet and the transport can be rebuilt.
     */
    private void offerTemplate(SdkBinding sdk, PoolKey key, Object spec, CallbackRouter.Shape callbacks) {
        if (pool.needsTemplate(key)) {
            registerTemplate(sdk, key, spec, callbacks);
        }
    }

    private void registerTemplate(SdkBinding sdk, PoolKey key, Object spec, CallbackRouter.Shape callbacks) {
        try {
            TransportSupport support = sdk.transportSupport(sdk.transportOf(spec)).orElseThrow();
            Optional<Callable<Object>> transports = support.recipe(sdk.transportOf(spec));
            if (transports.isEmpty()) {
                if (pool.settingsOf(key).minIdle() > 0) {
                    AgentLog.infoOnce("mcp-pool: minIdle is not kept for " + support.kind()
                            + " servers with this SDK version: its transports cannot be rebuilt");
                }
                return;
            }
            Map<String, Object> settings = SpecKeys.keyedSettings(sdk, spec);
            Callable<Object> newTransport = transports.get();
            pool.registerTemplate(key, new SessionCreator() {
                @Override
                public PooledSession create() throws Exception {
                    return createSession(sdk, newTransport.call(), settings, callbacks);
                }

                @Override
                public void start(PooledSession session) throws Exception {
                    sdk.initialize(((SdkSession) session).client());
                }
            });
        } catch (RuntimeException | LinkageError e) {
            AgentLog.warnOnce("mcp-pool: minIdle is not kept for " + key + " (" + e + ")");
        }
    }

    /**
     * Builds a real client on {@code transport} (so far unused) with {@code settings}, whose callbacks forward to
     * whichever client holds the session.
     */
    SdkSession createSession(SdkBinding sdk, Object transport, Map<String, Object> settings,
                             CallbackRouter.Shape callbacks) throws Exception {
        CallbackRouter router = new CallbackRouter(callbacks);
        Map<String, Object> sessionSettings = new LinkedHashMap<>(settings);
        sessionSettings.putAll(router.forwardingSettings(sdk.settingNames()));
        Object spec = sdk.newSpec(transport, sessionSettings);
        Object client;
        BUILDING_POOLED_SESSION.set(true);
        try {
            client = sdk.build(spec);
        } finally {
            BUILDING_POOLED_SESSION.set(false);
        }
        TransportSupport support = sdk.transportSupport(transport)
                .orElseThrow(() -> new IllegalStateException("no support for " + transport.getClass().getName()));
        support.prepareForPool(transport);
        return new SdkSession(sdk, support, transport, client, router);
    }
}
