package dev.mcppool.agent;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.lang.instrument.Instrumentation;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import net.bytebuddy.dynamic.loading.ClassInjector;

/** Puts the bridge classes that instrumented library code calls into the bootstrap class loader. */
final class BootstrapClasses {

    private static final List<String> BRIDGE_CLASSES = List.of(
            "dev.mcppool.bootstrap.McpPoolBridge",
            "dev.mcppool.bootstrap.McpPoolBridge$SyncClientHandler",
            "dev.mcppool.bootstrap.Redirected");

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
        Path folder = Files.createTempDirectory("mcp-pool-bootstrap");
        folder.toFile().deleteOnExit();
        ClassInjector.UsingInstrumentation.of(folder.toFile(), ClassInjector.UsingInstrumentation.Target.BOOTSTRAP,
                instrumentation).injectRaw(classes);
    }

    private static boolean alreadyInBootstrap() {
        try {
            Class.forName(BRIDGE_CLASSES.get(0), false, null);
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
