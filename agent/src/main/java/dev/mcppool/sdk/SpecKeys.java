package dev.mcppool.sdk;

import dev.mcppool.adapter.TransportIdentity;
import dev.mcppool.pool.InstanceIds;
import dev.mcppool.pool.PoolKey;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Decides from a {@code McpClient.SyncSpec} whether its client may share a session, and with which others: the pool
 * key is the transport's identity plus every client setting the server can observe.
 */
final class SpecKeys {

    static final String LIBRARY = "mcp-java-sdk";

    /** How long a request customizer may take when the client sets no request timeout (the SDK's default). */
    private static final Duration CUSTOMIZER_TIMEOUT = Duration.ofSeconds(20);

    /** Settings the server observes, or that change what the client does with answers: part of the key. */
    private static final List<String> KEYED = List.of("requestTimeout", "initializationTimeout", "capabilities",
            "clientInfo", "roots", "enableCallToolSchemaCaching", "applyElicitationDefaults", "jsonSchemaValidator");

    /**
     * A key, or the reason the client runs unpooled. {@code completedOnCallersThread}: the key still lacks what the
     * client's request customizer makes on the thread that uses it ({@link #completedOnCallersThread}).
     */
    record Keying(PoolKey key, String unpooledReason, boolean completedOnCallersThread) {
    }

    private SpecKeys() {
    }

    static boolean knows(String settingName) {
        return KEYED.contains(settingName) || ClientCallbacks.isCallback(settingName);
    }

    /** The settings of a spec that a new spec needs to behave the same, callbacks aside (those are routed). */
    static Map<String, Object> keyedSettings(SdkBinding sdk, Object spec) {
        Map<String, Object> settings = new LinkedHashMap<>();
        for (String name : KEYED) {
            Object value = sdk.setting(spec, name);
            if (value != null) {
                settings.put(name, value instanceof Map<?, ?> map ? new LinkedHashMap<>(map) : value);
            }
        }
        return settings;
    }

    static Keying keyFor(SdkBinding sdk, Object spec, ClientCallbacks callbacks) {
        Object transport = sdk.transportOf(spec);
        TransportSupport support = sdk.transportSupport(transport).orElse(null);
        if (support == null) {
            return unpooled("the transport " + transport.getClass().getName());
        }
        if (sdk.isReactive(spec) && support.customizesRequests(transport)) {
            return unpooled("an async client whose HTTP requests a customizer shapes (what it adds may come from the"
                    + " subscriber's Reactor context, which cannot be part of a key)");
        }
        TransportIdentity transportIdentity = support.identify(transport);
        if (!transportIdentity.poolable()) {
            return unpooled(transportIdentity.unpooledReason());
        }
        StringBuilder settings = new StringBuilder(256);
        for (String setting : KEYED) {
            settings.append(setting).append('=');
            KeyText.appendSetting(settings, sdk.setting(spec, setting));
            settings.append('\n');
        }
        List<String> identity = new ArrayList<>(8);
        // two copies of the SDK (two web applications) never share: a session works only with its own classes
        identity.add("sdk=" + InstanceIds.of(sdk.specClass().getClassLoader()));
        identity.add(settings.toString());
        identity.addAll(callbacks.identity());
        identity.addAll(transportIdentity.identity());
        return new Keying(new PoolKey(LIBRARY, support.kind(), transportIdentity.server(),
                transportIdentity.label(), identity), null, support.customizesRequests(transport));
    }

    /**
     * {@code key} with what the client's request customizer puts on the wire when run now, on the thread about to
     * use the client, with the transport context its provider gives this thread ({@code context}): a customizer that
     * reads the caller's credentials (from that context or a thread-local) holds nothing a key could see. The SDK runs
     * a sync client's customizer on the thread that makes the request, with that thread's context.
     */
    static PoolKey completedOnCallersThread(SdkBinding sdk, Object spec, PoolKey key, Object context)
            throws Exception {
        Object transport = sdk.transportOf(spec);
        TransportSupport support = sdk.transportSupport(transport).orElseThrow();
        Duration timeout = sdk.setting(spec, "requestTimeout") instanceof Duration set ? set : CUSTOMIZER_TIMEOUT;
        return key.with(support.customizedRequest(transport, context,
                (publisher, contextKey, contextValue) -> sdk.reactor().awaitFirst(publisher, timeout, contextKey,
                        contextValue)));
    }

    private static Keying unpooled(String reason) {
        return new Keying(null, reason, false);
    }
}
