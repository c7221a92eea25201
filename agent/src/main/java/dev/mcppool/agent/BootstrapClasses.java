package dev.mcppool.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Method;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.ProtectionDomain;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import net.bytebuddy.dynamic.loading.ClassInjector;

/**
 * Puts the bridge classes that instrumented library code calls into the bootstrap class loader, where every class
 * loader can see them.
 *
 * <p>They are defined directly, through the JDK's internal {@code Unsafe} opened to the agent by
 * {@link Instrumentation#redefineModule}; the alternatives change what the application prints: appending to the boot
 * class path makes the JVM warn about class sharing, and {@code sun.misc.Unsafe} warns on JDK 24 and later.
 */
final class BootstrapClasses {

    private static final List<String> BRIDGE_CLASSES = List.of(
            "dev.mcppool.bootstrap.Redirected",
            "dev.mcppool.bootstrap.McpPoolBridge$ClientHandler",
            "dev.mcppool.bootstrap.McpPoolBridge$Langchain4jHandler",
            "dev.mcppool.bootstrap.McpPoolBridge");

    private BootstrapClasses() {
    }

    static void inject(Instrumentation instrumentation) throws IOException {
        if (alreadyInBootstrap()) {
            return;
        }
        Map<String, byte[]> classes = new LinkedHashMap<>();
        for (String name : BRIDGE_CLASSES) {
            classes.put(name, bytesOf(name));
        }
        try {
            defineWithInternalUnsafe(instrumentation, classes);
        } catch (ReflectiveOperationException | RuntimeException e) {
            Path folder = Files.createTempDirectory("mcp-pool-bootstrap");
            folder.toFile().deleteOnExit();
            ClassInjector.UsingInstrumentation.of(folder.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
                    instrumentation).injectRaw(classes);
        }
    }

    private static void defineWithInternalUnsafe(Instrumentation instrumentation, Map<String, byte[]> classes)
            throws ReflectiveOperationException {
        Module javaBase = Object.class.getModule();
        Set<Module> agent = Set.of(BootstrapClasses.class.getModule());
        instrumentation.redefineModule(javaBase, Set.of(), Map.of("jdk.internal.misc", agent),
                Map.of("jdk.internal.misc", agent), Set.of(), Map.of());
        Class<?> unsafeClass = Class.forName("jdk.internal.misc.Unsafe");
        Object unsafe = unsafeClass.getMethod("getUnsafe").invoke(null);
        Method defineClass = unsafeClass.getMethod("defineClass", String.class, byte[].class, int.class, int.class,
                ClassLoader.class, ProtectionDomain.class);
        for (Map.Entry<String, byte[]> entry : classes.entrySet()) {
            byte[] bytes = entry.getValue();
            defineClass.invoke(unsafe, entry.getKey().replace('.', '/'), bytes, 0, bytes.length, null, null);
        }
    }

    private static boolean alreadyInBootstrap() {
        try {
            Class.forName(BRIDGE_CLASSES.get(BRIDGE_CLASSES.size() - 1), false, null);
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    private static byte[] bytesOf(String className) {
        String resource = className.replace('.', '/') + ".class";
        try (InputStream in = BootstrapClasses.class.getClassLoader().getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException(resource + " is missing from the agent jar");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
