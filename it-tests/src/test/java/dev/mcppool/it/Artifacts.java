package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.tools.ToolProvider;

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

    /** A Spring AI MCP client application (Spring Boot 4, Spring AI 2.0, MCP SDK 2.0.0). */
    static Path springAiAppJar() {
        return existing("spring.ai.app.jar");
    }

    /** The demo, unchanged, packaged as a Spring Boot executable jar. */
    static Path demoBootJar() {
        return existing("demo.boot.jar");
    }

    /** The demo's stdio server (SDK 2.1), logging {@code start <pid>} to {@code spawnLog} first. */
    static String demoStdioServerCountingSpawns(Path folder, Path spawnLog) throws IOException {
        return commandCountingSpawns(folder, spawnLog, "'" + java() + "' -jar '" + demoJar() + "' server stdio");
    }

    /**
     * A stdio command line (a script in {@code folder}) that first appends {@code start <pid>} to {@code spawnLog},
     * then runs {@code commandLine} in its place, so a test can count how many server processes a run started.
     */
    static String commandCountingSpawns(Path folder, Path spawnLog, String commandLine) throws IOException {
        Path script = folder.resolve(spawnLog.getFileName() + ".sh");
        Files.writeString(script, String.join("\n", List.of(
                "#!/bin/sh",
                "echo \"start $$\" >> '" + spawnLog + "'",
                "exec " + commandLine,
                "")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    /**
     * The class path that runs the demo's client on an SDK release of the matrix: the demo's own classes plus that
     * release's jars (resolved by the {@code sdk-matrix} modules).
     */
    static String demoClassPathWithSdk(String version) {
        return existing("demo.app.classes") + File.pathSeparator + sdkClassPath(version);
    }

    /** The jars of an SDK release of the matrix, as a class path entry. */
    static String sdkClassPath(String version) {
        Path lib = existing("sdk.matrix.dir").resolve("sdk-" + version).resolve("target/lib");
        assertThat(Files.isDirectory(lib)).as("%s (built by the sdk-matrix module)", lib).isTrue();
        return lib + File.separator + "*";
    }

    /** The repository's root folder. */
    static Path projectRoot() {
        return existing("sdk.matrix.dir").getParent();
    }

    /** The SDK release the demo (and the agent's unit tests) are built against. */
    static String builtInSdkVersion() {
        String version = System.getProperty("mcp.sdk.version");
        assertThat(version).as("system property mcp.sdk.version (set by the Maven build)").isNotNull();
        return version;
    }

    /** The SDK releases the matrix resolved, e.g. {@code 2.0.1}. */
    static List<String> sdkMatrixVersions() throws IOException {
        try (Stream<Path> modules = Files.list(existing("sdk.matrix.dir"))) {
            return modules.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("sdk-"))
                    .map(name -> name.substring("sdk-".length()))
                    .sorted()
                    .toList();
        }
    }

    /** The langchain4j-mcp releases the matrix resolved, e.g. {@code 1.18.1-beta28}. */
    static List<String> langchain4jMatrixVersions() throws IOException {
        try (Stream<Path> modules = Files.list(existing("langchain4j.matrix.dir"))) {
            return modules.map(path -> path.getFileName().toString())
                    .filter(name -> name.startsWith("langchain4j-"))
                    .map(name -> name.substring("langchain4j-".length()))
                    .sorted()
                    .toList();
        }
    }

    /** The folder with a langchain4j-mcp release's jars (resolved by the {@code langchain4j-matrix} modules). */
    static Path langchain4jLib(String version) {
        Path lib = existing("langchain4j.matrix.dir").resolve("langchain4j-" + version).resolve("target/lib");
        assertThat(Files.isDirectory(lib)).as("%s (built by the langchain4j-matrix module)", lib).isTrue();
        return lib;
    }

    /**
     * Compiles the test resource {@code source} (e.g. {@code /langchain4j-probe/Langchain4jProbe.java}) against the
     * jars in {@code lib} into {@code classes} (a folder of its own), which it returns.
     */
    static Path compileAgainst(String source, Path lib, Path classes) throws Exception {
        Path file = Path.of(Artifacts.class.getResource(source).toURI());
        Files.createDirectories(classes);
        // the in-process compiler does not expand the launcher's "dir/*" class path wildcard
        String jars;
        try (Stream<Path> files = Files.list(lib)) {
            jars = files.map(Path::toString).collect(Collectors.joining(File.pathSeparator));
        }
        int status = ToolProvider.getSystemJavaCompiler()
                .run(null, null, null, "-d", classes.toString(), "-cp", jars, "-nowarn", file.toString());
        assertThat(status).as("%s compiles against %s", source, lib).isZero();
        return classes;
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
