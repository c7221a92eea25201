package dev.mcppool.langchain4j;

import static net.bytebuddy.matcher.ElementMatchers.nameStartsWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import dev.langchain4j.agent.tool.ToolExecutionRequest;
import dev.langchain4j.exception.ToolExecutionException;
import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpClient;
import dev.langchain4j.mcp.client.McpRoot;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.mcppool.bootstrap.McpPoolBridge;
import dev.mcppool.config.PoolOptions;
import dev.mcppool.pool.PoolEvents;
import dev.mcppool.pool.SessionPool;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import net.bytebuddy.agent.ByteBuddyAgent;
import net.bytebuddy.agent.builder.AgentBuilder;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How a LangChain4j client's lease ends: which sessions go back to the pool when the client is closed. Each test first
 * has a client use a session and close, so that the client under test holds that pooled session; the next client then
 * shows whether it got the same one ({@link TestHttpServer#sessionsOpened()}).
 */
class Langchain4jLeaseEndTest {

    /** Every client's: the key includes it. Long enough for any answered call on a busy machine. */
    private static final Duration TOOL_TIMEOUT = Duration.ofSeconds(3);

    private static SessionPool pool;
    private TestHttpServer server;

    @BeforeAll
    static void instrumentLangchain4j() throws ClassNotFoundException {
        pool = new SessionPool(PoolOptions.resolve("maxPerKey=1,maxWait=2s", Map.of(), Map.of()).settings(),
                List.of(), PoolEvents.NONE);
        McpPoolBridge.install(new Langchain4jPooling(pool));
        // both loaded before they are retransformed: retransforming one loads the other, which then stays as it was
        Class.forName("dev.langchain4j.mcp.client.DefaultMcpClient");
        Class.forName("dev.langchain4j.mcp.client.DefaultMcpClient$Builder");
        Langchain4jInstrumentation.instrument(new AgentBuilder.Default()
                        .disableClassFormatChanges()
                        .with(AgentBuilder.RedefinitionStrategy.RETRANSFORMATION)
                        .ignore(nameStartsWith("net.bytebuddy.")))
                .installOn(ByteBuddyAgent.install());
    }

    @AfterAll
    static void closePool() {
        McpPoolBridge.install((McpPoolBridge.Langchain4jHandler) null);
        pool.close();
    }

    @BeforeEach
    void startServer() throws Exception {
        server = new TestHttpServer();
    }

    @AfterEach
    void stopServer() {
        server.close();
    }

    private McpClient client() {
        StreamableHttpMcpTransport transport = new StreamableHttpMcpTransport.Builder()
                .url(server.url()).timeout(Duration.ofSeconds(5)).build();
        return new DefaultMcpClient.Builder().transport(transport).toolExecutionTimeout(TOOL_TIMEOUT).build();
    }

    /** A client holding the key's one pooled session, which an earlier client has used and closed. */
    private McpClient clientOnAPooledSession() throws Exception {
        try (McpClient first = client()) {
            call(first, "echo");
        }
        McpClient client = client();
        call(client, "echo");
        assertThat(server.sessionsOpened()).as("the second client got the first one's session").isEqualTo(1);
        return client;
    }

    private static String call(McpClient client, String tool) {
        return client.executeTool(ToolExecutionRequest.builder().name(tool).arguments("{}").build()).resultText();
    }

    /** Opens a client after the one under test was closed: the number of sessions the server has opened by then. */
    private int sessionsOpenedOnceTheNextClientCalls() throws Exception {
        try (McpClient next = client()) {
            assertThat(call(next, "echo")).isEqualTo("echo done");
        }
        return server.sessionsOpened();
    }

    @Test
    void aToolCallThatTimedOutDestroysItsSessionBecauseTheServerMayStillBeRunningIt() throws Exception {
        McpClient client = clientOnAPooledSession();

        String answer = call(client, "slow");
        client.close();

        assertThat(answer).as("LangChain4j answers a timed-out call itself").contains("timeout");
        assertThat(sessionsOpenedOnceTheNextClientCalls()).isEqualTo(2);
    }

    @Test
    void aToolCallTheTransportFailedDestroysItsSession() throws Exception {
        McpClient client = clientOnAPooledSession();

        Throwable failure = catchThrowable(() -> call(client, "unreachable"));
        client.close();

        assertThat(failure).isInstanceOf(ToolExecutionException.class).hasMessageContaining("500");
        assertThat(sessionsOpenedOnceTheNextClientCalls()).isEqualTo(2);
    }

    @Test
    void aServersErrorAnswerToAToolCallKeepsItsSession() throws Exception {
        McpClient client = clientOnAPooledSession();

        Throwable failure = catchThrowable(() -> call(client, "refused"));
        client.close();

        assertThat(failure).isInstanceOf(ToolExecutionException.class).hasMessageContaining("refused");
        assertThat(sessionsOpenedOnceTheNextClientCalls()).isEqualTo(1);
    }

    @Test
    void settingRootsDestroysTheSessionOnReturnInsteadOfSendingTheOldRootsBack() throws Exception {
        McpClient client = clientOnAPooledSession();

        client.setRoots(List.of(new McpRoot("work", "file:///work")));
        client.close();

        assertThat(sessionsOpenedOnceTheNextClientCalls()).isEqualTo(2);
        assertThat(server.notifications()).as("roots changed once, by the client; never changed back")
                .containsOnlyOnce("notifications/roots/list_changed");
    }
}
