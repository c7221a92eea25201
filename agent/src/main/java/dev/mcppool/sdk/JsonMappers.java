package dev.mcppool.sdk;

import dev.mcppool.adapter.Members;
import dev.mcppool.pool.InstanceIds;
import java.lang.reflect.Method;

/**
 * A transport's JSON mapper as key text. The mapper writes every request the server reads and reads every answer, and
 * a pooled session keeps the mapper of the transport that started it: so the SDK's shared default mapper counts as
 * {@code default}, and a mapper of the application's own by instance.
 */
final class JsonMappers {

    /** {@code McpJsonDefaults.getMapper()} (0.18 on) or {@code McpJsonMapper.getDefault()} (0.13–0.17); else null. */
    private final Method sdkDefault;

    JsonMappers(ClassLoader sdk) {
        Method defaults = staticMethod(sdk, "io.modelcontextprotocol.json.McpJsonDefaults", "getMapper");
        sdkDefault = defaults != null ? defaults
                : staticMethod(sdk, "io.modelcontextprotocol.json.McpJsonMapper", "getDefault");
    }

    private static Method staticMethod(ClassLoader sdk, String className, String name) {
        try {
            return Members.method(Class.forName(className, false, sdk), name);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }

    String identify(Object mapper) {
        if (mapper == null) {
            return "none";
        }
        if (sdkDefault == null) {
            // Before 0.13 the mapper was Jackson's ObjectMapper and the SDK's default a new one per transport: by
            // instance, no two clients would ever share; a configured ObjectMapper cannot be told from a default one
            // without reading Jackson's internals, so the mapper counts by class there.
            return "class:" + mapper.getClass().getName();
        }
        return mapper == sdkDefaultMapper() ? "default" : InstanceIds.of(mapper);
    }

    /** Asked each time: the SDK lets a framework (OSGi) replace its default mapper at run time. */
    private Object sdkDefaultMapper() {
        try {
            return Members.invoke(sdkDefault, null);
        } catch (Exception | LinkageError e) {
            return null; // no default mapper available: the transport's must be the application's own
        }
    }
}
