package dev.mcppool.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.mcppool.adapter.PooledOutcome;
import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.sdk.SdkInstrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Runs on the agent's start thread once the instrumentation is in place, so that the application thread that loads
 * the first MCP client class does not do it on the way to its first call: Byte Buddy loads its weaving classes (some
 * 400) the first time it weaves, and Flight Recorder sets itself up (some 70 classes) when the first event class is
 * used.
 */
final class StartWarmup {

    private StartWarmup() {
    }

    /** Whatever fails here only leaves the work to the first MCP client: the agent is running already. */
    static void run(PoolEvents events) {
        try {
            weaveOnce();
            events.prepare();
        } catch (RuntimeException | LinkageError e) {
            AgentLog.debug("mcp-pool: start warm-up failed (" + e + "); the first MCP client pays for it");
        }
    }

    /** Weaves the agent's advice into a class of its own and throws the result away. */
    private static void weaveOnce() {
        new ByteBuddy()
                .decorate(Target.class, ClassFileLocator.ForClassLoader.of(Target.class.getClassLoader()))
                .visit(Advice.to(SdkInstrumentation.RedirectToPooledSession.class, PooledOutcome.ReturnIt.class)
                        .on(named("answer")))
                .make();
    }

    /** Never loaded in its woven form: only its class file is read. */
    static final class Target {
        public String answer(String question) {
            return question;
        }
    }
}
