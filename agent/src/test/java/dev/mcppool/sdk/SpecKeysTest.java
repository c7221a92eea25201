package dev.mcppool.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.mcppool.adapter.SharedHttpClients;
import dev.mcppool.pool.PoolKey;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientSseClientTransport;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.json.McpJsonMapper;
import io.modelcontextprotocol.json.jackson3.JacksonMcpJsonMapper;
import io.modelcontextprotocol.spec.McpClientTransport;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.UnaryOperator;
import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLParameters;
import net.bytebuddy.agent.ByteBuddyAgent;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

/** Which client specs share a pool key: those a server cannot tell apart, and no others. */
class SpecKeysTest {

    private static final SdkBinding SDK = SdkBinding.resolve(McpClient.SyncSpec.class).orElseThrow();

    private static McpClient.SyncSpec spec(UnaryOperator<McpClient.SyncSpec> settings) {
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder("node")
                .args("server.js").env(Map.of("TOKEN", "t-1")).build(), McpJsonDefaults.getMapper());
        return settings.apply(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)));
    }

    /** Opens the JDK's HttpClient package to the agent, as the agent does when it starts (JDK 19+ keys read it). */
    @BeforeAll
    static void openHttpClientPackage() {
        SharedHttpClients.install(ByteBuddyAgent.install());
    }

    private static PoolKey stdioKey(String... arguments) {
        return keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("node").args(arguments).build(),
                McpJsonDefaults.getMapper())));
    }

    private static PoolKey transportKey(McpClientTransport transport) {
        return keyOf(McpClient.sync(transport));
    }

    private static PoolKey httpKey(UnaryOperator<HttpClientStreamableHttpTransport.Builder> settings) {
        return transportKey(settings.apply(HttpClientStreamableHttpTransport.builder("https://gw.example")).build());
    }

    private static PoolKey httpClientKey(Consumer<HttpClient.Builder> client) {
        return httpKey(transport -> transport.customizeClient(client));
    }

    private static PoolKey keyOf(McpClient.SyncSpec spec) {
        SpecKeys.Keying keying = SpecKeys.keyFor(SDK, spec, ClientCallbacks.of(SDK, spec));
        assertThat(keying.unpooledReason()).isNull();
        return keying.key();
    }

    private static McpSchema.ClientCapabilities capabilities(Map<String, Object> experimental) {
        return McpSchema.ClientCapabilities.builder().experimental(experimental).roots(true).build();
    }

    private static final ThreadLocal<String> SIGNED_IN_USER = new ThreadLocal<>();

    /** The SDK's documented way to pass a per-call token: neither callback holds anything that differs per user. */
    private static McpClient.SyncSpec callerCredentialSpec() {
        HttpClientStreamableHttpTransport transport = HttpClientStreamableHttpTransport.builder("http://127.0.0.1:3001")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("Authorization", "Bearer " + context.get("token")))
                .build();
        return McpClient.sync(transport).transportContextProvider(() ->
                McpTransportContext.create(Map.of("token", SIGNED_IN_USER.get())));
    }

    private static PoolKey keyOnThreadOf(String user, McpClient.SyncSpec spec) throws Exception {
        ClientCallbacks callbacks = ClientCallbacks.of(SDK, spec);
        SpecKeys.Keying keying = SpecKeys.keyFor(SDK, spec, callbacks);
        assertThat(keying.completedOnCallersThread()).isTrue();
        SIGNED_IN_USER.set(user);
        try {
            return SpecKeys.completedOnCallersThread(SDK, spec, keying.key(), callbacks.contextOnThisThread());
        } finally {
            SIGNED_IN_USER.remove();
        }
    }

    @Test
    void anAsyncCustomizerThatReadsTheSubscribersContextCountsByWhatItMakesForTheCallersContext() throws Exception {
        McpClient.SyncSpec spec = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:3001")
                .asyncHttpRequestCustomizer((request, method, uri, body, ignored) -> reactor.core.publisher.Mono
                        .deferContextual(subscriber -> {
                            McpTransportContext context = subscriber.get(McpTransportContext.KEY);
                            return reactor.core.publisher.Mono.just(request.header("Authorization",
                                    "Bearer " + context.get("token")));
                        }))
                .build())
                .transportContextProvider(() -> McpTransportContext.create(Map.of("token", SIGNED_IN_USER.get())));

        assertThat(keyOnThreadOf("alice-token", spec)).isEqualTo(keyOnThreadOf("alice-token", spec))
                .isNotEqualTo(keyOnThreadOf("bob-token", spec));
    }

    @Test
    void aRequestCustomizerThatMakesOtherHeadersOnEveryRequestCannotBeKeyed() {
        McpClient.SyncSpec spec = McpClient.sync(HttpClientStreamableHttpTransport.builder("http://127.0.0.1:3001")
                .httpRequestCustomizer((request, method, uri, body, context) ->
                        request.header("X-Request-Id", java.util.UUID.randomUUID().toString()))
                .build());

        assertThatThrownBy(() -> keyOnThreadOf("alice-token", spec))
                .isInstanceOf(dev.mcppool.adapter.UnkeyableCallbackException.class);
    }

    @Test
    void aRequestCustomizerFedByTheCallersContextCountsByWhatItMakesOnTheCallersThread() throws Exception {
        McpClient.SyncSpec spec = callerCredentialSpec();
        PoolKey alice = keyOnThreadOf("alice-token", spec);

        assertThat(keyOf(spec)).as("as built, the key cannot tell the users apart").isEqualTo(keyOf(callerCredentialSpec()));
        assertThat(alice).isEqualTo(keyOnThreadOf("alice-token", callerCredentialSpec()))
                .isNotEqualTo(keyOnThreadOf("bob-token", spec));
        assertThat(alice.toString()).doesNotContain("alice-token");
    }

    @Test
    void specsWithEqualSettingsShareAKey() {
        UnaryOperator<McpClient.SyncSpec> settings = spec -> spec
                .clientInfo(new McpSchema.Implementation("app", "1.0"))
                .capabilities(capabilities(Map.of("a", 1, "b", "two")))
                .roots(new McpSchema.Root("file:///x", "x"));

        assertThat(keyOf(spec(settings))).isEqualTo(keyOf(spec(settings)));
    }

    @Test
    void anySettingTheServerSeesSeparatesKeys() {
        PoolKey plain = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))));

        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.1"))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .requestTimeout(Duration.ofSeconds(21))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .roots(new McpSchema.Root("file:///x", "x"))))).isNotEqualTo(plain);
        assertThat(keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("app", "1.0"))
                .capabilities(capabilities(Map.of("a", 1)))))).isNotEqualTo(plain);
    }

    @Test
    void nestedValuesCountAndTheirMapOrderDoesNot() {
        Map<String, Object> ab = new LinkedHashMap<>();
        ab.put("a", 1);
        ab.put("b", Map.of("deep", "x"));
        Map<String, Object> ba = new LinkedHashMap<>();
        ba.put("b", Map.of("deep", "x"));
        ba.put("a", 1);
        Map<String, Object> deeperChanged = Map.of("a", 1, "b", Map.of("deep", "y"));

        PoolKey first = keyOf(spec(spec -> spec.capabilities(capabilities(ab))));
        assertThat(keyOf(spec(spec -> spec.capabilities(capabilities(ba))))).isEqualTo(first);
        assertThat(keyOf(spec(spec -> spec.capabilities(capabilities(deeperChanged))))).isNotEqualTo(first);
    }

    @Test
    void textThatLooksLikeStructureCannotMakeTwoValuesEqual() {
        // as written by the record's toString, both read "Implementation[name=a, title=t, version=v, version=w, ...]"
        PoolKey oneTitle = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("a", "t, version=v", "w"))));
        PoolKey otherTitle = keyOf(spec(spec -> spec.clientInfo(new McpSchema.Implementation("a", "t", "v, version=w"))));

        assertThat(oneTitle).isNotEqualTo(otherTitle);
        assertThat(KeyText.of(Map.of("k", "v"))).isNotEqualTo(KeyText.of(Set.of("k=v")));
        assertThat(KeyText.of(Map.of())).isNotEqualTo(KeyText.of(Set.of()));
        assertThat(KeyText.of(List.of('1'))).isNotEqualTo(KeyText.of(List.of(1)));
        assertThat(KeyText.of(List.of(URI.create("x")))).isNotEqualTo(KeyText.of(List.of("x")));
    }

    @Test
    void aMapWhoseKeysReadAlikeFailsTheKey() {
        Map<Object, Object> ambiguous = new HashMap<>();
        ambiguous.put(1, "int");
        ambiguous.put(1L, "long");

        assertThatThrownBy(() -> KeyText.of(ambiguous)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void recordsAreWrittenByTheirComponentsWhateverTheirToString() {
        record Hidden(String visible, String secret) {
            @Override
            public String toString() {
                return "Hidden[" + visible + "]";
            }
        }

        assertThat(KeyText.of(new Hidden("v", "s1"))).isNotEqualTo(KeyText.of(new Hidden("v", "s2")));
        assertThat(KeyText.of(new Hidden("v", "s1"))).isEqualTo(KeyText.of(new Hidden("v", "s1")));
    }

    @Test
    void anObjectWithoutAValueToStringCountsByClassAsASettingAndByInstanceInsideOne() {
        StringBuilder one = new StringBuilder();
        KeyText.appendSetting(one, new Object());
        StringBuilder other = new StringBuilder();
        KeyText.appendSetting(other, new Object());
        assertThat(one.toString()).isEqualTo(other.toString()).isEqualTo("java.lang.Object");

        // nested, e.g. in ClientCapabilities.experimental: two configuration objects must not read alike
        assertThat(keyOf(spec(spec -> spec.capabilities(capabilities(Map.of("auth", new Object()))))))
                .isNotEqualTo(keyOf(spec(spec -> spec.capabilities(capabilities(Map.of("auth", new Object()))))));
    }

    @Test
    void stdioArgumentsCountOneByOneHoweverTheirTextWouldJoin() {
        // List.toString writes both as [--root, a, b]
        assertThat(stdioKey("--root", "a, b")).isNotEqualTo(stdioKey("--root", "a", "b"));
        assertThat(stdioKey("--root", "a, b")).isEqualTo(stdioKey("--root", "a, b"));
    }

    @Test
    void httpClientsKeyTheUrlTheSdkRequestsNotTheTextOfBaseAndEndpoint() {
        // the SDK resolves the endpoint against the base: the default "/mcp" replaces the base's path "/t"
        PoolKey baseWithPath = transportKey(HttpClientStreamableHttpTransport.builder("https://gw.example/t").build());
        PoolKey pathInEndpoint = httpKey(transport -> transport.endpoint("/t/mcp"));
        PoolKey samePathFromOtherBase = transportKey(HttpClientStreamableHttpTransport.builder("https://gw.example/x")
                .endpoint("/t/mcp").build());

        assertThat(baseWithPath).isNotEqualTo(pathInEndpoint);
        assertThat(baseWithPath.label()).isEqualTo("http: https://gw.example/mcp");
        assertThat(samePathFromOtherBase).isEqualTo(pathInEndpoint);
        assertThat(pathInEndpoint.label()).isEqualTo("http: https://gw.example/t/mcp");
    }

    @Test
    void sseClientsKeyTheEventStreamTheyOpenAndTheBaseTheServersMessageUrlResolvesAgainst() {
        PoolKey baseWithPath = transportKey(HttpClientSseClientTransport.builder("https://gw.example/t").build());
        PoolKey pathInEndpoint = transportKey(HttpClientSseClientTransport.builder("https://gw.example")
                .sseEndpoint("/t/sse").build());
        // both open https://gw.example/a/sse, but a message endpoint "message" is /a/message for one, /message for the other
        PoolKey underA = transportKey(HttpClientSseClientTransport.builder("https://gw.example/a/")
                .sseEndpoint("sse").build());
        PoolKey underRoot = transportKey(HttpClientSseClientTransport.builder("https://gw.example/b")
                .sseEndpoint("/a/sse").build());

        assertThat(baseWithPath).isNotEqualTo(pathInEndpoint);
        assertThat(baseWithPath.label()).isEqualTo("sse: https://gw.example/sse");
        assertThat(underA).isNotEqualTo(underRoot);
        assertThat(underA).isEqualTo(transportKey(HttpClientSseClientTransport.builder("https://gw.example/a/")
                .sseEndpoint("sse").build()));
    }

    @Test
    void sslParametersOfTheHttpClientCountByValue() {
        PoolKey tls13 = httpClientKey(client -> client.sslParameters(sslParameters(p -> p.setProtocols(
                new String[] {"TLSv1.3"}))));

        assertThat(httpClientKey(client -> client.sslParameters(sslParameters(p -> p.setProtocols(
                new String[] {"TLSv1.3"}))))).as("an equal copy").isEqualTo(tls13);
        assertThat(httpClientKey(client -> { })).as("the default parameters").isNotEqualTo(tls13);
        assertThat(httpClientKey(client -> client.sslParameters(sslParameters(p -> p.setProtocols(
                new String[] {"TLSv1.2"}))))).isNotEqualTo(tls13);
        assertThat(httpClientKey(client -> client.sslParameters(sslParameters(p -> {
            p.setProtocols(new String[] {"TLSv1.3"});
            p.setCipherSuites(new String[] {"TLS_AES_256_GCM_SHA384"});
        })))).isNotEqualTo(tls13);
        assertThat(httpClientKey(client -> client.sslParameters(sslParameters(p -> {
            p.setProtocols(new String[] {"TLSv1.3"});
            p.setServerNames(List.of(new SNIHostName("tenant-a.gw.example")));
        })))).isNotEqualTo(tls13);
    }

    private static SSLParameters sslParameters(Consumer<SSLParameters> settings) {
        SSLParameters parameters = new SSLParameters();
        settings.accept(parameters);
        return parameters;
    }

    @Test
    void theLocalAddressOfTheHttpClientCountsOnJdksThatHaveIt() throws Exception {
        assumeTrue(Runtime.version().feature() >= 19, "HttpClient.Builder.localAddress came with JDK 19");
        Method localAddress = HttpClient.Builder.class.getMethod("localAddress", InetAddress.class);
        InetAddress loopback = InetAddress.getByName("127.0.0.1");
        InetAddress otherLoopback = InetAddress.getByName("127.0.0.2");
        Consumer<HttpClient.Builder> fromLoopback = client -> invoke(localAddress, client, loopback);

        assertThat(httpClientKey(fromLoopback)).as("two clients, one address").isEqualTo(httpClientKey(fromLoopback))
                .isNotEqualTo(httpClientKey(client -> invoke(localAddress, client, otherLoopback)))
                .isNotEqualTo(httpClientKey(client -> { }));
    }

    private static void invoke(Method method, Object target, Object argument) {
        try {
            method.invoke(target, argument);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void jsonMappersCountByClassSoThatAMapperBuiltPerTransportStillShares() {
        McpJsonMapper own = new JacksonMcpJsonMapper(JsonMapper.builder().build());
        McpJsonMapper otherKind = new McpJsonMapper() {
            @Override
            public <T> T readValue(String content, Class<T> type) throws java.io.IOException {
                return own.readValue(content, type);
            }

            @Override
            public <T> T readValue(byte[] content, Class<T> type) throws java.io.IOException {
                return own.readValue(content, type);
            }

            @Override
            public <T> T readValue(String content, io.modelcontextprotocol.json.TypeRef<T> type)
                    throws java.io.IOException {
                return own.readValue(content, type);
            }

            @Override
            public <T> T readValue(byte[] content, io.modelcontextprotocol.json.TypeRef<T> type)
                    throws java.io.IOException {
                return own.readValue(content, type);
            }

            @Override
            public <T> T convertValue(Object from, Class<T> type) {
                return own.convertValue(from, type);
            }

            @Override
            public <T> T convertValue(Object from, io.modelcontextprotocol.json.TypeRef<T> type) {
                return own.convertValue(from, type);
            }

            @Override
            public String writeValueAsString(Object value) throws java.io.IOException {
                return own.writeValueAsString(value);
            }

            @Override
            public byte[] writeValueAsBytes(Object value) throws java.io.IOException {
                return own.writeValueAsBytes(value);
            }
        };

        assertThat(httpKey(transport -> transport.jsonMapper(own)))
                .isEqualTo(httpKey(transport -> transport.jsonMapper(new JacksonMcpJsonMapper(JsonMapper.builder().build()))))
                .isNotEqualTo(httpKey(transport -> transport.jsonMapper(otherKind)));
        assertThat(keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("node").build(), own))))
                .as("stdio").isEqualTo(keyOf(McpClient.sync(new StdioClientTransport(
                        ServerParameters.builder("node").build(), new JacksonMcpJsonMapper(JsonMapper.builder().build())))))
                .isNotEqualTo(keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("node").build(),
                        otherKind))));
    }

    @Test
    void clientsOfTwoCopiesOfTheSdkNeverShareAKey() throws Exception {
        URL[] classPath = Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .map(SpecKeysTest::url).toArray(URL[]::new);
        try (URLClassLoader otherApplication = new URLClassLoader(classPath, ClassLoader.getPlatformClassLoader())) {
            Class<?> specClass = Class.forName(McpClient.SyncSpec.class.getName(), true, otherApplication);
            Method plainSpec = otherApplication.loadClass(SpecKeysTest.class.getName()).getMethod("plainSpec");
            plainSpec.setAccessible(true);
            Thread thread = Thread.currentThread();
            ClassLoader context = thread.getContextClassLoader();
            thread.setContextClassLoader(otherApplication); // the SDK finds its JSON mapper through it
            Object otherSpec;
            try {
                otherSpec = plainSpec.invoke(null);
            } finally {
                thread.setContextClassLoader(context);
            }
            assertThat(otherSpec.getClass()).isSameAs(specClass);
            SdkBinding otherSdk = SdkBinding.resolve(specClass).orElseThrow();

            PoolKey otherKey = SpecKeys.keyFor(otherSdk, otherSpec, ClientCallbacks.of(otherSdk, otherSpec)).key();
            assertThat(otherKey).isNotNull().isNotEqualTo(keyOf((McpClient.SyncSpec) plainSpec()));
            assertThat(otherKey.label()).isEqualTo(keyOf((McpClient.SyncSpec) plainSpec()).label());
        }
    }

    @Test
    void aStdioArgumentsPasswordNeverAppearsInTheLabel() {
        PoolKey postgres = keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("npx")
                .args("-y", "@modelcontextprotocol/server-postgres", "postgresql://app:pw@db/prod").build(),
                McpJsonDefaults.getMapper())));
        PoolKey redis = keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("npx")
                .args("-y", "@modelcontextprotocol/server-redis", "redis://:pw@cache:6379/0").build(),
                McpJsonDefaults.getMapper())));

        // the SDK adds the names of the environment variables it passes on by default
        assertThat(postgres.label())
                .startsWith("stdio: npx -y @modelcontextprotocol/server-postgres postgresql://***@db/prod (env: ");
        assertThat(redis.label())
                .startsWith("stdio: npx -y @modelcontextprotocol/server-redis redis://***@cache:6379/0 (env: ");
        assertThat(postgres + " " + redis).as("as JMX names and exception messages show the key")
                .doesNotContain("pw");
    }

    @Test
    void argumentsThatDifferOnlyWhereTheLabelHidesThemAreDifferentKeysWithOneLabel() {
        PoolKey app = keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("npx")
                .args("@modelcontextprotocol/server-postgres", "postgresql://app:pw@db/prod").build(),
                McpJsonDefaults.getMapper())));
        PoolKey admin = keyOf(McpClient.sync(new StdioClientTransport(ServerParameters.builder("npx")
                .args("@modelcontextprotocol/server-postgres", "postgresql://admin:pw@db/prod").build(),
                McpJsonDefaults.getMapper())));

        assertThat(app).isNotEqualTo(admin);
        assertThat(app.label()).isEqualTo(admin.label());
        assertThat(app.fingerprint()).isNotEqualTo(admin.fingerprint());
    }

    @Test
    void anHttpUrlsUserInfoQueryAndFragmentNeverAppearInTheLabel() {
        // the secrets are not hexadecimal, so the fingerprint cannot contain them by chance
        PoolKey key = keyOf(McpClient.sync(HttpClientStreamableHttpTransport
                .builder("https://user:s3cret@mcp.example.com/v1?key=xyz").endpoint("/mcp#sig=xyz").build()));

        // the label shows the URL the SDK requests: the endpoint resolved against the base
        assertThat(key.label()).isEqualTo("http: https://***@mcp.example.com/mcp#***");
        assertThat(key.toString()).doesNotContain("user", "s3cret", "xyz");
        assertThat(key.server()).isEqualTo("mcp.example.com");
    }

    /** Called reflectively in another class loader's copy of this class. */
    public static Object plainSpec() {
        return spec(UnaryOperator.identity());
    }

    private static URL url(String path) {
        try {
            return Path.of(path).toUri().toURL();
        } catch (MalformedURLException e) {
            throw new IllegalStateException(e);
        }
    }
}
