package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

/** The built jars and installed servers under test, located by the Maven build. */
final class Artifacts {

    private Artifacts() {
    }

    static Path agentJar() {
        return existing("mcp.pool.agent.jar");
    }

    static Path demoJar() {
        return existing("demo.app.jar");
    }

    static Path serverEverythingEntryPoint() {
        return existing("reference.servers.dir")
                .resolve("node_modules/@modelcontextprotocol/server-everything/dist/index.js");
    }

    static Path loopbackOnlyPreload() {
        return existing("reference.servers.dir").resolve("loopback-only.cjs");
    }

    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }

    private static Path existing(String property) {
        String value = System.getProperty(property);
        assertThat(value).as("system property %s (set by the Maven build)", property).isNotNull();
        Path path = Path.of(value).toAbsolutePath().normalize();
        assertThat(Files.exists(path)).as("%s exists", path).isTrue();
        return path;
    }
}
