package dev.mcppool.adapter;

import dev.mcppool.log.AgentLog;
import java.lang.instrument.Instrumentation;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.InetAddress;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.Executor;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * One JDK {@link HttpClient} for all HTTP transports built with the same client settings. MCP libraries build a new
 * HttpClient for every transport; an application that builds a client per request then starts an HttpClient (a
 * selector thread, its file descriptors, a connection pool) per request although the pool lends it a session whose
 * transport already has one. HttpClient is made to be shared: settings that are values (timeouts, version,
 * redirects) compare by value, objects (executor, SSL context, proxy selector, authenticator, cookie handler) by
 * identity, so two transports share a client only if nothing they were built with could tell the two apart.
 */
public final class SharedHttpClients {

    /** Each distinct configuration keeps its client for the JVM's life; an application minting them endlessly stops sharing. */
    private static final int MAX_CONFIGURATIONS = 32;
    private static final Set<Class<?>> VALUE_TYPES = Set.of(Duration.class, String.class, Integer.class, Long.class,
            Boolean.class, Character.class);

    private static volatile SharedHttpClients installed;

    private final Class<?> builderClass;
    private final List<Field> settings;
    private final ConcurrentMap<List<Object>, HttpClient> clients = new ConcurrentHashMap<>();

    private SharedHttpClients(Class<?> builderClass, List<Field> settings) {
        this.builderClass = builderClass;
        this.settings = settings;
    }

    /**
     * Lets {@link #build} share clients, if the JDK's builder can be read (its package is opened to the agent);
     * otherwise every transport keeps building its own, as without the agent.
     */
    public static void install(Instrumentation instrumentation) {
        try {
            Class<?> builderClass = HttpClient.newBuilder().getClass();
            Module agentModule = SharedHttpClients.class.getModule();
            instrumentation.redefineModule(builderClass.getModule(), Set.of(), Map.of(),
                    Map.of(builderClass.getPackageName(), Set.of(agentModule)), Set.of(), Map.of());
            List<Field> settings = new ArrayList<>();
            for (Field field : builderClass.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    settings.add(field);
                }
            }
            installed = new SharedHttpClients(builderClass, List.copyOf(settings));
        } catch (RuntimeException | LinkageError e) {
            AgentLog.info("mcp-pool: MCP HTTP transports keep one HttpClient each: this JDK's HttpClient.Builder"
                    + " cannot be read (" + e + ")");
        }
    }

    /**
     * What an MCP library's transport builder uses instead of the application's {@code builder} while it builds: its
     * settings go to {@code builder}, and its {@code build()} returns the client shared by builders set up alike.
     */
    public static HttpClient.Builder sharing(HttpClient.Builder builder) {
        return installed == null ? builder : new SharingBuilder(builder);
    }

    /** The shared client for {@code builder}'s settings, or a new one of its own where sharing is not possible. */
    static HttpClient build(HttpClient.Builder builder) {
        SharedHttpClients shared = installed;
        List<Object> configuration = shared == null ? null : shared.configurationOf(builder);
        if (configuration == null) {
            return builder.build();
        }
        HttpClient client = shared.clients.get(configuration);
        if (client != null) {
            return client;
        }
        if (shared.clients.size() >= MAX_CONFIGURATIONS) {
            AgentLog.infoOnce("mcp-pool: more than " + MAX_CONFIGURATIONS + " distinct HttpClient configurations;"
                    + " MCP transports built with further ones get an HttpClient each");
            return builder.build();
        }
        return shared.clients.computeIfAbsent(configuration, c -> builder.build());
    }

    /** The builder's settings, values as they are and objects by identity; null for a builder this cannot read. */
    private List<Object> configurationOf(HttpClient.Builder builder) {
        if (builder.getClass() != builderClass) {
            return null;
        }
        List<Object> configuration = new ArrayList<>(settings.size());
        try {
            for (Field setting : settings) {
                Object value = setting.get(builder);
                configuration.add(value == null || isValue(value) ? value : new Identity(value));
            }
        } catch (IllegalAccessException | RuntimeException e) {
            AgentLog.warnOnce("mcp-pool: cannot read an HttpClient.Builder (" + e + "); its transport gets its own client");
            return null;
        }
        return configuration;
    }

    private static boolean isValue(Object value) {
        return value instanceof Enum<?> || value instanceof InetAddress || VALUE_TYPES.contains(value.getClass());
    }

    private record Identity(Object instance) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Identity that && that.instance == instance;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(instance);
        }
    }

    private record SharingBuilder(HttpClient.Builder applications) implements HttpClient.Builder {
        @Override
        public HttpClient.Builder cookieHandler(CookieHandler cookieHandler) {
            applications.cookieHandler(cookieHandler);
            return this;
        }

        @Override
        public HttpClient.Builder connectTimeout(Duration duration) {
            applications.connectTimeout(duration);
            return this;
        }

        @Override
        public HttpClient.Builder sslContext(SSLContext sslContext) {
            applications.sslContext(sslContext);
            return this;
        }

        @Override
        public HttpClient.Builder sslParameters(SSLParameters sslParameters) {
            applications.sslParameters(sslParameters);
            return this;
        }

        @Override
        public HttpClient.Builder executor(Executor executor) {
            applications.executor(executor);
            return this;
        }

        @Override
        public HttpClient.Builder followRedirects(HttpClient.Redirect policy) {
            applications.followRedirects(policy);
            return this;
        }

        @Override
        public HttpClient.Builder version(HttpClient.Version version) {
            applications.version(version);
            return this;
        }

        @Override
        public HttpClient.Builder priority(int priority) {
            applications.priority(priority);
            return this;
        }

        @Override
        public HttpClient.Builder proxy(ProxySelector proxySelector) {
            applications.proxy(proxySelector);
            return this;
        }

        @Override
        public HttpClient.Builder authenticator(Authenticator authenticator) {
            applications.authenticator(authenticator);
            return this;
        }

        @Override
        public HttpClient build() {
            return SharedHttpClients.build(applications);
        }
    }
}
