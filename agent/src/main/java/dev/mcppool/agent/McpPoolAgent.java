package dev.mcppool.agent;

import java.lang.instrument.Instrumentation;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Entry point of {@code -javaagent:mcp-pool.jar[=options]} and of {@code java -jar mcp-pool.jar attach <pid>}.
 * Whatever goes wrong here, the application starts normally, unpooled, with one log line saying why.
 */
public final class McpPoolAgent {

    /**
     * One agent per JVM: {@code -javaagent} and {@code java -jar mcp-pool.jar attach} both load this class from the
     * system class loader, so a second load (an attach to a JVM that has the agent) finds this set.
     */
    private static final AtomicBoolean STARTED = new AtomicBoolean();

    private McpPoolAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    private static void start(String options, Instrumentation instrumentation) {
        if (!STARTED.compareAndSet(false, true)) {
            System.getLogger("dev.mcppool").log(System.Logger.Level.INFO,
                    "mcp-pool: the agent is already active in this JVM; ignoring the second load");
            return;
        }
        try {
            // Must come first: nothing may load the bridge from this jar before it is in the bootstrap class loader.
            BootstrapClasses.inject(instrumentation);
            AgentInstaller.install(options, instrumentation);
        } catch (Throwable e) {
            System.getLogger("dev.mcppool").log(System.Logger.Level.WARNING,
                    "mcp-pool: the agent could not start (" + e + "); the application runs unpooled");
        }
    }
}
