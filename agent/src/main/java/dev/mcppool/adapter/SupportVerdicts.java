package dev.mcppool.adapter;

import dev.mcppool.log.AgentLog;
import java.util.Map;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Function;
import net.bytebuddy.agent.builder.AgentBuilder;
import net.bytebuddy.description.type.TypeDescription;
import net.bytebuddy.dynamic.ClassFileLocator;
import net.bytebuddy.matcher.ElementMatcher;
import net.bytebuddy.pool.TypePool;

/**
 * Decides, before any advice is applied, whether the copy of a client library in a class loader is one the agent
 * knows: {@code problemOf} reads its class files (like OpenTelemetry's muzzle), loading nothing. The verdict is kept
 * per class loader. A copy that fails the check is never instrumented; one log line says why, and its clients run
 * exactly as without the agent.
 */
public final class SupportVerdicts {

    private final String library;
    private final Function<TypePool, Optional<String>> problemOf;
    private final Map<ClassLoader, Boolean> verdicts = new WeakHashMap<>();

    public SupportVerdicts(String library, Function<TypePool, Optional<String>> problemOf) {
        this.library = library;
        this.problemOf = problemOf;
    }

    /**
     * Matches the library classes named by {@code types}, and only in class loaders whose copy passes the check. The
     * name is checked first, so the check runs only for a loader that is defining one of these classes, and it runs
     * outside any lock: reading class files may itself load classes.
     */
    public AgentBuilder.RawMatcher supportedTypes(ElementMatcher<? super TypeDescription> types) {
        return (type, loader, module, classBeingRedefined, protectionDomain) ->
                types.matches(type) && supported(loader);
    }

    private boolean supported(ClassLoader loader) {
        synchronized (verdicts) {
            Boolean known = verdicts.get(loader);
            if (known != null) {
                return known;
            }
        }
        Optional<String> problem;
        try {
            problem = problemOf.apply(TypePool.Default.of(ClassFileLocator.ForClassLoader.of(loader)));
        } catch (RuntimeException | LinkageError e) {
            problem = Optional.of("its classes cannot be read (" + e + ")");
        }
        synchronized (verdicts) {
            if (verdicts.putIfAbsent(loader, problem.isEmpty()) == null) {
                problem.ifPresent(reason -> AgentLog.warn("mcp-pool: the " + library + " in " + loader
                        + " is not supported by this agent version: " + reason + "; its clients run unpooled"));
            }
            return verdicts.get(loader);
        }
    }
}
