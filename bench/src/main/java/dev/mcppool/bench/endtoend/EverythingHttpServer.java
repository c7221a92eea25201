package dev.mcppool.bench.endtoend;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

/**
 * server-everything in Streamable HTTP mode on a free port of 127.0.0.1 (its loopback preload keeps it there), for
 * one run; {@link #close()} kills it and its descendants.
 */
final class EverythingHttpServer implements AutoCloseable {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    private final ProcessReaper reaper;
    private final WatchedProcess process;
    private final int port;

    private EverythingHttpServer(ProcessReaper reaper, WatchedProcess process, int port) {
        this.reaper = reaper;
        this.process = process;
        this.port = port;
    }

    /** Starts the server, its output going to {@code <logPrefix>.out/.err}, and waits until it listens. */
    static EverythingHttpServer start(Artifacts artifacts, ProcessReaper reaper, Path logPrefix)
            throws IOException, InterruptedException {
        int port = freeLoopbackPort();
        Path out = Path.of(logPrefix + ".out");
        Path err = Path.of(logPrefix + ".err");
        ProcessBuilder builder = new ProcessBuilder("node", "--require",
                artifacts.loopbackPreload().toAbsolutePath().toString(),
                artifacts.everythingEntry().toAbsolutePath().toString(), "streamableHttp")
                .redirectOutput(out.toFile())
                .redirectError(err.toFile());
        builder.environment().put("PORT", Integer.toString(port));
        EverythingHttpServer server = new EverythingHttpServer(reaper, reaper.start(builder), port);
        try {
            server.awaitListening(out, err);
            return server;
        } catch (IOException | InterruptedException | RuntimeException e) {
            server.close();
            throw e;
        }
    }

    String url() {
        return "http://127.0.0.1:" + port + "/mcp";
    }

    private void awaitListening(Path out, Path err) throws IOException, InterruptedException {
        long deadline = System.nanoTime() + START_TIMEOUT.toNanos();
        while (!(Files.readString(out) + Files.readString(err)).matches("(?s).*(listening|running) on port.*")) {
            if (!process.process().isAlive()) {
                throw new IOException("server-everything exited with " + process.process().exitValue() + ": "
                        + Files.readString(err).strip());
            }
            if (System.nanoTime() > deadline) {
                throw new IOException("server-everything did not listen within " + START_TIMEOUT.toSeconds() + " s");
            }
            Thread.sleep(100);
        }
    }

    private static int freeLoopbackPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Override
    public void close() {
        reaper.release(process);
    }
}
