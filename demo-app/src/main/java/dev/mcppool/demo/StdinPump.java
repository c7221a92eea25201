package dev.mcppool.demo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.InterruptedIOException;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.function.Consumer;

/**
 * Reads the server's stdin on its own daemon thread and hands the lines on through an unbounded queue.
 * The SDK stops reading for good after the first line it cannot parse, so end of stdin has to be watched
 * here, independently of it. Blank lines are reported but not passed on: they are no JSON-RPC messages, and
 * one of them would otherwise stop the SDK's reader.
 */
final class StdinPump {

    private static final byte[] END = new byte[0];

    private StdinPump() {
    }

    /**
     * Starts pumping {@code source}; every line goes to {@code onLine}, end of input (or a read error) to
     * {@code onEnd}, after the returned stream has been given its end.
     */
    static InputStream start(InputStream source, Consumer<String> onLine, Runnable onEnd) {
        BlockingQueue<byte[]> lines = new LinkedBlockingQueue<>();
        Thread pump = new Thread(() -> {
            try (BufferedReader reader = new BufferedReader(new InputStreamReader(source, StandardCharsets.UTF_8))) {
                for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                    onLine.accept(line);
                    if (!line.isBlank()) {
                        lines.add((line + "\n").getBytes(StandardCharsets.UTF_8));
                    }
                }
            } catch (IOException e) {
                System.err.println("demo server: reading stdin failed: " + e);
            } finally {
                lines.add(END);
                onEnd.run();
            }
        }, "stdin-pump");
        pump.setDaemon(true);
        pump.start();
        return new QueueInputStream(lines);
    }

    private static final class QueueInputStream extends InputStream {

        private final BlockingQueue<byte[]> lines;
        private byte[] current = new byte[0];
        private int position;

        QueueInputStream(BlockingQueue<byte[]> lines) {
            this.lines = lines;
        }

        @Override
        public int read() throws IOException {
            byte[] one = new byte[1];
            return read(one, 0, 1) < 0 ? -1 : one[0] & 0xff;
        }

        @Override
        public synchronized int read(byte[] buffer, int offset, int length) throws IOException {
            if (length == 0) {
                return 0;
            }
            if (current == END) {
                return -1;
            }
            if (position == current.length) {
                try {
                    current = lines.take();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new InterruptedIOException("interrupted while waiting for stdin");
                }
                position = 0;
                if (current == END) {
                    return -1;
                }
            }
            int n = Math.min(length, current.length - position);
            System.arraycopy(current, position, buffer, offset, n);
            position += n;
            return n;
        }
    }
}
