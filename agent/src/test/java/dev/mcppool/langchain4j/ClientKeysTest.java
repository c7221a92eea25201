package dev.mcppool.langchain4j;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.mcp.client.DefaultMcpClient;
import dev.langchain4j.mcp.client.McpRoot;
import dev.langchain4j.mcp.client.transport.http.StreamableHttpMcpTransport;
import dev.langchain4j.mcp.client.transport.stdio.StdioMcpTransport;
import dev.mcppool.pool.PoolKey;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class ClientKeysTest {

    @Test
    void staticHeadersCountByValueAndNeverShowTheirValues() throws Exception {
        PoolKey alice = httpKey(new HashMap<>(Map.of("Authorization", "Bearer alice-token")));
        PoolKey aliceAgain = httpKey(new HashMap<>(Map.of("Authorization", "Bearer alice-token")));
        PoolKey bob = httpKey(Map.of("Authorization", "Bearer bob-token"));

        assertThat(alice).isEqualTo(aliceAgain).isNotEqualTo(bob);
        assertThat(alice.label()).isEqualTo("http: http://127.0.0.1:3001/mcp (headers: Authorization)");
        assertThat(alice.transport()).isEqualTo("streamable-http");
        assertThat(alice.library()).isEqualTo("langchain4j");
        assertThat(alice.server()).isEqualTo("127.0.0.1:3001");
        assertThat(alice + " " + bob).doesNotContain("alice-token", "bob-token");
    }

    @Test
    void headerSuppliersCountByWhatTheyCompute() throws Exception {
        assertThat(suppliedKey("alice")).isEqualTo(suppliedKey("alice")).isNotEqualTo(suppliedKey("bob"));
        assertThat(suppliedKey("alice").label()).endsWith("(headers from a supplier)");
    }

    private static final ThreadLocal<String> SIGNED_IN_USER = new ThreadLocal<>();

    @Test
    void aHeadersSupplierThatReadsTheCallersThreadCountsByWhatItMadeOnTheBuildingThread() throws Exception {
        StreamableHttpMcpTransport.Builder builder = new StreamableHttpMcpTransport.Builder()
                .url("http://127.0.0.1:3001/mcp")
                .customHeaders(() -> Map.of("Authorization", "Bearer " + SIGNED_IN_USER.get()));
        TransportRecipe recipe = TransportRecipe.of(TransportKind.STREAMABLE_HTTP, builder);

        PoolKey alice = keyOnThreadOf("alice-token", recipe);
        PoolKey bob = keyOnThreadOf("bob-token", recipe);

        assertThat(key(recipe, DefaultMcpClient.builder())).as("the supplier itself holds nothing that differs")
                .isEqualTo(key(recipe, DefaultMcpClient.builder()));
        assertThat(alice).isEqualTo(keyOnThreadOf("alice-token", recipe)).isNotEqualTo(bob);
        assertThat(alice + " " + bob).doesNotContain("alice-token", "bob-token");
    }

    @Test
    void aPooledSessionsHeadersAreTheKeysUnlessAClientHoldsItThenTheSuppliersOnItsThread() {
        SIGNED_IN_USER.set("alice-token");
        try {
            Supplier<Map<String, String>> supplier = () -> Map.of("Authorization", "Bearer " + SIGNED_IN_USER.get());
            CallerHeaders seen = CallerHeaders.evaluatedOnThisThread(supplier);
            boolean[] lent = {false};
            @SuppressWarnings("unchecked")
            Supplier<Map<String, String>> session = (Supplier<Map<String, String>>) seen.forSession(Supplier.class,
                    () -> lent[0]);

            SIGNED_IN_USER.remove(); // a pool thread: no user signed in
            assertThat(session.get()).containsEntry("Authorization", "Bearer alice-token");
            lent[0] = true;
            assertThat(session.get()).containsEntry("Authorization", "Bearer null");
        } finally {
            SIGNED_IN_USER.remove();
        }
    }

    @Test
    void aHeadersSupplierThatMakesOtherHeadersOnEveryCallCannotBeKeyed() throws Exception {
        StreamableHttpMcpTransport.Builder builder = new StreamableHttpMcpTransport.Builder()
                .url("http://127.0.0.1:3001/mcp")
                .customHeaders(() -> Map.of("X-Request-Id", java.util.UUID.randomUUID().toString()));
        TransportRecipe recipe = TransportRecipe.of(TransportKind.STREAMABLE_HTTP, builder);

        assertThatThrownBy(recipe::seenOnThisThread).isInstanceOf(dev.mcppool.adapter.UnkeyableCallbackException.class);
    }

    private static PoolKey keyOnThreadOf(String user, TransportRecipe recipe) {
        SIGNED_IN_USER.set(user);
        try {
            return key(recipe.seenOnThisThread(), DefaultMcpClient.builder());
        } finally {
            SIGNED_IN_USER.remove();
        }
    }

    @Test
    void clientSettingsTheServerSeesAreInTheKeyButTheClientsOwnKeyIsNot() throws Exception {
        StdioMcpTransport.Builder transport = new StdioMcpTransport.Builder()
                .command(List.of("node", "server.js", "--api-key", "s3cret")).environment(Map.of("TOKEN", "t0k3n"));
        PoolKey plain = stdioKey(transport, DefaultMcpClient.builder().key("request-1"));
        PoolKey otherClientKey = stdioKey(transport, DefaultMcpClient.builder().key("request-2"));
        PoolKey otherRoots = stdioKey(transport, DefaultMcpClient.builder()
                .roots(List.of(new McpRoot("work", "file:///work"))));
        PoolKey otherName = stdioKey(transport, DefaultMcpClient.builder().clientName("someone-else"));

        assertThat(plain).isEqualTo(otherClientKey).isNotEqualTo(otherRoots).isNotEqualTo(otherName);
        assertThat(plain.label()).isEqualTo("stdio: node server.js --api-key *** (env: TOKEN)");
        assertThat(plain.server()).isEqualTo("node");
    }

    @Test
    void aStdioCommandLinesConnectionUrlPasswordNeverAppearsInTheLabel() throws Exception {
        PoolKey postgres = stdioKey(new StdioMcpTransport.Builder().command(List.of("npx", "-y",
                "@modelcontextprotocol/server-postgres", "postgresql://app:pw@db/prod")), DefaultMcpClient.builder());
        PoolKey redis = stdioKey(new StdioMcpTransport.Builder().command(List.of("npx", "-y",
                "@modelcontextprotocol/server-redis", "--url=redis://:pw@cache:6379/0")), DefaultMcpClient.builder());

        assertThat(postgres.label())
                .isEqualTo("stdio: npx -y @modelcontextprotocol/server-postgres postgresql://***@db/prod");
        assertThat(redis.label())
                .isEqualTo("stdio: npx -y @modelcontextprotocol/server-redis --url=redis://***@cache:6379/0");
        assertThat(postgres + " " + redis).doesNotContain("pw");
    }

    @Test
    void anHttpUrlsUserInfoQueryAndFragmentNeverAppearInTheLabel() throws Exception {
        // the secrets are not hexadecimal, so the fingerprint cannot contain them by chance
        PoolKey key = key(TransportRecipe.of(TransportKind.STREAMABLE_HTTP, new StreamableHttpMcpTransport.Builder()
                .url("https://user:s3cret@mcp.example.com/mcp?token=xyz#sig=xyz")), DefaultMcpClient.builder());

        assertThat(key.label()).isEqualTo("http: https://***@mcp.example.com/mcp?***#***");
        assertThat(key.toString()).doesNotContain("user", "s3cret", "xyz");
    }

    @Test
    void onlyWhetherACallbackIsSetIsInTheKey() throws Exception {
        StdioMcpTransport.Builder transport = new StdioMcpTransport.Builder().command(List.of("node", "server.js"));
        PoolKey withoutHandler = stdioKey(transport, DefaultMcpClient.builder());
        PoolKey withHandler = stdioKey(transport, DefaultMcpClient.builder().logHandler(message -> { }));
        PoolKey withAnotherHandler = stdioKey(transport, DefaultMcpClient.builder().logHandler(message -> {
            System.out.println(message);
        }));

        assertThat(withHandler).isNotEqualTo(withoutHandler).isEqualTo(withAnotherHandler);
    }

    @Test
    void environmentNamesThatDifferOnlyInCaseAreDifferentVariables() throws Exception {
        PoolKey upper = stdioKey(Map.of("TOKEN", "t"));
        Map<String, String> both = new HashMap<>(Map.of("TOKEN", "t", "token", "u"));

        assertThat(upper).isNotEqualTo(stdioKey(Map.of("token", "t")));
        assertThat(stdioKey(both)).isNotEqualTo(upper).isNotEqualTo(stdioKey(Map.of("token", "u")))
                .isEqualTo(stdioKey(new HashMap<>(both)));
        assertThat(stdioKey(both).label()).endsWith("(env: TOKEN, token)");
    }

    @Test
    void headersCountUnderTheirNameInAnyCaseAndEveryValueSentCounts() throws Exception {
        Map<String, String> twoValues = new HashMap<>(Map.of("X-Tenant", "a", "x-tenant", "b"));

        for (String name : List.of("X-Tenant", "x-tenant")) {
            for (String value : List.of("a", "b")) {
                assertThat(httpKey(twoValues)).as("both values are sent").isNotEqualTo(httpKey(Map.of(name, value)));
            }
        }
        assertThat(httpKey(Map.of("X-Tenant", "a"))).isEqualTo(httpKey(Map.of("x-tenant", "a")));
    }

    @Test
    void commandArgumentsCountOneByOneHoweverTheirTextWouldJoin() throws Exception {
        PoolKey oneArgument = stdioKey(new StdioMcpTransport.Builder().command(List.of("node", "--root", "a, b")),
                DefaultMcpClient.builder());

        assertThat(oneArgument).isNotEqualTo(stdioKey(new StdioMcpTransport.Builder()
                .command(List.of("node", "--root", "a", "b")), DefaultMcpClient.builder()));
    }

    private static PoolKey stdioKey(Map<String, String> environment) throws Exception {
        return stdioKey(new StdioMcpTransport.Builder().command(List.of("node", "server.js")).environment(environment),
                DefaultMcpClient.builder());
    }

    private static PoolKey httpKey(Map<String, String> headers) throws Exception {
        StreamableHttpMcpTransport.Builder builder = new StreamableHttpMcpTransport.Builder()
                .url("http://127.0.0.1:3001/mcp").customHeaders(headers);
        return key(TransportRecipe.of(TransportKind.STREAMABLE_HTTP, builder), DefaultMcpClient.builder());
    }

    private static PoolKey suppliedKey(String user) throws Exception {
        Supplier<Map<String, String>> headers = () -> Map.of("Authorization", "Bearer " + user);
        StreamableHttpMcpTransport.Builder builder = new StreamableHttpMcpTransport.Builder()
                .url("http://127.0.0.1:3001/mcp").customHeaders(headers);
        return key(TransportRecipe.of(TransportKind.STREAMABLE_HTTP, builder), DefaultMcpClient.builder());
    }

    private static PoolKey stdioKey(StdioMcpTransport.Builder transport, DefaultMcpClient.Builder client)
            throws Exception {
        return key(TransportRecipe.of(TransportKind.STDIO, transport), client);
    }

    private static PoolKey key(TransportRecipe transport, DefaultMcpClient.Builder client) {
        Langchain4jBinding binding = Langchain4jBinding.resolve(DefaultMcpClient.Builder.class).orElseThrow();
        ClientKeys.Keying keying = ClientKeys.keyFor(transport, binding.settingsOf(client),
                DefaultMcpClient.Builder.class.getClassLoader());
        assertThat(keying.unpooledReason()).isNull();
        return keying.key();
    }
}
