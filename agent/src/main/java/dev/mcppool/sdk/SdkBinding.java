package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.PublicMethods;
import dev.mcppool.log.AgentLog;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Everything the agent touches in one copy of the official SDK (one class loader), resolved up front: if a member is
 * missing, or {@code McpClient.SyncSpec} has a setting this agent does not know, that SDK copy runs unpooled.
 */
final class SdkBinding {

    static final String SPEC_CLASS = "io.modelcontextprotocol.client.McpClient$SyncSpec";
    static final String ASYNC_SPEC_CLASS = "io.modelcontextprotocol.client.McpClient$AsyncSpec";
    static final String SYNC_CLIENT_CLASS = "io.modelcontextprotocol.client.McpSyncClient";
    static final String ASYNC_CLIENT_CLASS = "io.modelcontextprotocol.client.McpAsyncClient";
    static final String STREAMABLE_HTTP_BUILDER_CLASS =
            "io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport$Builder";
    static final String SSE_BUILDER_CLASS = "io.modelcontextprotocol.client.transport.HttpClientSseClientTransport$Builder";
    private static final String SCHEMA_CLASS = "io.modelcontextprotocol.spec.McpSchema";

    private final Class<?> specClass;
    private final Field specTransport;
    private final Map<String, Field> specSettings;
    private final Class<?> asyncSpecClass;
    private final Field asyncSpecTransport;
    private final Map<String, Field> asyncSpecSettings;
    private final Method build;
    private final Map<String, Method> syncMethods;
    private final Map<String, Method> asyncMethods;
    private final Method isInitialized;
    private final Method syncClose;
    private final Method initialize;
    private final Method currentInitializationResult;
    private final Field asyncDelegate;
    private final Method asyncPing;
    private final Method asyncCloseGracefully;
    private final Method monoBlock;
    private final Method withProvidedContext;
    private final Method syncUnsubscribe;
    private final Constructor<?> unsubscribeRequest;
    private final Method subscribeRequestUri;
    private final Method unsubscribeRequestUri;
    private final Class<?> mcpError;
    private final List<TransportSupport> transports;
    private final Method newSyncSpec;
    private final Reactor reactor;

    private SdkBinding(Class<?> specClass) throws ReflectiveOperationException {
        this.specClass = specClass;
        ClassLoader sdk = specClass.getClassLoader();
        specTransport = Members.field(specClass, "transport");
        specSettings = settingFields(specClass);
        asyncSpecClass = Class.forName(ASYNC_SPEC_CLASS, false, sdk);
        asyncSpecTransport = Members.field(asyncSpecClass, "transport");
        asyncSpecSettings = settingFields(asyncSpecClass);
        build = Members.method(specClass, "build");

        Class<?> syncClient = Class.forName(SYNC_CLIENT_CLASS, false, sdk);
        Class<?> asyncClient = Class.forName(ASYNC_CLIENT_CLASS, false, sdk);
        syncMethods = PublicMethods.declaredBy(syncClient);
        asyncMethods = PublicMethods.declaredBy(asyncClient);
        isInitialized = Members.method(syncClient, "isInitialized");
        syncClose = Members.method(syncClient, "close");
        initialize = Members.method(syncClient, "initialize");
        currentInitializationResult = optionalPublicMethod(syncClient, "getCurrentInitializationResult");
        asyncDelegate = Members.field(syncClient, "delegate");
        asyncPing = Members.method(asyncClient, "ping");
        asyncCloseGracefully = Members.method(asyncClient, "closeGracefully");
        monoBlock = Members.method(Class.forName("reactor.core.publisher.Mono", false, sdk), "block", Duration.class);
        withProvidedContext = optionalDeclaredMethod(syncClient, "withProvidedContext", monoBlock.getDeclaringClass());
        Class<?> subscribeRequestClass = Class.forName(SCHEMA_CLASS + "$SubscribeRequest", false, sdk);
        Class<?> unsubscribeRequestClass = Class.forName(SCHEMA_CLASS + "$UnsubscribeRequest", false, sdk);
        subscribeRequestUri = Members.method(subscribeRequestClass, "uri");
        unsubscribeRequestUri = Members.method(unsubscribeRequestClass, "uri");
        syncUnsubscribe = Members.method(syncClient, "unsubscribeResource", unsubscribeRequestClass);
        unsubscribeRequest = unsubscribeRequestClass.getConstructor(String.class);
        mcpError = Class.forName("io.modelcontextprotocol.spec.McpError", false, sdk);
        transports = availableTransports(sdk);
        newSyncSpec = Members.method(Class.forName("io.modelcontextprotocol.client.McpClient", false, sdk), "sync",
                Class.forName("io.modelcontextprotocol.spec.McpClientTransport", false, sdk));
        reactor = new Reactor(sdk);
    }

    private interface TransportSupportFactory {
        TransportSupport create(ClassLoader sdk) throws ReflectiveOperationException;
    }

    /** The transports this SDK copy has as the agent expects them; any other one leaves its clients unpooled. */
    private static List<TransportSupport> availableTransports(ClassLoader sdk) {
        Map<String, TransportSupportFactory> factories = new LinkedHashMap<>();
        factories.put("stdio", StdioTransportSupport::new);
        factories.put("Streamable HTTP", StreamableHttpTransportSupport::new);
        factories.put("SSE", SseTransportSupport::new);
        List<TransportSupport> available = new ArrayList<>();
        factories.forEach((name, factory) -> {
            try {
                available.add(factory.create(sdk));
            } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
                AgentLog.info("mcp-pool: MCP clients on the " + name + " transport run unpooled: this SDK version's"
                        + " transport is not supported (" + e + ")");
            }
        });
        return List.copyOf(available);
    }

    /** A spec's settings (all fields but the transport); one this agent does not know makes the SDK unsupported. */
    private static Map<String, Field> settingFields(Class<?> spec) {
        Map<String, Field> settings = new LinkedHashMap<>();
        for (Field field : spec.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers()) && !field.getName().equals("transport")) {
                if (!SpecKeys.knows(field.getName())) {
                    throw new UnsupportedSdkException(spec.getSimpleName() + " has a setting '" + field.getName()
                            + "' that this agent version does not know");
                }
                field.setAccessible(true);
                settings.put(field.getName(), field);
            }
        }
        return settings;
    }

    /** The binding for the SDK that defined {@code specClass}, or empty (logged once) if this SDK is not supported. */
    static Optional<SdkBinding> resolve(Class<?> specClass) {
        try {
            return Optional.of(new SdkBinding(specClass));
        } catch (UnsupportedSdkException e) {
            AgentLog.warn("mcp-pool: MCP SDK clients run unpooled: " + e.getMessage());
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warn("mcp-pool: MCP SDK clients run unpooled: this SDK version is not supported (" + e + ")");
        }
        return Optional.empty();
    }

    /** Whether {@code spec} is an {@code AsyncSpec}: its client's requests return Monos and its callbacks do too. */
    boolean isReactive(Object spec) {
        return spec.getClass() == asyncSpecClass;
    }

    Object transportOf(Object spec) {
        return Members.read(isReactive(spec) ? asyncSpecTransport : specTransport, spec);
    }

    /**
     * One setting of a {@code SyncSpec} or {@code AsyncSpec} (both use the same names for the same settings), or null
     * if it is not set or this SDK version has no such setting.
     */
    Object setting(Object spec, String name) {
        Field field = settingFieldsOf(spec).get(name);
        return field == null ? null : Members.read(field, spec);
    }

    private Map<String, Field> settingFieldsOf(Object spec) {
        return isReactive(spec) ? asyncSpecSettings : specSettings;
    }

    /** A new {@code McpClient.SyncSpec} on {@code transport} with the given settings (as read by {@link #setting}). */
    Object newSpec(Object transport, Map<String, Object> settings) throws Exception {
        Object spec = Members.invoke(newSyncSpec, null, transport);
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            Field field = specSettings.get(setting.getKey());
            if (setting.getValue() instanceof Map<?, ?> values) {
                @SuppressWarnings("unchecked")
                Map<Object, Object> target = (Map<Object, Object>) Members.read(field, spec);
                target.putAll(values);
            } else if (setting.getValue() instanceof List<?> values) {
                @SuppressWarnings("unchecked")
                List<Object> target = (List<Object>) Members.read(field, spec);
                target.addAll(values);
            } else {
                Members.write(field, spec, setting.getValue());
            }
        }
        return spec;
    }

    Set<String> settingNames() {
        return specSettings.keySet();
    }

    void initialize(Object syncClient) throws Exception {
        Members.invoke(initialize, syncClient);
    }

    /**
     * What {@code initialize()} answers on a client that is initialized already (from SDK 0.11 on, the result it keeps;
     * null before 0.11 or when {@code syncClient} is not initialized): the answer without Reactor's round.
     */
    Object currentInitializationResult(Object syncClient) {
        return currentInitializationResult == null ? null
                : Members.invokeUnchecked(currentInitializationResult, syncClient);
    }

    Class<?> specClass() {
        return specClass;
    }

    Optional<TransportSupport> transportSupport(Object transport) {
        for (TransportSupport support : transports) {
            if (support.handles(transport)) {
                return Optional.of(support);
            }
        }
        return Optional.empty();
    }

    /** Runs the real {@code SyncSpec.build()}; the caller must keep the agent from treating the result as a facade. */
    Object build(Object spec) throws Exception {
        return Members.invoke(build, spec);
    }

    Method syncMethod(String name, String descriptor) {
        return syncMethods.get(name + descriptor);
    }

    Method asyncMethod(String name, String descriptor) {
        return asyncMethods.get(name + descriptor);
    }

    /** The {@code McpAsyncClient} a {@code McpSyncClient} runs on. */
    Object asyncClientOf(Object syncClient) {
        return Members.read(asyncDelegate, syncClient);
    }

    Reactor reactor() {
        return reactor;
    }

    boolean isInitialized(Object syncClient) {
        return (Boolean) Members.invokeUnchecked(isInitialized, syncClient);
    }

    void closeInBackground(Object syncClient) {
        Members.invokeUnchecked(syncClose, syncClient);
    }

    /** Pings the server and waits at most {@code timeout}; the client's own request timeout would be far longer. */
    void ping(Object syncClient, Duration timeout) throws Exception {
        block(syncClient, Members.invoke(asyncPing, Members.read(asyncDelegate, syncClient)), timeout);
    }

    void closeGracefully(Object syncClient, Duration timeout) throws Exception {
        block(syncClient, Members.invoke(asyncCloseGracefully, Members.read(asyncDelegate, syncClient)), timeout);
    }

    /** Waits for a request of the async client, sent with the sync client's transport context as its own are. */
    private void block(Object syncClient, Object mono, Duration timeout) throws Exception {
        Object withContext = withProvidedContext == null ? mono : Members.invoke(withProvidedContext, syncClient, mono);
        Members.invoke(monoBlock, withContext, timeout);
    }

    /** The resource URI of a {@code SubscribeRequest} or {@code UnsubscribeRequest}. */
    String resourceUri(Object request) {
        Method uri = subscribeRequestUri.getDeclaringClass().isInstance(request) ? subscribeRequestUri
                : unsubscribeRequestUri;
        return (String) Members.invokeUnchecked(uri, request);
    }

    void unsubscribe(Object syncClient, String uri) throws Exception {
        Members.invoke(syncUnsubscribe, syncClient, unsubscribeRequest.newInstance(uri));
    }

    /** An error the server answered (a JSON-RPC error), as opposed to a failure of the session itself. */
    boolean isServerError(Throwable failure) {
        return mcpError.isInstance(failure);
    }

    /**
     * The client refused the request itself, from the server capabilities it keeps since its initialize ("Server does
     * not provide tools capability", SDK 0.11 to 2.1): nothing was sent.
     */
    boolean isCapabilityRefusal(Throwable failure) {
        return failure instanceof IllegalStateException && failure.getMessage() != null
                && failure.getMessage().startsWith("Server does not provide");
    }

    private static Method optionalPublicMethod(Class<?> type, String name) {
        try {
            return Members.method(type, name);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Method optionalDeclaredMethod(Class<?> type, String name, Class<?>... parameterTypes) {
        try {
            Method method = type.getDeclaredMethod(name, parameterTypes);
            method.setAccessible(true);
            return method;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    static final class UnsupportedSdkException extends RuntimeException {
        UnsupportedSdkException(String message) {
            super(message);
        }
    }
}
