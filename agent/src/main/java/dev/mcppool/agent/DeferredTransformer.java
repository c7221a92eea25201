package dev.mcppool.agent;

import dev.mcppool.log.AgentLog;
import java.lang.instrument.ClassFileTransformer;
import java.lang.instrument.IllegalClassFormatException;
import java.security.ProtectionDomain;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * Lets {@code premain} return at once while the instrumentation is built on another thread (Byte Buddy alone loads
 * some 800 classes, most of a second on a small machine): the application's {@code main} starts meanwhile, and only
 * a thread that loads the first class of an MCP client library waits until the instrumentation can transform it, so
 * that even the first client is pooled.
 */
final class DeferredTransformer implements ClassFileTransformer {

    /** Building the instrumentation takes about a second; a thread never waits longer than this for it. */
    private static final long LONGEST_WAIT_SECONDS = 10;
    /**
     * Where every class the agent instruments lives. Other MCP classes (an in-process MCP server's, the SDK's schema)
     * pass at once and unchanged: an application that loads them early does not wait for the agent.
     */
    private static final String[] MCP_CLIENT_PACKAGES = {"io/modelcontextprotocol/client/", "dev/langchain4j/mcp/"};

    private final CountDownLatch ready = new CountDownLatch(1);
    private volatile ClassFileTransformer instrumentation;
    private volatile Thread builder;

    /** The thread that builds the instrumentation: it never waits for itself. */
    void builtBy(Thread thread) {
        builder = thread;
    }

    /**
     * From now on classes go through {@code transformer}; null when the agent will not instrument anything. Only the
     * first call counts.
     */
    synchronized void ready(ClassFileTransformer transformer) {
        if (ready.getCount() > 0) {
            instrumentation = transformer;
            ready.countDown();
        }
    }

    /**
     * Only MCP client classes reach the instrumentation, which instruments nothing else: handing it the thousands of
     * other classes an application loads at startup cost more CPU (Byte Buddy's per-class work, and the JIT compiling
     * it) than weaving the client classes.
     */
    @Override
    public byte[] transform(Module module, ClassLoader loader, String className, Class<?> classBeingRedefined,
                            ProtectionDomain protectionDomain, byte[] classfileBuffer)
            throws IllegalClassFormatException {
        if (!isMcpClientClass(className)) {
            return null;
        }
        if (ready.getCount() > 0 && Thread.currentThread() != builder) {
            awaitReady(className);
        }
        ClassFileTransformer transformer = instrumentation;
        return transformer == null ? null
                : transformer.transform(module, loader, className, classBeingRedefined, protectionDomain,
                        classfileBuffer);
    }

    private static boolean isMcpClientClass(String className) {
        if (className == null) {
            return false;
        }
        for (String mcpPackage : MCP_CLIENT_PACKAGES) {
            if (className.startsWith(mcpPackage)) {
                return true;
            }
        }
        return false;
    }

    private void awaitReady(String className) {
        try {
            if (!ready.await(LONGEST_WAIT_SECONDS, TimeUnit.SECONDS)) {
                AgentLog.warnOnce("mcp-pool: the agent was not ready within " + LONGEST_WAIT_SECONDS + " s when "
                        + className.replace('/', '.') + " loaded; MCP clients run unpooled");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
