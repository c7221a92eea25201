package dev.mcppool.sdk;

import dev.mcppool.adapter.SupportVerdicts;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/** Whether the copy of the official SDK in a class loader is one this agent knows ({@link SupportVerdicts}). */
final class SdkSupportCheck {

    private static final String CLIENT_PACKAGE = "io.modelcontextprotocol.client.";
    /** Connecting lazily (on the first request, not in {@code build()}) came with this class in SDK 0.11. */
    private static final String LAZY_CONNECT_CLASS = CLIENT_PACKAGE + "LifecycleInitializer";
    private static final Map<String, List<String>> REQUIRED_METHODS = Map.of(
            SdkBinding.SYNC_CLIENT_CLASS, List.of("isInitialized", "close", "initialize", "closeGracefully"),
            SdkBinding.ASYNC_CLIENT_CLASS, List.of("ping", "closeGracefully", "initialize"));

    private final SupportVerdicts verdicts = new SupportVerdicts("MCP Java SDK", SdkSupportCheck::problem);

    /** Matches the SDK classes named by {@code types}, and only in class loaders whose SDK passes the check. */
    AgentBuilder.RawMatcher supportedSdkTypes(ElementMatcher<? super TypeDescription> types) {
        return verdicts.supportedTypes(types);
    }

    /** What makes the SDK visible through {@code types} unsupported, if anything. */
    static Optional<String> problem(TypePool types) {
        if (!types.describe(SdkBinding.SPEC_CLASS).isResolved()) {
            return Optional.of("its class files cannot be read through its class loader");
        }
        TypePool.Resolution lazyConnect = types.describe(LAZY_CONNECT_CLASS);
        if (!lazyConnect.isResolved()) {
            return Optional.of("its clients connect inside build() (SDK 0.10 and older)");
        }
        for (String spec : List.of(SdkBinding.SPEC_CLASS, SdkBinding.ASYNC_SPEC_CLASS)) {
            TypePool.Resolution resolution = types.describe(spec);
            if (!resolution.isResolved()) {
                return Optional.of("it has no " + spec);
            }
            for (FieldDescription.InDefinedShape field : resolution.resolve().getDeclaredFields()) {
                if (!field.isStatic() && !field.getName().equals("transport") && !SpecKeys.knows(field.getName())) {
                    return Optional.of(simpleName(spec) + " has a setting '" + field.getName()
                            + "' that this agent version does not know");
                }
            }
        }
        for (Map.Entry<String, List<String>> client : REQUIRED_METHODS.entrySet()) {
            TypePool.Resolution resolution = types.describe(client.getKey());
            if (!resolution.isResolved()) {
                return Optional.of("it has no " + client.getKey());
            }
            TypeDescription type = resolution.resolve();
            for (String method : client.getValue()) {
                if (type.getDeclaredMethods().filter(m -> isPublicNamed(m, method)).isEmpty()) {
                    return Optional.of(simpleName(client.getKey()) + " has no method " + method + "()");
                }
            }
        }
        TypeDescription syncClient = types.describe(SdkBinding.SYNC_CLIENT_CLASS).resolve();
        if (syncClient.getDeclaredFields().filter(field -> field.getName().equals("delegate")).isEmpty()) {
            return Optional.of("McpSyncClient does not run on an McpAsyncClient ('delegate')");
        }
        return Optional.empty();
    }

    private static boolean isPublicNamed(MethodDescription method, String name) {
        return method.isPublic() && method.getName().equals(name);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1).replace('$', '.');
    }
}
