package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import dev.mcppool.pool.CallbackIdentity;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The callbacks of one client the application built: the handlers and consumers the server can trigger, and the
 * transport context provider. A pooled session calls them through a {@link CallbackRouter}, so they are the current
 * borrower's, never the creator's. An async client's callbacks answer with Monos, which are awaited here: the pooled
 * session calls its callbacks on threads that may block.
 */
final class ClientCallbacks {

    /** Notification consumers (lists in {@code McpClient.SyncSpec}); they do not change what the server sees. */
    private static final Set<String> CONSUMER_LISTS = Set.of("toolsChangeConsumers", "resourcesChangeConsumers",
            "resourcesUpdateConsumers", "promptsChangeConsumers", "loggingConsumers", "progressConsumers",
            "elicitationCompleteConsumers");
    /** Request handlers; whether each is set decides the capabilities the client announces, so that is keyed. */
    private static final Set<String> HANDLERS = Set.of("samplingHandler", "elicitationHandler",
            "formElicitationHandler", "urlElicitationHandler");
    private static final String CONTEXT_PROVIDER = "contextProvider";

    private final Map<String, List<Object>> consumers;
    private final Map<String, Function<Object, Object>> handlers;
    private final Supplier<Object> contextProvider;
    /** The Reactor to await the callbacks' Monos with, for an async client; null for a sync client. */
    private final Reactor reactive;

    private ClientCallbacks(Map<String, List<Object>> consumers, Map<String, Function<Object, Object>> handlers,
                            Supplier<Object> contextProvider, Reactor reactive) {
        this.consumers = consumers;
        this.handlers = handlers;
        this.contextProvider = contextProvider;
        this.reactive = reactive;
    }

    static boolean isCallback(String settingName) {
        return CONSUMER_LISTS.contains(settingName) || HANDLERS.contains(settingName)
                || settingName.equals(CONTEXT_PROVIDER);
    }

    /** The callbacks set on {@code spec}; the SDK's own default context provider counts as none. */
    @SuppressWarnings("unchecked")
    static ClientCallbacks of(SdkBinding sdk, Object spec) {
        // most clients set no callbacks at all, and one is built per request
        Map<String, List<Object>> consumers = Map.of();
        Map<String, Function<Object, Object>> handlers = Map.of();
        for (String name : CONSUMER_LISTS) {
            if (sdk.setting(spec, name) instanceof List<?> list && !list.isEmpty()) {
                consumers = consumers.isEmpty() ? new HashMap<>() : consumers;
                consumers.put(name, List.copyOf(list));
            }
        }
        for (String name : HANDLERS) {
            Object handler = sdk.setting(spec, name);
            if (handler != null) {
                handlers = handlers.isEmpty() ? new HashMap<>() : handlers;
                handlers.put(name, (Function<Object, Object>) handler);
            }
        }
        Object provider = sdk.setting(spec, CONTEXT_PROVIDER);
        Supplier<Object> contextProvider = provider == null || Members.isLambdaOf(provider, sdk.specClass()) ? null
                : (Supplier<Object>) provider;
        return new ClientCallbacks(consumers, handlers, contextProvider, sdk.isReactive(spec) ? sdk.reactor() : null);
    }

    /**
     * The key parts: which handlers are set (the server sees them as capabilities) and what the context provider
     * computes (it may carry the caller's credentials to the transport). Consumers only listen and are not keyed.
     */
    List<String> identity() {
        List<String> identity = new ArrayList<>();
        identity.add("handlers=" + new TreeSet<>(handlers.keySet()));
        identity.add("contextProvider=" + (contextProvider == null ? "default" : CallbackIdentity.of(contextProvider)));
        return identity;
    }

    /** What a pooled session built for this client needs to route callbacks; it keeps none of the consumers alive. */
    CallbackRouter.Shape shape() {
        return new CallbackRouter.Shape(Set.copyOf(handlers.keySet()), contextProvider);
    }

    /** Hands a notification to every consumer of this kind; one failing does not keep the others from it. */
    @SuppressWarnings("unchecked")
    void deliver(String consumerList, Object notification) {
        RuntimeException failure = null;
        for (Object consumer : consumers.getOrDefault(consumerList, List.of())) {
            try {
                if (reactive != null) {
                    reactive.block(((Function<Object, Object>) consumer).apply(notification));
                } else {
                    ((Consumer<Object>) consumer).accept(notification);
                }
            } catch (RuntimeException e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }

    /** Runs the handler {@code name} (set, as the pool key guarantees) on {@code request}; answers its result. */
    Object handle(String name, Object request) {
        Object answer = handlers.get(name).apply(request);
        return reactive != null ? reactive.block(answer) : answer;
    }

    Supplier<Object> contextProvider() {
        return contextProvider;
    }

    /** The transport context this client's requests carry when made on this thread; null for the SDK's default. */
    Object contextOnThisThread() {
        return contextProvider == null ? null : contextProvider.get();
    }

    static Set<String> consumerLists() {
        return CONSUMER_LISTS;
    }
}
