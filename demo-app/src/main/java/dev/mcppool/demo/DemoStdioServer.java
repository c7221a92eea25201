package dev.mcppool.demo;

import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.server.McpServer;
import io.modelcontextprotocol.server.McpSyncServer;
import io.modelcontextprotocol.server.transport.StdioServerTransportProvider;

import java.io.InputStream;
import java.util.concurrent.CountDownLatch;

/** {@code server stdio}: the demo MCP server on stdin/stdout; exits when stdin reaches end of stream. */
final class DemoStdioServer {

    private DemoStdioServer() {
    }

    static void run() throws InterruptedException {
        ServerEvents events = ServerEvents.fromEnvironment();
        if (events != null) {
            events.recordStart();
        }
        CountDownLatch stdinClosed = new CountDownLatch(1);
        InputStream in = StdinPump.start(System.in, line -> {
            if (events != null) {
                events.onInboundLine(line);
            }
        }, stdinClosed::countDown);
        McpSyncServer server = DemoTools.configure(
                McpServer.sync(new StdioServerTransportProvider(McpJsonDefaults.getMapper(), in, System.out)),
                "demo-stdio");
        // the SDK's threads are not daemons and keep the JVM alive after end of input
        stdinClosed.await();
        server.closeGracefully();
        System.exit(0);
    }
}
