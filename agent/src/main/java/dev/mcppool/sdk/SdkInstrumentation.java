package dev.mcppool.sdk;

import static net.bytebuddy.matcher.ElementMatchers.isMethod;
import static net.bytebuddy.matcher.ElementMatchers.isPublic;
import static net.bytebuddy.matcher.ElementMatchers.isStatic;
import static net.bytebuddy.matcher.ElementMatchers.named;
import static net.bytebuddy.matcher.ElementMatchers.not;
import static net.bytebuddy.matcher.ElementMatchers.returns;
import static net.bytebuddy.matcher.ElementMatchers.takesArguments;

import dev.mcppool.adapter.PooledOutcome;
import dev.mcppool.bootstrap.McpPoolBridge;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.description.method.MethodDescription;
import net.bytebuddy.implementation.bytecode.assign.Assigner;
import net.bytebuddy.matcher.ElementMatcher;

/**
 * Where the official SDK's clients meet the pool:
 * <ul>
 *   <li>{@code McpClient.SyncSpec.build()} and {@code AsyncSpec.build()} return as usual (they connect nothing from SDK
 *   0.11 on); the built client is registered as a pooled facade ({@link SdkClientPooling#clientBuilt}).</li>
 *   <li>every public method of {@code McpSyncClient} and {@code McpAsyncClient} first asks
 *   {@link SdkClientPooling#call}: for a facade, requests run on a borrowed session and
 *   {@code close()}/{@code closeGracefully()} return it ({@link ClientFacade}).</li>
 *   <li>the HTTP transports' builders take their {@code HttpClient} from
 *   {@link dev.mcppool.adapter.SharedHttpClients} instead of building one per transport ({@link ShareHttpClient}).</li>
 * </ul>
 * An SDK copy is instrumented only if {@link SdkSupportCheck} finds it is one this agent knows. The advice is inlined
 * into the SDK's classes and calls only {@link McpPoolBridge}, which sits in the bootstrap class
 * loader and so is visible from any class loader the SDK lives in.
 */
public final class SdkInstrumentation {

    private SdkInstrumentation() {
    }

    public static AgentBuilder instrument(AgentBuilder agentBuilder) {
        SdkSupportCheck supportedSdk = new SdkSupportCheck();
        return agentBuilder
                .type(supportedSdk.supportedSdkTypes(
                        named(SdkBinding.SPEC_CLASS).or(named(SdkBinding.ASYNC_SPEC_CLASS))))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder.visit(
                        Advice.to(SpecBuildAdvice.class).on(named("build").and(takesArguments(0)))))
                .type(supportedSdk.supportedSdkTypes(
                        named(SdkBinding.SYNC_CLIENT_CLASS).or(named(SdkBinding.ASYNC_CLIENT_CLASS))))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder
                        .visit(Advice.to(RedirectToPooledSession.class, PooledOutcome.ReturnIt.class)
                                .on(publicInstanceMethods().and(not(returns(void.class)))))
                        .visit(Advice.to(RedirectToPooledSession.class, PooledOutcome.ThrowIt.class)
                                .on(publicInstanceMethods().and(returns(void.class)))))
                .type(supportedSdk.supportedSdkTypes(
                        named(SdkBinding.STREAMABLE_HTTP_BUILDER_CLASS).or(named(SdkBinding.SSE_BUILDER_CLASS))))
                .transform((builder, type, classLoader, module, protectionDomain) -> builder.visit(
                        Advice.to(ShareHttpClient.class).on(named("build").and(takesArguments(0)))));
    }

    private static ElementMatcher.Junction<MethodDescription> publicInstanceMethods() {
        return isMethod().and(isPublic()).and(not(isStatic()));
    }

    public static final class SpecBuildAdvice {
        private SpecBuildAdvice() {
        }

        @Advice.OnMethodExit(suppress = Throwable.class)
        public static void onExit(@Advice.This Object spec, @Advice.Return Object client) {
            McpPoolBridge.clientBuilt(spec, client);
        }
    }

    /**
     * While a transport builder builds, its {@code clientBuilder} field holds a builder whose {@code build()} returns a
     * shared HttpClient; settings it is given go to the application's builder, which the field holds again afterwards.
     */
    public static final class ShareHttpClient {
        private ShareHttpClient() {
        }

        @Advice.OnMethodEnter(suppress = Throwable.class)
        public static Object onEnter(@Advice.FieldValue(value = "clientBuilder", readOnly = false,
                typing = Assigner.Typing.DYNAMIC) Object clientBuilder) {
            Object applications = clientBuilder;
            clientBuilder = McpPoolBridge.sharingHttpClients(applications);
            return applications;
        }

        @Advice.OnMethodExit(onThrowable = Throwable.class, suppress = Throwable.class)
        public static void onExit(@Advice.Enter Object applications, @Advice.FieldValue(value = "clientBuilder",
                readOnly = false, typing = Assigner.Typing.DYNAMIC) Object clientBuilder) {
            if (applications != null) {
                clientBuilder = applications;
            }
        }
    }

    /** Asks the pool first; a non-null answer skips the SDK's own method body. */
    public static final class RedirectToPooledSession {
        private RedirectToPooledSession() {
        }

        @Advice.OnMethodEnter(skipOn = Advice.OnNonDefaultValue.class, suppress = Throwable.class)
        public static Object onEnter(@Advice.This Object client, @Advice.Origin("#m") String name,
                                     @Advice.Origin("#d") String descriptor, @Advice.AllArguments Object[] arguments) {
            return McpPoolBridge.clientCall(client, name, descriptor, arguments);
        }
    }
}
