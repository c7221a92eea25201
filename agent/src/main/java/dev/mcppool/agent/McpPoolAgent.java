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

    /**
     * Returns at once: the agent starts on a thread of its own behind a {@link DeferredTransformer}, so the
     * application's {@code main} does not wait for it (only its first MCP client class does).
     */
    public static void premain(String options, Instrumentation instrumentation) {
        if (firstLoad()) {
            try {
                DeferredTransformer gate = new DeferredTransformer();
                instrumentation.addTransformer(gate);
                Thread starter = new Thread(() -> start(options, instrumentation, gate), "mcp-pool-start");
                starter.setDaemon(true);
                gate.builtBy(starter);
                starter.start();
            } catch (Throwable e) {
                couldNotStart(e);
            }
        }
    }

    /** Attached to a running JVM: starts now, instrumenting the client classes it already loaded. */
    public static void agentmain(String options, Instrumentation instrumentation) {
        if (firstLoad()) {
            start(options, instrumentation, null);
        }
    }

    private static boolean firstLoad() {
        if (STARTED.compareAndSet(false, true)) {
            return true;
        }
        System.getLogger("dev.mcppool").log(System.Logger.Level.INFO,
                "mcp-pool: the agent is already active in this JVM; ignoring the second load");
        return false;
    }

    /** With a {@code gate}, the instrumentation goes behind it; without, it is installed on the loaded classes. */
    private static void start(String options, Instrumentation instrumentation, DeferredTransformer gate) {
        try {
            // Must come first: nothing may load the bridge from this jar before it is in the bootstrap class loader.
            BootstrapClasses.inject(instrumentation);
            if (gate == null) {
                AgentInstaller.installNow(options, instrumentation);
            } else {
                AgentInstaller.installBehind(gate, options, instrumentation);
            }
        } catch (Throwable e) {
            couldNotStart(e);
        } finally {
            if (gate != null) {
                gate.ready(null); // no-op once the instrumentation is in; else MCP classes load unchanged
            }
        }
    }

    private static void couldNotStart(Throwable e) {
        System.getLogger("dev.mcppool").log(System.Logger.Level.WARNING,
                "mcp-pool: the agent could not start (" + e + "); the application runs unpooled");
    }
}
