package dev.mcppool.agent;

import static net.bytebuddy.matcher.ElementMatchers.named;

import dev.mcppool.adapter.PooledOutcome;
import dev.mcppool.log.AgentLog;
import dev.mcppool.sdk.SdkInstrumentation;
import net.bytebuddy.ByteBuddy;
import net.bytebuddy.asm.Advice;
import net.bytebuddy.dynamic.ClassFileLocator;

/**
 * Weaves the agent's advice into a class of its own once, on the agent's start thread, and throws the result away.
 * Byte Buddy loads its weaving classes (some 400) the first time it weaves; without this, the application thread that
 * loads the first MCP client class would load them, on the way to its first call.
 */
final class WeavingWarmup {

    private WeavingWarmup() {
    }

    static void run() {
        try {
            new ByteBuddy()
                    .redefine(Target.class, ClassFileLocator.ForClassLoader.of(Target.class.getClassLoader()))
                    .visit(Advice.to(SdkInstrumentation.RedirectToPooledSession.class, PooledOutcome.ReturnIt.class)
                            .on(named("answer")))
                    .make();
        } catch (RuntimeException | LinkageError e) {
            AgentLog.debug("mcp-pool: weaving warm-up failed (" + e + "); the first MCP client class pays for it");
        }
    }

    /** Never loaded in its woven form: only its class file is read. */
    static final class Target {
        public String answer(String question) {
            return question;
        }
    }
}
