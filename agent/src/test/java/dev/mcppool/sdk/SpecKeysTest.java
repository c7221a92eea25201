package dev.mcppool.sdk;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcppool.pool.PoolKey;
import io.modelcontextprotocol.client.McpClient;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.ServerParameters;
import io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport;
import io.modelcontextprotocol.client.transport.StdioClientTransport;
import io.modelcontextprotocol.common.McpTransportContext;
import io.modelcontextprotocol.json.McpJsonDefaults;
import io.modelcontextprotocol.spec.McpSchema;
import java.io.File;
import java.lang.reflect.Method;
import java.net.MalformedURLException;
import java.net.URI;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Which client specs share a pool key: those a server cannot tell apart, and no others. */
class SpecKeysTest {

    private static final SdkBinding SDK = SdkBinding.resolve(McpClient.SyncSpec.class).orElseThrow();

    private static McpClient.SyncSpec spec(UnaryOperator<McpClient.SyncSpec> settings) {
        StdioClientTransport transport = new StdioClientTransport(ServerParameters.builder("node")
                .args("server.js").env(Map.of("TOKEN", "t-1")).build(), McpJsonDefaults.getMapper());
        return settings.apply(McpClient.sync(transport).requestTimeout(Duration.ofSeconds(20)));
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

        assertThat(key.label()).isEqualTo("http: https://***@mcp.example.com/v1?***/mcp#***");
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
