package dev.mcppool.agent;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;

import dev.mcppool.adapter.SharedHttpClients;
import dev.mcppool.bootstrap.McpPoolBridge;
import dev.mcppool.config.PoolOptions;
import dev.mcppool.config.PoolSettings;
import dev.mcppool.jfr.JfrPoolEvents;
import dev.mcppool.jmx.PoolMonitor;
import dev.mcppool.langchain4j.Langchain4jInstrumentation;
import dev.mcppool.langchain4j.Langchain4jPooling;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.pool.SessionPool;
import dev.mcppool.sdk.SdkInstrumentation;
import dev.mcppool.sdk.SdkClientPooling;
import java.lang.instrument.Instrumentation;
import java.net.http.HttpClient;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.DynamicType;
import net.bytebuddy.utility.JavaModule;

/** Reads the options, creates the pool, its MBean and shutdown hook, and instruments the MCP client libraries. */
final class AgentInstaller {

    private AgentInstaller() {
    }

    /** Installs the instrumentation now, retransforming client classes already loaded (attach to a running JVM). */
    static void installNow(String options, Instrumentation instrumentation) {
        prepare(options, instrumentation).ifPresent(prepared -> {
            withByteBuddySafeMode(() -> prepared.agentBuilder().installOn(instrumentation));
            AgentLog.info(prepared.activeMessage());
        });
    }

    /** Puts the instrumentation behind {@code gate}, through which every class loaded from now on passes. */
    static void installBehind(DeferredTransformer gate, String options, Instrumentation instrumentation) {
        prepare(options, instrumentation).ifPresent(prepared -> {
            gate.ready(withByteBuddySafeMode(prepared.agentBuilder()::makeRaw));
            AgentLog.info(prepared.activeMessage());
            withByteBuddySafeMode(() -> {
                StartWarmup.run(prepared.events());
                return null;
            });
        });
    }

    /** The instrumentation, the line that says the agent is active once it is in place, and the pool's events. */
    private record Prepared(AgentBuilder agentBuilder, String activeMessage, PoolEvents events) {
    }

    /**
     * Reads the options, creates the pool, its MBean and shutdown hook, and describes the instrumentation; empty when
     * pooling is turned off.
     */
    private static Optional<Prepared> prepare(String options, Instrumentation instrumentation) {
        PoolOptions.Resolution resolution = PoolOptions.resolve(options, systemProperties(), System.getenv());
        resolution.problems().forEach(AgentLog::warn);
        PoolSettings settings = resolution.settings();
        if (!settings.enabled()) {
            if (resolution.problems().isEmpty()) {
                AgentLog.info("mcp-pool: pooling is turned off (enabled=false); MCP clients run unpooled");
            }
            return Optional.empty();
        }

        String version = version();
        PoolEvents events = events();
        SessionPool pool = new SessionPool(settings, resolution.serverRules(), events);
        try {
            Runtime.getRuntime().addShutdownHook(new Thread(pool::close, "mcp-pool-shutdown"));
        } catch (IllegalStateException jvmEnding) {
            // the application ended before the agent (starting on its own thread) was ready: nothing to pool
            pool.close();
            return Optional.empty();
        }
        if (settings.jmx()) {
            new PoolMonitor(pool, version).registerInBackground();
        }
        McpPoolBridge.install(new SdkClientPooling(pool));
        McpPoolBridge.install(new Langchain4jPooling(pool));
        SharedHttpClients.install(instrumentation);
        McpPoolBridge.installHttpClients(builder -> SharedHttpClients.sharing((HttpClient.Builder) builder));
        return Optional.of(new Prepared(withByteBuddySafeMode(AgentInstaller::agentBuilder),
                "mcp-pool " + version + " active: " + settings
                        + (resolution.serverRules().isEmpty() ? "" : "; per server: " + resolution.serverRules()),
                events));
    }

    private static AgentBuilder agentBuilder() {
        AgentBuilder agentBuilder = new AgentBuilder.Default()
                .with(AgentBuilder.InitializationStrategy.NoOp.INSTANCE)
                // the advice only adds code to existing methods: no need to rebuild the type's method graph
                .with(AgentBuilder.TypeStrategy.Default.DECORATE)
                .with(AgentBuilder.DescriptionStrategy.Default.POOL_ONLY)
                .disableClassFormatChanges()
                .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                .with(new FailureListener())
                .ignore(nameStartsWith("dev.mcppool.").or(nameStartsWith("java.")).or(nameStartsWith("jdk.")));
        return Langchain4jInstrumentation.instrument(SdkInstrumentation.instrument(agentBuilder));
    }

    /**
     * Byte Buddy's safe mode keeps it from probing {@code sun.misc.Unsafe} (which JDK 24+ reports on stderr); the
     * advice is inlined and needs none of the class injection that safe mode turns off. The shaded jar relocates the
     * property name along with Byte Buddy, so the application's own Byte Buddy is not affected.
     */
    private static <T> T withByteBuddySafeMode(Supplier<T> action) {
        String safeModeProperty = "net.bytebuddy.safe";
        String previous = System.getProperty(safeModeProperty);
        System.setProperty(safeModeProperty, "true");
        try {
            return action.get();
        } finally {
            if (previous == null) {
                System.clearProperty(safeModeProperty);
            } else {
                System.setProperty(safeModeProperty, previous);
            }
        }
    }

    /** JFR events where the runtime has Flight Recorder (a jlink image may not); none otherwise. */
    private static PoolEvents events() {
        if (ModuleLayer.boot().findModule("jdk.jfr").isPresent()) {
            return new JfrPoolEvents();
        }
        AgentLog.info("mcp-pool: this Java runtime has no jdk.jfr module; the pool records no JFR events");
        return PoolEvents.NONE;
    }

    private static Map<String, String> systemProperties() {
        Map<String, String> properties = new HashMap<>();
        System.getProperties().forEach((name, value) -> properties.put(String.valueOf(name), String.valueOf(value)));
        return properties;
    }

    private static String version() {
        String version = AgentInstaller.class.getPackage().getImplementationVersion();
        return version == null ? "development" : version;
    }

    /** A class that cannot be instrumented runs unchanged; say so once. */
    private static final class FailureListener extends AgentBuilder.Listener.Adapter {
        @Override
        public void onError(String typeName, ClassLoader classLoader, JavaModule module, boolean loaded,
                            Throwable throwable) {
            AgentLog.warnOnce("mcp-pool: could not instrument " + typeName + " (" + throwable
                    + "); its clients run unpooled");
        }

        @Override
        public void onTransformation(TypeDescription type, ClassLoader classLoader, JavaModule module, boolean loaded,
                                     DynamicType dynamicType) {
            AgentLog.debug("mcp-pool: instrumented " + type.getName());
        }
    }
}
