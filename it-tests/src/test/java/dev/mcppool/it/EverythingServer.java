package dev.mcppool.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The npm reference server {@code @modelcontextprotocol/server-everything}, as installed by the build. */
final class EverythingServer implements AutoCloseable {

    private final Path folder;
    private final int port;
    private Process process;

    private EverythingServer(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    /** Starts the Streamable HTTP variant on a free port of 127.0.0.1 and waits until it listens. */
    static EverythingServer startStreamableHttp(Path folder) throws Exception {
        EverythingServer server = new EverythingServer(folder, freePort());
        server.start();
        return server;
    }

    private void start() throws Exception {
        Path stderr = folder.resolve("everything-http.err");
        Files.deleteIfExists(stderr);
        ProcessBuilder builder = new ProcessBuilder("node", "--require", Artifacts.loopbackOnlyPreload().toString(),
                Artifacts.serverEverythingEntryPoint().toString(), "streamableHttp")
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout().toFile()))
                .redirectError(stderr.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!Files.readString(stderr).contains("listening on port")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new AssertionError("server-everything did not start: " + Files.readString(stderr));
            }
            Thread.sleep(100);
        }
    }

    /** Kills the server (its sessions die with it) and starts a new one on the same port. */
    void restart() throws Exception {
        close();
        process.onExit().get();
        start();
    }

    private Path stdout() {
        return folder.resolve("everything-http.out");
    }

    /**
     * A stdio command line for the server that first appends {@code start <pid>} to {@code spawnLog}, so a test can
     * count how many server processes a run started.
     */
    static String stdioCommandCountingSpawns(Path folder, Path spawnLog) throws IOException {
        return Artifacts.commandCountingSpawns(folder, spawnLog,
                "node '" + Artifacts.serverEverythingEntryPoint() + "' stdio");
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    long sessionsInitialized() throws IOException {
        return Files.readString(stdout()).lines().filter(line -> line.contains("Session initialized with ID")).count();
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
