package dev.mcppool.langchain4j;

import java.util.Set;

/** What the pool does with each setting of {@code DefaultMcpClient.Builder} (1.0.0-beta3 to 1.18). */
final class ClientSettings {

    static final String TRANSPORT = "transport";
    /** The client's own name for itself, answered by {@code key()}; the server never sees it. */
    static final String CLIENT_KEY = "key";
    static final String ROOTS = "roots";
    static final String AUTO_HEALTH_CHECK = "autoHealthCheck";
    static final String ON_RESOURCE_UPDATED = "onResourceUpdated";
    static final String LISTENERS = "listeners";

    /** Replaced by the pool's own health checks: pooled sessions do not each keep a health-check thread. */
    private static final Set<String> REPLACED_BY_POOL = Set.of(AUTO_HEALTH_CHECK, "autoHealthCheckInterval");

    /** Settings the server sees, or that change what the client does: equal values are needed to share a session. */
    private static final Set<String> KEYED = Set.of("clientName", "clientVersion", "protocolVersion", ROOTS,
            "initializationTimeout", "toolExecutionTimeout", "resourcesTimeout", "promptsTimeout", "pingTimeout",
            "toolExecutionTimeoutErrorMessage", "reconnectInterval", "cacheToolList", "cacheResourceList",
            "cachePromptList");

    /**
     * Callbacks bound to the client: a pooled session calls its current borrower's ({@link CallbackRoutes}). Only
     * whether each is set is part of the key (unset ones get the library's defaults).
     */
    static final Set<String> ROUTED = Set.of("logHandler", LISTENERS, "progressHandler", "metaSupplier",
            "toolResultExtractor", ON_RESOURCE_UPDATED);

    private ClientSettings() {
    }

    static boolean knows(String setting) {
        return setting.equals(TRANSPORT) || setting.equals(CLIENT_KEY) || REPLACED_BY_POOL.contains(setting)
                || KEYED.contains(setting) || ROUTED.contains(setting);
    }

    /** Whether the setting's value decides which sessions a client may share. */
    static boolean isKeyed(String setting) {
        return KEYED.contains(setting);
    }
}
