package dev.mcppool.agent;

import java.lang.instrument.Instrumentation;

/**
 * Entry point of {@code -javaagent:mcp-pool.jar[=options]}. Whatever goes wrong here, the application starts
 * normally, unpooled, with one log line saying why.
 */
public final class McpPoolAgent {

    private McpPoolAgent() {
    }

    public static void premain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    public static void agentmain(String options, Instrumentation instrumentation) {
        start(options, instrumentation);
    }

    private static void start(String options, Instrumentation instrumentation) {
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
