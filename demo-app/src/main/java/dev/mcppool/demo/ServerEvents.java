package dev.mcppool.demo;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.regex.Pattern;

/**
 * The events file shared by the demo's stdio server processes: each appends {@code start <pid>} once and
 * {@code initialize <pid>} per MCP initialize request it receives; the client counts them afterwards.
 */
final class ServerEvents {

    static final String FILE_ENV = "DEMO_SERVER_EVENTS";

    private static final Pattern INITIALIZE_REQUEST = Pattern.compile("\"method\"\\s*:\\s*\"initialize\"");

    record Counts(int processes, int handshakes) {
    }

    private final Path file;
    private final long pid = ProcessHandle.current().pid();

    ServerEvents(Path file) {
        this.file = file;
    }

    /** The events file named by {@value #FILE_ENV}, or null when the variable is unset or blank. */
    static ServerEvents fromEnvironment() {
        String name = System.getenv(FILE_ENV);
        return name == null || name.isBlank() ? null : new ServerEvents(Path.of(name));
    }

    void recordStart() {
        append("start " + pid);
    }

    void onInboundLine(String jsonLine) {
        if (isInitializeRequest(jsonLine)) {
            append("initialize " + pid);
        }
    }

    /** Inside a JSON string the quotes would be escaped, so this matches only the real method member. */
    static boolean isInitializeRequest(String jsonLine) {
        return INITIALIZE_REQUEST.matcher(jsonLine).find();
    }

    static Counts count(Path file) throws IOException {
        return count(Files.readAllLines(file, StandardCharsets.UTF_8));
    }

    static Counts count(List<String> lines) {
        int processes = 0;
        int handshakes = 0;
        for (String line : lines) {
            if (line.startsWith("start ")) {
                processes++;
            } else if (line.startsWith("initialize ")) {
                handshakes++;
            }
        }
        return new Counts(processes, handshakes);
    }

    /** Several server processes append concurrently: one locked append per line keeps lines whole. */
    private synchronized void append(String line) {
        ByteBuffer bytes = ByteBuffer.wrap((line + "\n").getBytes(StandardCharsets.UTF_8));
        try (FileChannel channel = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE,
                StandardOpenOption.APPEND); FileLock lock = channel.lock()) {
            while (bytes.hasRemaining()) {
                channel.write(bytes);
            }
        } catch (IOException e) {
            // a broken events file must not take the MCP server down with it
            System.err.println("demo server: cannot append to " + file + ": " + e);
        }
    }
}
