package dev.mcppool.sdk;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcppool.bootstrap.McpPoolBridge;
import dev.mcppool.config.PoolOptions;
import dev.mcppool.jmx.PoolMonitor;
import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.PoolExhaustedException;
import dev.mcppool.pool.ServerUnavailableException;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.pool.SessionPool;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.McpAsyncClient;
import io.modelcontextprotocol.client.McpSyncClient;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpError;
import io.modelcontextprotocol.spec.McpSchema;
import io.modelcontextprotocol.spec.McpSchema.CallToolRequest;
import io.modelcontextprotocol.spec.McpSchema.TextContent;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import io.modelcontextprotocol.common.McpTransportContext;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;
import javax.management.MBeanServer;
import javax.management.ObjectName;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** The client facades (sync and async) against the real SDK, instrumented in this JVM, and a real stdio server process. */
class SdkClientPoolingTest {

    private static SessionPool pool;

    @BeforeAll
    static void instrumentTheSdk() {
        pool = new SessionPool(PoolOptions.resolve("maxPerKey=2,maxWait=500ms,breakerFailures=2,breakerCooldown=1m",
                Map.of(), Map.of()).settings(), List.of(), PoolEvents.NONE);
        McpPoolBridge.install(new SdkClientPooling(pool));
        SdkInstrumentation.instrument(new AgentBuilder.Default()
                        .disableClassFormatChanges()
                        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                        .ignore(nameStartsWith("net.bytebuddy.")))
                .installOn(ByteBuddyAgent.install());
    }

    @AfterAll
    static void closePool() {
        McpPoolBridge.install((McpPoolBridge.ClientHandler) null);
        pool.close();
    }

    private static StdioClientTransport transport(Map<String, String> env) {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        return new StdioClientTransport(ServerParameters.builder(java)
                .args("-cp", System.getProperty("java.class.path"), TestStdioServer.class.getName())
                .env(env).build(), McpJsonDefaults.getMapper());
    }

    private static McpSyncClient client(String tenant) {
        return McpClient.sync(transport(Map.of("TENANT", tenant))).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static String serverPid(McpSyncClient client) {
        return text(client.callTool(new CallToolRequest("pid", Map.of())));
    }

    private static String text(McpSchema.CallToolResult result) {
        return ((TextContent) result.content().get(0)).text();
    }

    private static long childProcesses() {
        return ProcessHandle.current().children().filter(ProcessHandle::isAlive).count();
    }

    @Test
    void buildConnectsNothingAndCloseReturnsTheSessionForTheNextClient() {
        long before = childProcesses();
        McpSyncClient first = client("reuse");
        assertThat(childProcesses()).isEqualTo(before);
        assertThat(first.isInitialized()).isFalse();
        assertThat(first.getServerInfo()).isNull();

        McpSchema.InitializeResult initialized = first.initialize();
        String pid = serverPid(first);
        assertThat(first.isInitialized()).isTrue();
        assertThat(first.getServerInfo()).isEqualTo(initialized.serverInfo());
        first.close();
        assertThat(first.isInitialized()).isFalse();

        try (McpSyncClient second = client("reuse")) {
            assertThat(second.initialize()).isSameAs(initialized);
            assertThat(serverPid(second)).isEqualTo(pid);
            assertThat(text(second.callTool(new CallToolRequest("echo", Map.of("text", "hi"))))).isEqualTo("echo:hi");
        }
    }

    @Test
    void closeGracefullyAnswersTrueAndKeepsTheSessionAlive() {
        McpSyncClient first = client("graceful");
        String pid = serverPid(first);
        assertThat(first.closeGracefully()).isTrue();
        assertThat(ProcessHandle.of(Long.parseLong(pid))).hasValueSatisfying(p -> assertThat(p.isAlive()).isTrue());

        try (McpSyncClient second = client("graceful")) {
            assertThat(serverPid(second)).isEqualTo(pid);
        }
    }

    @Test
    void differentEnvironmentNeverSharesASession() {
        String pidA;
        try (McpSyncClient a = client("tenant-a")) {
            pidA = serverPid(a);
        }
        try (McpSyncClient b = client("tenant-b")) {
            assertThat(serverPid(b)).isNotEqualTo(pidA);
        }
    }

    @Test
    void serverErrorReachesTheCallerAndTheSessionStaysPooled() {
        String pid;
        try (McpSyncClient client = client("errors")) {
            pid = serverPid(client);
            assertThatThrownBy(() -> client.callTool(new CallToolRequest("no-such-tool", Map.of())))
                    .isInstanceOf(McpError.class)
                    .hasMessageContaining("Unknown tool");
        }
        try (McpSyncClient client = client("errors")) {
            assertThat(serverPid(client)).isEqualTo(pid);
        }
    }

    @Test
    void sessionWhoseLoggingLevelWasChangedIsNotLentAgain() {
        long taintedBefore = pool.totals().tainted();
        String pid;
        try (McpSyncClient client = client("tainted")) {
            pid = serverPid(client);
            client.setLoggingLevel(McpSchema.LoggingLevel.DEBUG);
        }
        assertThat(pool.totals().tainted()).isEqualTo(taintedBefore + 1);
        try (McpSyncClient client = client("tainted")) {
            assertThat(serverPid(client)).isNotEqualTo(pid);
        }
    }

    @Test
    void closedClientRefusesFurtherRequests() {
        McpSyncClient client = client("closed");
        serverPid(client);
        client.close();

        assertThatThrownBy(() -> serverPid(client))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("was closed");
        client.close();
    }

    @Test
    void samplingRequestsReachTheHandlerOfTheClientThatHoldsTheSession() {
        String pid;
        try (McpSyncClient first = samplingClient("sampling", "first")) {
            pid = serverPid(first);
            assertThat(text(first.callTool(new CallToolRequest("sample", Map.of())))).isEqualTo("first");
        }
        try (McpSyncClient second = samplingClient("sampling", "second")) {
            assertThat(serverPid(second)).isEqualTo(pid);
            assertThat(text(second.callTool(new CallToolRequest("sample", Map.of())))).isEqualTo("second");
        }
        try (McpSyncClient withoutHandler = client("sampling")) {
            assertThat(serverPid(withoutHandler)).as("a client without a sampling handler announces other capabilities")
                    .isNotEqualTo(pid);
        }
    }

    private static McpSyncClient samplingClient(String tenant, String answer) {
        return McpClient.sync(transport(Map.of("TENANT", tenant)))
                .sampling(request -> McpSchema.CreateMessageResult.builder()
                        .content(new TextContent(answer)).model("test").build())
                .build();
    }

    @Test
    void notificationsReachOnlyTheConsumersOfTheClientThatHoldsTheSession() throws Exception {
        List<String> firstLog = new CopyOnWriteArrayList<>();
        List<String> secondLog = new CopyOnWriteArrayList<>();
        String pid;
        try (McpSyncClient first = loggingClient("logging", firstLog)) {
            pid = serverPid(first);
            first.callTool(new CallToolRequest("log", Map.of("text", "one")));
            awaitUntil(() -> firstLog.contains("log:one"));
        }
        try (McpSyncClient second = loggingClient("logging", secondLog)) {
            assertThat(serverPid(second)).isEqualTo(pid);
            second.callTool(new CallToolRequest("log", Map.of("text", "two")));
            awaitUntil(() -> secondLog.contains("log:two"));
        }
        assertThat(firstLog).containsExactly("log:one");
        assertThat(secondLog).containsExactly("log:two");
    }

    private static McpSyncClient loggingClient(String tenant, List<String> log) {
        return McpClient.sync(transport(Map.of("TENANT", tenant)))
                .loggingConsumer(notification -> log.add(notification.data()))
                .build();
    }

    @Test
    void subscriptionsOfALeaseAreUndoneBeforeTheNextBorrowerGetsTheSession() throws Exception {
        List<String> firstUpdates = new CopyOnWriteArrayList<>();
        List<String> secondUpdates = new CopyOnWriteArrayList<>();
        long resetsBefore = pool.totals().resets();
        String pid;
        try (McpSyncClient first = subscribingClient(firstUpdates)) {
            pid = serverPid(first);
            first.subscribeResource(new McpSchema.SubscribeRequest(TestStdioServer.RESOURCE));
            first.callTool(new CallToolRequest("touch", Map.of()));
            awaitUntil(() -> firstUpdates.size() == 1);
        }
        assertThat(pool.totals().resets()).isEqualTo(resetsBefore + 1);

        try (McpSyncClient second = subscribingClient(secondUpdates)) {
            assertThat(serverPid(second)).isEqualTo(pid);
            second.callTool(new CallToolRequest("touch", Map.of()));
            Thread.sleep(1000);
            assertThat(secondUpdates).as("updates of the previous lease's subscription").isEmpty();

            second.subscribeResource(new McpSchema.SubscribeRequest(TestStdioServer.RESOURCE));
            second.unsubscribeResource(new McpSchema.UnsubscribeRequest(TestStdioServer.RESOURCE));
        }
        assertThat(pool.totals().resets()).as("a lease that undid its own subscription").isEqualTo(resetsBefore + 1);
        assertThat(firstUpdates).hasSize(1);
    }

    private static McpSyncClient subscribingClient(List<String> updates) {
        return McpClient.sync(transport(Map.of("TENANT", "subscriptions")))
                .resourcesUpdateConsumer(contents -> updates.add(contents.get(0).uri()))
                .build();
    }

    @Test
    void contextProvidersShareSessionsOnlyWhenTheyComputeTheSame() {
        String alice;
        try (McpSyncClient client = contextClient("alice")) {
            alice = serverPid(client);
        }
        try (McpSyncClient client = contextClient("bob")) {
            assertThat(serverPid(client)).isNotEqualTo(alice);
        }
        try (McpSyncClient client = contextClient(new String("alice"))) {
            assertThat(serverPid(client)).isEqualTo(alice);
        }
    }

    private static McpSyncClient contextClient(String user) {
        return McpClient.sync(transport(Map.of("TENANT", "context")))
                .transportContextProvider(() -> McpTransportContext.create(Map.of("user", user)))
                .build();
    }

    private static void awaitUntil(BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (!condition.getAsBoolean()) {
            assertThat(System.nanoTime()).as("condition met within 10 s").isLessThan(deadline);
            Thread.sleep(20);
        }
    }

    private static McpAsyncClient asyncClient(String tenant) {
        return McpClient.async(transport(Map.of("TENANT", tenant))).requestTimeout(Duration.ofSeconds(20)).build();
    }

    private static String serverPid(McpAsyncClient client) {
        return text(client.callTool(new CallToolRequest("pid", Map.of())).block());
    }

    @Test
    void asyncClientBorrowsWhenSubscribedAndSharesSessionsWithEqualSyncClients() {
        long before = childProcesses();
        McpAsyncClient async = asyncClient("async");
        Mono<McpSchema.CallToolResult> pending = async.callTool(new CallToolRequest("pid", Map.of()));
        assertThat(childProcesses()).as("nothing starts before the Mono is subscribed").isEqualTo(before);
        String pid = text(pending.block());
        assertThat(async.isInitialized()).isTrue();
        assertThat(async.closeGracefully().block(Duration.ofSeconds(5))).isNull();

        McpSchema.InitializeResult initialized;
        try (McpSyncClient sync = client("async")) {
            initialized = sync.initialize();
            assertThat(serverPid(sync)).isEqualTo(pid);
        }
        McpAsyncClient again = asyncClient("async");
        assertThat(again.initialize().block(Duration.ofSeconds(5))).isSameAs(initialized);
        assertThat(serverPid(again)).isEqualTo(pid);
        again.close();
    }

    @Test
    void closeDuringAnAsyncCallReturnsTheSessionOnlyWhenTheCallHasFinished() throws Exception {
        McpAsyncClient first = asyncClient("async-in-flight");
        String pid = serverPid(first);
        CompletableFuture<McpSchema.CallToolResult> running = first.callTool(
                new CallToolRequest("sleep", Map.of("ms", 1500))).toFuture();
        Thread.sleep(200);
        CompletableFuture<Void> returned = first.closeGracefully().toFuture();
        assertThat(returned).isNotDone();

        try (McpSyncClient during = client("async-in-flight")) {
            assertThat(serverPid(during)).as("the session is still running the first client's call").isNotEqualTo(pid);
        }
        assertThat(text(running.get(10, TimeUnit.SECONDS))).isEqualTo("slept");
        returned.get(5, TimeUnit.SECONDS);
        try (McpSyncClient a = client("async-in-flight"); McpSyncClient b = client("async-in-flight")) {
            assertThat(List.of(serverPid(a), serverPid(b))).as("both idle sessions, the first one back").contains(pid);
        }
    }

    @Test
    void aCancelledAsyncCallKeepsItsSessionFromTheNextBorrower() throws Exception {
        McpAsyncClient first = asyncClient("async-cancel");
        String pid = serverPid(first);
        Disposable running = first.callTool(new CallToolRequest("sleep", Map.of("ms", 3000))).subscribe();
        Thread.sleep(200);
        running.dispose();
        first.close();
        try (McpSyncClient next = client("async-cancel")) {
            assertThat(serverPid(next)).isNotEqualTo(pid);
        }
    }

    @Test
    void aCancelAfterTheAnswerKeepsTheSession() {
        McpAsyncClient first = asyncClient("async-next");
        String pid = Flux.from(first.callTool(new CallToolRequest("pid", Map.of()))).map(SdkClientPoolingTest::text)
                .next().block();
        first.close();
        try (McpSyncClient next = client("async-next")) {
            assertThat(serverPid(next)).isEqualTo(pid);
        }
    }

    @Test
    void cancelledFirstRequestsDoNotCountAsServersFailingToStart() {
        for (int attempt = 0; attempt < 3; attempt++) {
            McpAsyncClient client = asyncClient("async-cancel-first");
            client.callTool(new CallToolRequest("pid", Map.of())).timeout(Duration.ofMillis(1))
                    .onErrorResume(e -> Mono.empty()).block();
            client.close();
        }
        try (McpSyncClient next = client("async-cancel-first")) {
            assertThat(serverPid(next)).isNotBlank();
        }
    }

    @Test
    void closeGracefullyMayBeAwaitedAgainAfterATimeout() {
        McpAsyncClient client = asyncClient("async-close-twice");
        serverPid(client);
        client.callTool(new CallToolRequest("sleep", Map.of("ms", 800))).subscribe();
        assertThatThrownBy(() -> client.closeGracefully().block(Duration.ofMillis(100)))
                .hasMessageContaining("Timeout");
        assertThat(client.closeGracefully().block(Duration.ofSeconds(5))).isNull();
    }

    @Test
    void asyncSubscriptionsAreUndoneWithoutBlockingTheTransport() {
        long resetsBefore = pool.totals().resets();
        McpAsyncClient first = McpClient.async(transport(Map.of("TENANT", "async-subscriptions")))
                .requestTimeout(Duration.ofSeconds(15)).build();
        String pid = serverPid(first);
        long start = System.nanoTime();
        first.subscribeResource(new McpSchema.SubscribeRequest(TestStdioServer.RESOURCE))
                .then(first.callTool(new CallToolRequest("pid", Map.of())))
                .then(first.closeGracefully())
                .block(Duration.ofSeconds(30));
        assertThat(Duration.ofNanos(System.nanoTime() - start))
                .as("an undo blocking the transport would wait out the 15 s request timeout")
                .isLessThan(Duration.ofSeconds(7));
        assertThat(pool.totals().resets()).isEqualTo(resetsBefore + 1);
        McpAsyncClient next = McpClient.async(transport(Map.of("TENANT", "async-subscriptions")))
                .requestTimeout(Duration.ofSeconds(15)).build();
        assertThat(serverPid(next)).isEqualTo(pid);
        next.close();
    }

    @Test
    void asyncSamplingHandlersAnswerForTheClientThatHoldsTheSession() {
        String pid;
        McpAsyncClient first = McpClient.async(transport(Map.of("TENANT", "async-sampling")))
                .sampling(request -> Mono.just(McpSchema.CreateMessageResult.builder()
                        .content(new TextContent("async-first")).model("test").build()))
                .build();
        pid = serverPid(first);
        assertThat(text(first.callTool(new CallToolRequest("sample", Map.of())).block())).isEqualTo("async-first");
        first.closeGracefully().block();
        try (McpSyncClient second = samplingClient("async-sampling", "sync-second")) {
            assertThat(serverPid(second)).isEqualTo(pid);
            assertThat(text(second.callTool(new CallToolRequest("sample", Map.of())))).isEqualTo("sync-second");
        }
    }

    @Test
    void exhaustedPoolFailsTheRequestNamingTheServer() {
        McpSyncClient first = client("exhausted");
        McpSyncClient second = client("exhausted");
        McpSyncClient third = client("exhausted");
        try {
            serverPid(first);
            serverPid(second);
            assertThatThrownBy(() -> serverPid(third))
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("stdio: ")
                    .hasMessageContaining("TENANT")
                    .hasMessageNotContaining("exhausted")
                    .hasMessageContaining("2 of maxPerKey=2");
        } finally {
            first.close();
            second.close();
            third.close();
        }
    }

    @Test
    void aStdioArgumentsPasswordNeverAppearsInThePoolExhaustedMessageNorInTheServersJmxName() throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        ServerParameters postgresLike = ServerParameters.builder(java).args("-cp",
                System.getProperty("java.class.path"), TestStdioServer.class.getName(),
                "postgresql://app:hunter2@db/prod").build();
        List<McpSyncClient> clients = List.of(postgresLikeClient(postgresLike), postgresLikeClient(postgresLike),
                postgresLikeClient(postgresLike));
        PoolMonitor monitor = new PoolMonitor(pool, "test");
        PoolKey key = null;
        try {
            serverPid(clients.get(0));
            serverPid(clients.get(1));
            assertThatThrownBy(() -> serverPid(clients.get(2)))
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("postgresql://***@db/prod")
                    .hasMessageNotContaining("hunter2");

            key = pool.counters().keySet().stream().filter(known -> known.label().contains("postgresql"))
                    .findFirst().orElseThrow();
            monitor.added(key);
            MBeanServer jmx = ManagementFactory.getPlatformMBeanServer();
            ObjectName servers = new ObjectName("dev.mcppool:type=McpServerPool,*");
            awaitUntil(() -> !jmx.queryNames(servers, null).isEmpty());
            ObjectName name = jmx.queryNames(servers, null).iterator().next();
            assertThat(name.toString()).doesNotContain("hunter2");
            assertThat(ObjectName.unquote(name.getKeyProperty("name"))).contains("postgresql://***@db/prod");
        } finally {
            clients.forEach(McpSyncClient::close);
            if (key != null) {
                monitor.removed(key);
            }
        }
    }

    private static McpSyncClient postgresLikeClient(ServerParameters parameters) {
        return McpClient.sync(new StdioClientTransport(parameters, McpJsonDefaults.getMapper()))
                .requestTimeout(Duration.ofSeconds(20)).build();
    }

    @Test
    void interruptedWaitFailsTheRequestKeepsTheInterruptAndStartsNoServer() throws Exception {
        McpSyncClient first = client("interrupted");
        McpSyncClient second = client("interrupted");
        McpSyncClient third = client("interrupted");
        try {
            serverPid(first);
            serverPid(second);
            long servers = childProcesses();
            AtomicReference<Throwable> failure = new AtomicReference<>();
            AtomicBoolean interruptKept = new AtomicBoolean();
            Thread waiter = new Thread(() -> {
                try {
                    serverPid(third);
                } catch (Throwable e) {
                    failure.set(e);
                    interruptKept.set(Thread.currentThread().isInterrupted());
                }
            });
            waiter.start();
            Thread.sleep(150);
            waiter.interrupt();
            waiter.join(5000);

            assertThat(failure.get()).isInstanceOf(IllegalStateException.class).hasMessageContaining("interrupted");
            assertThat(interruptKept).isTrue();
            assertThat(childProcesses()).isEqualTo(servers);
        } finally {
            first.close();
            second.close();
            third.close();
        }
    }

    @Test
    void serverThatCannotStartFailsAsWithoutTheAgentThenFastWhileTheBreakerIsOpen() {
        ServerParameters missing = ServerParameters.builder("/nonexistent/mcp-server").build();
        for (int attempt = 0; attempt < 2; attempt++) {
            try (McpSyncClient client = McpClient.sync(new StdioClientTransport(missing, McpJsonDefaults.getMapper()))
                    .initializationTimeout(Duration.ofSeconds(2)).build()) {
                assertThatThrownBy(client::initialize).isNotInstanceOf(ServerUnavailableException.class);
            }
        }

        try (McpSyncClient client = McpClient.sync(new StdioClientTransport(missing, McpJsonDefaults.getMapper()))
                .initializationTimeout(Duration.ofSeconds(2)).build()) {
            long start = System.nanoTime();
            assertThatThrownBy(client::initialize)
                    .isInstanceOf(ServerUnavailableException.class)
                    .hasMessageContaining("stdio: /nonexistent/mcp-server")
                    .hasMessageContaining("failed to start 2 times in a row");
            assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
        }
    }
}
