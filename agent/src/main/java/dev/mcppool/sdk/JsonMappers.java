package dev.mcppool.sdk;

/**
 * A transport's JSON mapper as key text: by its class. The mapper writes every request the server reads, but
 * applications and frameworks build one per transport (SDK 0.14–0.17's documented {@code McpJsonMapper.createDefault()}
 * makes a new one on each call, Spring AI wraps a shared ObjectMapper anew): counted by instance, no two clients would
 * ever share. Two mappers of one class configured differently do share: the agent cannot read a mapper's settings.
 */
final class JsonMappers {

    private JsonMappers() {
    }

    static String identify(Object mapper) {
        return mapper == null ? "none" : "class:" + mapper.getClass().getName();
    }
}
