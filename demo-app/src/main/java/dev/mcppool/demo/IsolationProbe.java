package dev.mcppool.demo;

import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.io.BufferedReader;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.io.InputStreamReader;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;

/**
 * {@code probe <scenario>}: per-request clients that would notice if they shared a session with another client.
 * Observation lines must read the same with and without the mcp-pool agent; {@code same-server=} lines (stdio) show
 * whether the second lease ran on the first lease's server process.
 *
 * <ul>
 *   <li>{@code sampling}: every client has its own sampling handler; counts answers from its own and from others'.</li>
 *   <li>{@code logging}: lease 1 sets the logging level to debug; which levels reach lease 2?</li>
 *   <li>{@code subscriptions}: lease 1 subscribes to a resource; do its updates reach lease 2?</li>
 *   <li>{@code identity}: clients with K different credentials (Authorization header over HTTP, {@code DEMO_IDENTITY}
 *   over stdio) ask the server who they are.</li>
 *   <li>{@code caller-credentials} ({@code --url} only): the credential comes from the calling thread, not from the
 *   client's settings, the way a web application passes its user's token: {@code --client sdk} (a sync client whose
 *   transport context provider reads a thread-local and whose request customizer puts the context's token into
 *   {@code Authorization}), {@code sdk-async} (an async client whose customizer reads the subscriber's Reactor
 *   context), {@code langchain4j} (a headers supplier that reads a thread-local). The clients' settings are all
 *   equal; only the thread tells the users apart.</li>
 *   <li>{@code never-close}: per-request clients ({@code --client sdk|sdk-async|langchain4j}) that the application
 *   drops after one tool call without closing them, a bug that works without a pool.</li>
 *   <li>{@code redeploy} ({@code --url} only): two per-request clients ({@code --client sdk|sdk-async}) ask the
 *   server for its capabilities and call echo; between them the probe prints {@code waiting-for-redeploy} and waits
 *   for a line on stdin, so that a test can restart the server with other capabilities.</li>
 * </ul>
 */
final class IsolationProbe {

    static final String USAGE = "usage: java -jar demo-app.jar probe"
            + " sampling|logging|subscriptions|identity|caller-credentials|never-close|redeploy"
            + " [--stdio \"<command line>\" | --url <http url>] [--requests N] [--threads T] [--identities K]"
            + " [--client sdk|sdk-async|langchain4j]"
            + " [--tool NAME] [--tool-arg name=value] [--sleep-ms M] [--hold]";
    private static final Duration NOTIFICATION_WAIT = Duration.ofSeconds(10);
    private static final Duration LATE_MESSAGE_WAIT = Duration.ofMillis(500);
    private static final int PRINTED_ERRORS = 5;

    private final Map<String, String> options;
    private final List<String> errors = new CopyOnWriteArrayList<>();

    private IsolationProbe(Map<String, String> options) {
        this.options = options;
    }

    static void run(String... args) throws Exception {
        if (args.length == 0) {
            throw new IllegalArgumentException("probe needs a scenario");
        }
        Map<String, String> options = new LinkedHashMap<>();
        for (int i = 1; i < args.length; i++) {
            if (args[i].equals("--hold")) {
                options.put("hold", "true");
            } else if (args[i].startsWith("--") && i + 1 < args.length) {
                options.put(args[i].substring(2), args[++i]);
            } else {
                throw new IllegalArgumentException("unexpected probe argument " + args[i]);
            }
        }
        IsolationProbe probe = new IsolationProbe(options);
        switch (args[0]) {
            case "sampling" -> probe.sampling();
            case "logging" -> probe.logging();
            case "subscriptions" -> probe.subscriptions();
            case "identity" -> probe.identity();
            case "caller-credentials" -> probe.callerCredentials();
            case "never-close" -> probe.neverClose();
            case "redeploy" -> probe.redeploy();
            default -> throw new IllegalArgumentException("unknown probe scenario " + args[0]);
        }
        probe.printErrors();
        if (options.containsKey("hold")) {
            new InputStreamReader(System.in, StandardCharsets.UTF_8).transferTo(Writer.nullWriter());
        }
        if (args[0].equals("never-close")) {
            // the dropped clients' threads (and, without the agent, their servers' pipes) would keep the JVM alive
            System.out.flush();
            System.exit(0);
        }
    }

    private void sampling() throws Exception {
        String tool = options.getOrDefault("tool", "sample");
        Map<String, Object> arguments = toolArguments();
        AtomicInteger own = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        int calls = concurrently(request -> {
            String answer = "answer-" + request + "-end";
            try (McpSyncClient client = McpClient.sync(transport(Map.of()))
                    .requestTimeout(Duration.ofSeconds(30))
                    .sampling(sample -> McpSchema.CreateMessageResult.builder()
                            .content(new TextContent(answer)).model("probe").build())
                    .build()) {
                String text = text(client.callTool(new CallToolRequest(tool, arguments)));
                if (text.contains(answer)) {
                    own.incrementAndGet();
                } else if (text.contains("answer-")) {
                    foreign.incrementAndGet();
                }
            }
        });
        System.out.println("sampling-calls=" + calls + " sampling-own=" + own + " sampling-foreign=" + foreign);
    }

    private void logging() throws Exception {
        String firstServer;
        List<String> first = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = loggingClient(first)) {
            firstServer = serverPid(client);
            client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
            client.callTool(new CallToolRequest("log-levels", Map.of()));
            awaitLevels(first);
        }
        System.out.println("lease=1 levels=" + inLevelOrder(first));
        List<String> second = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = loggingClient(second)) {
            printSameServer(firstServer, serverPid(client));
            client.callTool(new CallToolRequest("log-levels", Map.of()));
            awaitLevels(second);
        }
        System.out.println("lease=2 levels=" + inLevelOrder(second));
    }

    /**
     * Consumers run concurrently, so ERROR, the last level sent, may be seen before the others: after it, wait until no
     * message has come for a while.
     */
    private static void awaitLevels(List<String> levels) throws InterruptedException {
        await(() -> levels.contains("ERROR"));
        long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
        int seen;
        do {
            seen = levels.size();
            Thread.sleep(LATE_MESSAGE_WAIT.toMillis());
        } while (levels.size() != seen && System.nanoTime() < deadline);
    }

    /** Consumers run concurrently, so messages may arrive in any order. */
    private static List<String> inLevelOrder(List<String> levels) {
        return DemoTools.LOG_LEVELS.stream().map(Enum::name).filter(levels::contains).toList();
    }

    private McpSyncClient loggingClient(List<String> levels) {
        return McpClient.sync(transport(Map.of()))
                .loggingConsumer(notification -> levels.add(notification.data()))
                .build();
    }

    private void subscriptions() throws Exception {
        String firstServer;
        List<String> first = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = subscribingClient(first)) {
            firstServer = serverPid(client);
            client.subscribeResource(new McpSchema.SubscribeRequest(DemoTools.RESOURCE));
            client.callTool(new CallToolRequest("touch", Map.of()));
            await(() -> !first.isEmpty());
        }
        System.out.println("lease=1 updates=" + first);
        List<String> second = new CopyOnWriteArrayList<>();
        try (McpSyncClient client = subscribingClient(second)) {
            printSameServer(firstServer, serverPid(client));
            client.callTool(new CallToolRequest("touch", Map.of()));
            // an update would arrive right behind the answer to touch; give it ample time to show up
            Thread.sleep(1500);
        }
        System.out.println("lease=2 updates=" + second);
    }

    private McpSyncClient subscribingClient(List<String> updates) {
        return McpClient.sync(transport(Map.of()))
                .resourcesUpdateConsumer(contents -> contents.forEach(content -> updates.add(content.uri())))
                .build();
    }

    private void identity() throws Exception {
        int identities = Integer.parseInt(options.getOrDefault("identities", "2"));
        long sleepMillis = Long.parseLong(options.getOrDefault("sleep-ms", "0"));
        AtomicInteger own = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        int calls = concurrently(request -> {
            String credential = "probe-secret-" + (request % identities);
            Map<String, String> secret = Map.of(options.containsKey("url") ? "Authorization" : "DEMO_IDENTITY",
                    options.containsKey("url") ? "Bearer " + credential : credential);
            try (McpSyncClient client = McpClient.sync(transport(secret)).build()) {
                String caller = text(client.callTool(new CallToolRequest("whoami", Map.of())));
                if (sleepMillis > 0) {
                    client.callTool(new CallToolRequest("sleep", Map.of("ms", sleepMillis)));
                }
                if (caller.equals("caller:" + DemoTools.fingerprint(secret.values().iterator().next()))) {
                    own.incrementAndGet();
                } else {
                    foreign.incrementAndGet();
                }
            }
        });
        System.out.println("identity-calls=" + calls + " identity-own=" + own + " identity-foreign=" + foreign);
    }

    /** The signed-in user of the request running on this thread, as a web framework's security context holds it. */
    private static final ThreadLocal<String> CURRENT_USER_TOKEN = new ThreadLocal<>();

    private void callerCredentials() throws Exception {
        int identities = Integer.parseInt(options.getOrDefault("identities", "2"));
        String client = options.getOrDefault("client", "sdk");
        ClientOptions.HttpTarget target = ClientOptions.httpTarget(options.get("url"));
        AtomicInteger own = new AtomicInteger();
        AtomicInteger foreign = new AtomicInteger();
        int calls = concurrently(request -> {
            String token = "probe-secret-" + (request % identities);
            CURRENT_USER_TOKEN.set(token);
            try {
                String caller = switch (client) {
                    case "sdk" -> CallerCredentialClients.sdkSync(target);
                    case "sdk-async" -> CallerCredentialClients.sdkAsync(target, token);
                    case "langchain4j" -> CallerCredentialClients.langchain4j(target, CURRENT_USER_TOKEN::get);
                    default -> throw new IllegalArgumentException("unknown --client " + client);
                };
                if (caller.equals("caller:" + DemoTools.fingerprint("Bearer " + token))) {
                    own.incrementAndGet();
                } else {
                    foreign.incrementAndGet();
                }
            } finally {
                CURRENT_USER_TOKEN.remove();
            }
        });
        System.out.println("caller-credentials-calls=" + calls + " caller-credentials-own=" + own
                + " caller-credentials-foreign=" + foreign);
    }

    private void neverClose() throws Exception {
        String client = options.getOrDefault("client", "sdk");
        AtomicInteger answered = new AtomicInteger();
        int calls = concurrently(request -> {
            String text = switch (client) {
                case "sdk" -> text(McpClient.sync(transport(Map.of())).build()
                        .callTool(new CallToolRequest("echo", Map.of("text", "req-" + request))));
                case "sdk-async" -> {
                    var async = McpClient.async(transport(Map.of())).build();
                    yield async.initialize()
                            .then(async.callTool(new CallToolRequest("echo", Map.of("text", "req-" + request))))
                            .map(IsolationProbe::text).block(Duration.ofSeconds(30));
                }
                case "langchain4j" -> langchain4jNeverClosed("req-" + request);
                default -> throw new IllegalArgumentException("unknown --client " + client);
            };
            if (text.contains("req-" + request)) {
                answered.incrementAndGet();
            }
        });
        System.out.println("never-close-calls=" + calls + " never-close-answered=" + answered);
    }

    private String langchain4jNeverClosed(String text) throws Exception {
        List<String> command = options.containsKey("stdio") ? ClientOptions.commandTokens(options.get("stdio"))
                : ClientTarget.ownStdioServerCommand();
        dev.langchain4j.mcp.client.McpClient client = dev.langchain4j.mcp.client.DefaultMcpClient.builder()
                .transport(dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport.builder().command(command)
                        .build())
                .build();
        return client.executeTool(dev.langchain4j.agent.tool.ToolExecutionRequest.builder().name("echo")
                .arguments("{\"text\":\"" + text + "\"}").build()).resultText();
    }

    private void redeploy() throws Exception {
        boolean async = options.getOrDefault("client", "sdk").equals("sdk-async");
        BufferedReader stdin = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        // the first request only asks what the server offers; the second also calls a tool the new version has
        System.out.println("request=1 " + askCapabilitiesAndMaybeEcho(async, null));
        System.out.println("waiting-for-redeploy");
        System.out.flush();
        stdin.readLine();
        System.out.println("request=2 " + askCapabilitiesAndMaybeEcho(async, "req-2"));
        System.out.flush();
    }

    private String askCapabilitiesAndMaybeEcho(boolean async, String echoText) {
        CallToolRequest echo = new CallToolRequest("echo", Map.of("text", String.valueOf(echoText)));
        if (async) {
            var client = McpClient.async(transport(Map.of())).build();
            try {
                boolean tools = client.initialize().block(Duration.ofSeconds(30)).capabilities().tools() != null;
                String answer = echoText == null ? "" : " answer=" + client.callTool(echo).map(IsolationProbe::text)
                        .onErrorResume(e -> reactor.core.publisher.Mono.just("refused: " + e.getMessage()))
                        .block(Duration.ofSeconds(30));
                return "tools=" + tools + answer;
            } finally {
                client.closeGracefully().block(Duration.ofSeconds(30));
            }
        }
        try (McpSyncClient client = McpClient.sync(transport(Map.of())).build()) {
            boolean tools = client.initialize().capabilities().tools() != null;
            if (echoText == null) {
                return "tools=" + tools;
            }
            try {
                return "tools=" + tools + " answer=" + text(client.callTool(echo));
            } catch (RuntimeException e) {
                return "tools=" + tools + " answer=refused: " + e.getMessage();
            }
        }
    }

    /** The calling thread's user token, for the clients' callbacks. */
    static String currentUserToken() {
        return CURRENT_USER_TOKEN.get();
    }

    private interface Request {
        void run(int index) throws Exception;
    }

    /** Runs requests 0..N-1 on T threads; a failed request is counted in {@code errors}. Returns N. */
    private int concurrently(Request body) throws InterruptedException {
        int requests = Integer.parseInt(options.getOrDefault("requests", "20"));
        int threads = Integer.parseInt(options.getOrDefault("threads", "2"));
        AtomicInteger next = new AtomicInteger();
        List<Thread> workers = new ArrayList<>();
        for (int t = 0; t < threads; t++) {
            Thread worker = new Thread(() -> {
                for (int i = next.getAndIncrement(); i < requests; i = next.getAndIncrement()) {
                    try {
                        body.run(i);
                    } catch (Exception | Error e) {
                        errors.add(describe(e));
                    }
                }
            });
            workers.add(worker);
            worker.start();
        }
        for (Thread worker : workers) {
            worker.join();
        }
        return requests;
    }

    /** The exception and its causes, as the app would log them: class and message each. */
    private static String describe(Throwable failure) {
        StringBuilder text = new StringBuilder();
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            text.append(text.isEmpty() ? "" : " <- ").append(cause.getClass().getName()).append(": ")
                    .append(cause.getMessage());
        }
        return text.toString();
    }

    private void printErrors() {
        System.out.println("errors=" + errors.size());
        errors.stream().distinct().limit(PRINTED_ERRORS).forEach(error -> System.out.println("error: " + error));
    }

    /** The transport for one request: {@code secret} goes into the headers (HTTP) or the environment (stdio). */
    private McpClientTransport transport(Map<String, String> secret) {
        try {
            if (options.containsKey("url")) {
                return ClientTarget.http(ClientOptions.httpTarget(options.get("url")), List.copyOf(secret.entrySet()));
            }
            List<String> command = options.containsKey("stdio") ? ClientOptions.commandTokens(options.get("stdio"))
                    : ClientTarget.ownStdioServerCommand();
            return ClientTarget.stdio(command.get(0), command.subList(1, command.size()), secret);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private Map<String, Object> toolArguments() {
        Map<String, Object> arguments = new LinkedHashMap<>();
        String argument = options.get("tool-arg");
        if (argument != null) {
            int equals = argument.indexOf('=');
            arguments.put(argument.substring(0, equals), argument.substring(equals + 1));
        }
        return arguments;
    }

    private void printSameServer(String first, String second) {
        if (!options.containsKey("url")) {
            System.out.println("same-server=" + first.equals(second));
        }
    }

    private static String serverPid(McpSyncClient client) {
        return text(client.callTool(new CallToolRequest("pid", Map.of())));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    private static void await(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + NOTIFICATION_WAIT.toNanos();
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
