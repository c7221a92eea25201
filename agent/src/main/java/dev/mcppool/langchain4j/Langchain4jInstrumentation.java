package dev.mcppool.langchain4j;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.namedOneOf;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.mcppool.adapter.PooledOutcome;
import dev.mcppool.bootstrap.McpPoolBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where LangChain4j's MCP client meets the pool. {@code DefaultMcpClient} connects inside its constructor, so:
 * <ul>
 *   <li>each transport builder's {@code build()} hands its settings to {@link Langchain4jPooling#transportBuilt}, so
 *   that the pool can build equal transports for its own sessions;</li>
 *   <li>{@code DefaultMcpClient.Builder.build()} first asks {@link Langchain4jPooling#build}, which answers with a
 *   pooled client (a facade on a borrowed session) instead of connecting;</li>
 *   <li>every public method of {@code DefaultMcpClient} first asks {@link Langchain4jPooling#call}: a facade runs it
 *   on its session, and its {@code close()} returns the session ({@link PooledClient}).</li>
 * </ul>
 * Only a LangChain4j copy that {@link Langchain4jSupportCheck} knows is instrumented.
 */
public final class Langchain4jInstrumentation {

    private Langchain4jInstrumentation() {
    }

    public static AgentBuilder instrument(AgentBuilder agentBuilder) {
        Langchain4jSupportCheck supported = new Langchain4jSupportCheck();
        return agentBuilder
                .type(supported.supportedTypes(namedOneOf(TransportKind.builderClassNames())))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder.visit(
                        Advice.to(TransportBuiltAdvice.class).on(named("build").and(takesArguments(0)))))
                .type(supported.supportedTypes(named(Langchain4jBinding.BUILDER_CLASS)))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder.visit(
                        Advice.to(BuildPooledClient.class, PooledOutcome.ReturnIt.class)
                                .on(named("build").and(takesArguments(0)))))
                .type(supported.supportedTypes(named(Langchain4jBinding.CLIENT_CLASS)))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder
                        .visit(Advice.to(RedirectToPooledClient.class, PooledOutcome.ReturnIt.class)
                                .on(publicInstanceMethods().and(not(returns(void.class)))))
                        .visit(Advice.to(RedirectToPooledClient.class, PooledOutcome.ThrowIt.class)
                                .on(publicInstanceMethods().and(returns(void.class)))));
    }

    private static ElementMatcher.Junction<MethodDescription> publicInstanceMethods() {
        return isMethod().and(isPublic()).and(not(isStatic()));
    }

    public static final class TransportBuiltAdvice {
        private TransportBuiltAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object transportBuilder, @Advice.Return Object transport) {
            McpPoolBridge.langchain4jTransportBuilt(transportBuilder, transport);
        }
    }

    /** A non-null answer skips the library's {@code build()}, and so its connect. */
    public static final class BuildPooledClient {
        private BuildPooledClient() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        public static Object onEnter(@Advice.This Object clientBuilder) {
            return McpPoolBridge.langchain4jBuild(clientBuilder);
        }
    }

    public static final class RedirectToPooledClient {
        private RedirectToPooledClient() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        public static Object onEnter(@Advice.This Object client, @Advice.Origin("#m") String name,
                                     @Advice.Origin("#d") String descriptor, @Advice.AllArguments Object[] arguments) {
            return McpPoolBridge.langchain4jCall(client, name, descriptor, arguments);
        }
    }
}
