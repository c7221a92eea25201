package dev.mcppool.demo;

import java.io.OutputStream;

/** Client mode: runs the per-request loop against the chosen target and prints the report. */
final class DemoClient {

    private DemoClient() {
    }

    static void run(ClientOptions options) throws Exception {
        try (ClientTarget target = ClientTarget.of(options)) {
            PerRequestClientLoop loop = new PerRequestClientLoop(target.transports(), options.tool(),
                    options.argName(), options.requestTimeout());
            PerRequestClientLoop.Result result = loop.run(options.requests(), options.threads());
            LatencyReport.lines(options.transport(), options.targetLabel(), options.threads(), result,
                    target.serverLines()).forEach(System.out::println);
            System.out.flush();
            if (options.hold()) {
                // keeps the JVM, and so any pooled sessions, alive while a test inspects it
                System.in.transferTo(OutputStream.nullOutputStream());
            }
        }
    }
}
