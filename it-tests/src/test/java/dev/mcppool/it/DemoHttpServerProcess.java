package dev.mcppool.it;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The demo's HTTP server (Streamable HTTP and SSE) in a process of its own, which prints a line for every tool call it
 * runs and every session it starts.
 */
final class DemoHttpServerProcess implements AutoCloseable {

    private final Path folder;
    private final int port;
    private Process process;
    private Path stdout;
    private int generation;

    private DemoHttpServerProcess(Path folder, int port) {
        this.folder = folder;
        this.port = port;
    }

    static DemoHttpServerProcess start(Path folder, String... serverOptions) throws Exception {
        int port;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = socket.getLocalPort();
        }
        DemoHttpServerProcess server = new DemoHttpServerProcess(folder, port);
        server.launch(serverOptions);
        return server;
    }

    private void launch(String... serverOptions) throws Exception {
        generation++;
        stdout = folder.resolve("demo-http-" + generation + ".out");
        List<String> command = new ArrayList<>(List.of(Artifacts.java(), "-jar", Artifacts.demoJar().toString(),
                "server", "http", "--port", Integer.toString(port)));
        command.addAll(List.of(serverOptions));
        process = new ProcessBuilder(command)
                .redirectOutput(stdout.toFile())
                .redirectError(folder.resolve("demo-http-" + generation + ".err").toFile())
                .start();
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!Files.readString(stdout).contains("listening ")) {
            if (!process.isAlive() || System.nanoTime() > deadline) {
                close();
                throw new AssertionError("the demo HTTP server did not start");
            }
            Thread.sleep(100);
        }
    }

    /**
     * Stops the server as a redeploy does (it closes its connections and exits), and starts a new one on the same port
     * with {@code serverOptions}.
     */
    void redeploy(String... serverOptions) throws Exception {
        process.getOutputStream().close();
        if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
            close();
            throw new AssertionError("the demo HTTP server did not stop when its stdin closed");
        }
        launch(serverOptions);
    }

    /** Kills the server, so that every session it knew is gone, and starts a new one on the same port. */
    void restart() throws Exception {
        close();
        process.onExit().get();
        launch();
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    /** The tool calls the current server process has run, e.g. {@code call echo {text=req-3}}. */
    List<String> calls() throws IOException {
        return Files.readAllLines(stdout).stream().filter(line -> line.startsWith("call ")).toList();
    }

    /** The sessions the current server process has started, over both transports. */
    long sessions() throws IOException {
        return Files.readAllLines(stdout).stream().filter(line -> line.startsWith("session ")).count();
    }

    /** Requests the current server process refused because they carried another credential than their session's. */
    long foreignCredentialRequests() throws IOException {
        return Files.readAllLines(stdout).stream().filter(line -> line.equals("refused foreign-credential")).count();
    }

    @Override
    public void close() {
        process.destroyForcibly();
    }
}
