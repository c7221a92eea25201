package dev.mcppool.langchain4j;

import dev.mcppool.adapter.SupportVerdicts;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.field.FieldDescription;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Whether the copy of {@code langchain4j-mcp} in a class loader is one this agent knows ({@link SupportVerdicts}):
 * every setting of the client builder and of the known transports' builders is one the pool knows what to do with,
 * and the client has {@code checkHealth()} (from 1.0.0-beta3 on), which the pool's health checks use.
 */
final class Langchain4jSupportCheck {

    private static final List<String> REQUIRED_CLIENT_METHODS = List.of("checkHealth", "close", "listTools");

    private final SupportVerdicts verdicts =
            new SupportVerdicts("LangChain4j MCP client", Langchain4jSupportCheck::problem);

    AgentBuilder.RawMatcher supportedTypes(ElementMatcher<? super TypeDescription> types) {
        return verdicts.supportedTypes(types);
    }

    static Optional<String> problem(TypePool types) {
        TypePool.Resolution client = types.describe(Langchain4jBinding.CLIENT_CLASS);
        TypePool.Resolution builder = types.describe(Langchain4jBinding.BUILDER_CLASS);
        if (!client.isResolved() || !builder.isResolved()) {
            return Optional.of("its class files cannot be read through its class loader");
        }
        for (String method : REQUIRED_CLIENT_METHODS) {
            if (client.resolve().getDeclaredMethods().filter(m -> isPublicNamed(m, method)).isEmpty()) {
                return Optional.of("DefaultMcpClient has no " + method + "() (langchain4j-mcp before 1.0.0-beta3)");
            }
        }
        Optional<String> unknownSetting = unknownSetting(builder.resolve(), "DefaultMcpClient.Builder",
                ClientSettings::knows);
        if (unknownSetting.isPresent()) {
            return unknownSetting;
        }
        for (TransportKind kind : TransportKind.values()) {
            TypePool.Resolution transportBuilder = types.describe(kind.builderClass());
            if (transportBuilder.isResolved()) {
                unknownSetting = unknownSetting(transportBuilder.resolve(),
                        simpleName(kind.transportClass()) + ".Builder", kind::knows);
                if (unknownSetting.isPresent()) {
                    return unknownSetting;
                }
            }
        }
        return Optional.empty();
    }

    private static Optional<String> unknownSetting(TypeDescription builder, String shownName,
                                                   Predicate<String> known) {
        for (FieldDescription.InDefinedShape field : builder.getDeclaredFields()) {
            if (!field.isStatic() && !known.test(field.getName())) {
                return Optional.of(shownName + " has a setting '" + field.getName()
                        + "' that this agent version does not know");
            }
        }
        return Optional.empty();
    }

    private static boolean isPublicNamed(MethodDescription method, String name) {
        return method.isPublic() && method.getName().equals(name);
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
