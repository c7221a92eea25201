package dev.mcppool.demo;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point. {@code server stdio} and {@code server http [--port N]} run the demo MCP servers; {@code probe} runs
 * the session-isolation probe ({@link IsolationProbe}); anything else is client mode, which builds one fresh client
 * (official SDK or LangChain4j) per request (see {@link RequestLoop}).
 */
public final class DemoApp {

    static final String USAGE = String.join("\n",
            "usage: java -jar demo-app.jar server stdio",
            "       java -jar demo-app.jar server http [--port N] [--without-tools] [--without-event-stream]",
            "       java -jar demo-app.jar [--transport stdio|http] [--stdio \"<command line>\" | --url <http url>]",
            "                              [--requests N] [--threads T] [--tool NAME] [--arg-name NAME]",
            "                              [--header Name=Value]... [--request-timeout 20s] [--api sync|async] [--hold]",
            "                              [--client sdk|langchain4j] [--clients per-request|per-thread]",
            "                              [--warmup N] [--latency-file PATH] [--timestamps] [--footprint]",
            "       " + IsolationProbe.USAGE.substring("usage: ".length()));

    private DemoApp() {
    }

    public static void main(String[] args) throws Exception {
        long mainEnteredAt = EpochMicros.now();
        if (args.length > 0 && args[0].equals("server")) {
            runServer(Arrays.copyOfRange(args, 1, args.length));
            return;
        }
        if (args.length > 0 && args[0].equals("probe")) {
            try {
                IsolationProbe.run(Arrays.copyOfRange(args, 1, args.length));
            } catch (IllegalArgumentException e) {
                usageError(e.getMessage());
            }
            return;
        }
        ClientOptions options;
        try {
            options = ClientOptions.parse(args);
        } catch (IllegalArgumentException e) {
            usageError(e.getMessage());
            return;
        }
        if (options.timestamps()) {
            System.out.println("main-entered-at=" + mainEnteredAt);
        }
        DemoClient.run(options);
    }

    private static void runServer(String[] args) throws Exception {
        String kind = args.length > 0 ? args[0] : "";
        String[] options = args.length > 0 ? Arrays.copyOfRange(args, 1, args.length) : args;
        if (kind.equals("stdio") && options.length == 0) {
            DemoStdioServer.run();
        } else if (kind.equals("http")) {
            List<String> rest = new ArrayList<>(List.of(options));
            boolean withTools = !rest.remove("--without-tools");
            boolean withEventStream = !rest.remove("--without-event-stream");
            int port;
            try {
                port = httpPort(rest.toArray(String[]::new));
            } catch (IllegalArgumentException e) {
                usageError(e.getMessage());
                return;
            }
            DemoHttpServer.runStandalone(port, withTools, withEventStream);
        } else {
            usageError("server needs stdio (without options) or http [--port N]");
        }
    }

    /** The port of {@code server http [--port N]}; 0 (a random free port) when absent. */
    static int httpPort(String... options) {
        if (options.length == 0) {
            return 0;
        }
        if (options.length != 2 || !options[0].equals("--port")) {
            throw new IllegalArgumentException("server http takes only --port N");
        }
        try {
            int port = Integer.parseInt(options[1]);
            if (port >= 0 && port <= 65535) {
                return port;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw new IllegalArgumentException("--port needs 0..65535, got " + options[1]);
    }

    private static void usageError(String message) {
        System.err.println("demo-app: " + message);
        System.err.println(USAGE);
        System.exit(2);
    }
}
