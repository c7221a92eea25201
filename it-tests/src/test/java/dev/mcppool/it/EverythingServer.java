package dev.mcppool.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;

/** The npm reference server {@code @modelcontextprotocol/server-everything}, as installed by the build. */
final class EverythingServer implements AutoCloseable {

    private final Process process;
    private final Path stdout;
    private final int port;

    private EverythingServer(Process process, Path stdout, int port) {
        this.process = process;
        this.stdout = stdout;
        this.port = port;
    }

    /** Starts the Streamable HTTP variant on a free port of 127.0.0.1 and waits until it listens. */
    static EverythingServer startStreamableHttp(Path folder) throws Exception {
        int port = freePort();
        Path stdout = folder.resolve("everything-http.out");
        Path stderr = folder.resolve("everything-http.err");
        ProcessBuilder builder = new ProcessBuilder("node", "--require", Artifacts.loopbackOnlyPreload().toString(),
                Artifacts.serverEverythingEntryPoint().toString(), "streamableHttp")
                .redirectOutput(stdout.toFile())
                .redirectError(stderr.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        EverythingServer server = new EverythingServer(builder.start(), stdout, port);
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(stderr).contains("listening on port")) {
            if (!server.process.isAlive() || System.nanoTime() > deadline) {
                server.close();
                throw new AssertionError("server-everything did not start: " + Files.readString(stderr));
            }
            Thread.sleep(100);
        }
        return server;
    }

    /**
     * A stdio command line for the server that first appends {@code start <pid>} to {@code spawnLog}, so a test can
     * count how many server processes a run started.
     */
    static String stdioCommandCountingSpawns(Path folder, Path spawnLog) throws IOException {
        Path script = folder.resolve("everything-stdio.sh");
        Files.writeString(script, String.join("\n", List.of(
                "#!/bin/sh",
                "echo \"start $$\" >> '" + spawnLog + "'",
                "exec node '" + Artifacts.serverEverythingEntryPoint() + "' stdio",
                "")));
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwxr-xr-x"));
        return script.toString();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    long sessionsInitialized() throws IOException {
        return Files.readString(stdout).lines().filter(line -> line.contains("Session initialized with ID")).count();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
