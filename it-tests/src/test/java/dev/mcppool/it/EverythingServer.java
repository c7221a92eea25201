package dev.mcppool.it;

import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/** The npm reference server {@code @modelcontextprotocol/server-everything}, as installed by the build. */
final class EverythingServer implements AutoCloseable {

    private static final String STREAMABLE_HTTP = "streamableHttp";
    private static final String SSE = "sse";

    private final Path folder;
    private final int port;
    private final String mode;
    private Process process;

    private EverythingServer(Path folder, int port, String mode) {
        this.folder = folder;
        this.port = port;
        this.mode = mode;
    }

    /** Starts the Streamable HTTP variant on a free port of 127.0.0.1 and waits until it listens. */
    static EverythingServer startStreamableHttp(Path folder) throws Exception {
        EverythingServer server = new EverythingServer(folder, freePort(), STREAMABLE_HTTP);
        server.start();
        return server;
    }

    /** Starts the legacy HTTP+SSE variant on a free port of 127.0.0.1 and waits until it listens. */
    static EverythingServer startSse(Path folder) throws Exception {
        EverythingServer server = new EverythingServer(folder, freePort(), SSE);
        server.start();
        return server;
    }

    private void start() throws Exception {
        Path stderr = folder.resolve("everything-" + mode + ".err");
        Files.deleteIfExists(stderr);
        int earlierOutput = Files.exists(stdout()) ? Files.readString(stdout()).length() : 0;
        ProcessBuilder builder = new ProcessBuilder("node", "--require", Artifacts.loopbackOnlyPreload().toString(),
                Artifacts.serverEverythingEntryPoint().toString(), mode)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(stdout().toFile()))
                .redirectError(stderr.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        process = builder.start();
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!(Files.readString(stderr) + Files.readString(stdout()).substring(earlierOutput))
                .matches("(?s).*(listening|running) on port.*")) {
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
        return folder.resolve("everything-" + mode + ".out");
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
        return "http://127.0.0.1:" + port + (mode.equals(SSE) ? "/sse" : "/mcp");
    }

    /** MCP sessions the server started: initialized Streamable HTTP sessions, or SSE streams opened. */
    long sessionsInitialized() throws IOException {
        String marker = mode.equals(SSE) ? "Client Connected:" : "Session initialized with ID";
        String output = Files.readString(stdout()) + Files.readString(folder.resolve("everything-" + mode + ".err"));
        return output.lines().filter(line -> line.contains(marker)).count();
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
