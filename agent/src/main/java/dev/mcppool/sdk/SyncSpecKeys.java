package dev.mcppool.sdk;

import dev.mcppool.pool.PoolKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * Decides from a {@code McpClient.SyncSpec} whether its client may share a session, and with which others: the pool
 * key is the transport's identity plus every client setting the server can observe.
 */
final class SyncSpecKeys {

    static final String LIBRARY = "mcp-java-sdk";

    /** Settings the server observes, or that change what the client does with answers: part of the key. */
    private static final Set<String> KEYED = Set.of("requestTimeout", "initializationTimeout", "capabilities",
            "clientInfo", "roots", "enableCallToolSchemaCaching", "applyElicitationDefaults", "jsonSchemaValidator");

    /** Callbacks the server triggers; a shared session would call the creator's, not the borrower's. */
    private static final Set<String> CALLBACK_LISTS = Set.of("toolsChangeConsumers", "resourcesChangeConsumers",
            "resourcesUpdateConsumers", "promptsChangeConsumers", "loggingConsumers", "progressConsumers",
            "elicitationCompleteConsumers");
    private static final Set<String> CALLBACKS = Set.of("samplingHandler", "elicitationHandler",
            "formElicitationHandler", "urlElicitationHandler");
    private static final String CONTEXT_PROVIDER = "contextProvider";

    /** A key, or the reason the client runs unpooled. */
    record Keying(PoolKey key, String unpooledReason) {
    }

    private SyncSpecKeys() {
    }

    static boolean knows(String settingName) {
        return KEYED.contains(settingName) || CALLBACK_LISTS.contains(settingName) || CALLBACKS.contains(settingName)
                || settingName.equals(CONTEXT_PROVIDER);
    }

    /** The settings of a poolable spec that a new spec needs to behave the same (callbacks are empty when poolable). */
    static Map<String, Object> keyedSettings(SdkBinding sdk, Object spec) {
        Map<String, Object> settings = new LinkedHashMap<>();
        sdk.settingsOf(spec).forEach((name, value) -> {
            if (KEYED.contains(name) && value != null) {
                settings.put(name, value instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value);
            }
        });
        return settings;
    }

    static Keying keyFor(SdkBinding sdk, Object spec) {
        Object transport = sdk.transportOf(spec);
        TransportSupport support = sdk.transportSupport(transport).orElse(null);
        if (support == null) {
            return unpooled("the transport " + transport.getClass().getName());
        }
        List<String> identity = new ArrayList<>();
        for (Map.Entry<String, Object> setting : sdk.settingsOf(spec).entrySet()) {
            String name = setting.getKey();
            Object value = setting.getValue();
            if (CALLBACK_LISTS.contains(name) && value instanceof Collection<?> consumers && !consumers.isEmpty()) {
                return unpooled("notification consumers (" + name + ")");
            }
            if (CALLBACKS.contains(name) && value != null) {
                return unpooled("a " + name);
            }
            if (name.equals(CONTEXT_PROVIDER) && value != null && !Members.isLambdaOf(value, sdk.specClass())) {
                return unpooled("a transport context provider");
            }
            if (KEYED.contains(name)) {
                identity.add(name + "=" + describe(value));
            }
        }
        TransportIdentity transportIdentity = support.identify(transport);
        if (!transportIdentity.poolable()) {
            return unpooled(transportIdentity.unpooledReason());
        }
        identity.addAll(transportIdentity.identity());
        return new Keying(new PoolKey(LIBRARY, support.kind(), transportIdentity.label(), identity), null);
    }

    private static String describe(Object value) {
        if (value instanceof Map<?, ?> map) {
            return new TreeMap<>(map).toString();
        }
        if (value == null || value instanceof Supplier<?>) {
            return String.valueOf(value);
        }
        String text = value.toString();
        // Objects without a value-based toString (validators) count by class: they are configuration, not per-request state.
        return text.startsWith(value.getClass().getName() + "@") ? value.getClass().getName() : text;
    }

    private static Keying unpooled(String reason) {
        return new Keying(null, reason);
    }
}
