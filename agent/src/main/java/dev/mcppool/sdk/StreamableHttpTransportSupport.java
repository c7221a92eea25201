package dev.mcppool.sdk;

import dev.mcppool.pool.CallbackIdentity;
import dev.mcppool.pool.InstanceIds;
import dev.mcppool.pool.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.concurrent.atomic.AtomicReference;
import javax.net.ssl.SSLContext;

/** {@code HttpClientStreamableHttpTransport}: the server is a URL plus the static headers and HTTP client settings. */
final class StreamableHttpTransportSupport implements TransportSupport {

    private static final URI PLACEHOLDER = URI.create("http://mcp-pool.invalid/");

    private final Class<?> transportClass;
    private final Field baseUri;
    private final Field endpoint;
    private final Field requestBuilder;
    private final Field httpClient;
    private final Field requestCustomizer;
    private final Field authorizationErrorHandler;
    private final Field activeSession;
    private final List<Field> plainSettings = new ArrayList<>();
    private final Constructor<?> constructor;
    private final List<Field> constructorArguments = new ArrayList<>();

    StreamableHttpTransportSupport(ClassLoader sdk) throws ReflectiveOperationException {
        transportClass = Class.forName("io.modelcontextprotocol.client.transport.HttpClientStreamableHttpTransport",
                false, sdk);
        baseUri = Members.field(transportClass, "baseUri");
        endpoint = Members.field(transportClass, "endpoint");
        requestBuilder = Members.field(transportClass, "requestBuilder");
        httpClient = Members.field(transportClass, "httpClient");
        requestCustomizer = Members.field(transportClass, "httpRequestCustomizer");
        authorizationErrorHandler = Members.optionalField(transportClass, "authorizationErrorHandler");
        activeSession = Members.field(transportClass, "activeSession");
        for (String name : List.of("openConnectionOnStartup", "resumableStreams", "supportedProtocolVersions",
                "maxResponseSize")) {
            Field field = Members.optionalField(transportClass, name);
            if (field != null) {
                plainSettings.add(field);
            }
        }
        constructor = recipeConstructor();
    }

    /**
     * The private constructor that {@code Builder.build()} calls, in the SDK 2.x layout: rebuilding through it lets
     * new sessions share the application's {@code HttpClient} instead of starting one each. Other layouts: null.
     */
    private Constructor<?> recipeConstructor() {
        List<String> names = List.of("jsonMapper", "httpClient", "requestBuilder", "baseUri", "endpoint",
                "resumableStreams", "openConnectionOnStartup", "httpRequestCustomizer", "authorizationErrorHandler",
                "supportedProtocolVersions", "maxResponseSize");
        for (Constructor<?> candidate : transportClass.getDeclaredConstructors()) {
            if (candidate.getParameterCount() != names.size()) {
                continue;
            }
            List<Field> fields = new ArrayList<>();
            for (String name : names) {
                Field field = Members.optionalField(transportClass, name);
                if (field == null) {
                    return null;
                }
                fields.add(field);
            }
            Class<?>[] types = candidate.getParameterTypes();
            for (int i = 0; i < types.length; i++) {
                Class<?> fieldType = fields.get(i).getName().equals("baseUri") ? String.class : fields.get(i).getType();
                if (!types[i].equals(fieldType)) {
                    return null;
                }
            }
            candidate.setAccessible(true);
            constructorArguments.addAll(fields);
            return candidate;
        }
        return null;
    }

    @Override
    public String kind() {
        return "streamable-http";
    }

    @Override
    public boolean handles(Object transport) {
        return transport.getClass() == transportClass;
    }

    @Override
    public TransportIdentity identify(Object transport) {
        HttpClient client = (HttpClient) Members.read(httpClient, transport);
        URI base = (URI) Members.read(baseUri, transport);
        String endpointPath = String.valueOf(Members.read(endpoint, transport));
        String url = base + endpointPath;
        HttpRequest template = ((HttpRequest.Builder) Members.read(requestBuilder, transport)).copy()
                .uri(PLACEHOLDER).build();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(template.headers().map());

        List<String> identity = new ArrayList<>();
        identity.add("url=" + url);
        headers.forEach((name, values) -> identity.add("header." + name.toLowerCase()
                + "=" + Secrets.fingerprint(String.join("\n", values))));
        identity.add("request.timeout=" + template.timeout().orElse(null));
        identity.add("request.version=" + template.version().orElse(null));
        identity.add("request.expectContinue=" + template.expectContinue());
        identity.add("client.version=" + client.version());
        identity.add("client.connectTimeout=" + client.connectTimeout().orElse(null));
        identity.add("client.followRedirects=" + client.followRedirects());
        identity.add("client.proxy=" + client.proxy().map(InstanceIds::of).orElse("none"));
        identity.add("client.executor=" + client.executor().map(InstanceIds::of).orElse("default"));
        identity.add("client.sslContext=" + sslContextIdentity(client.sslContext()));
        identity.add("client.authenticator=" + client.authenticator().map(InstanceIds::of).orElse("none"));
        identity.add("client.cookieHandler=" + client.cookieHandler().map(InstanceIds::of).orElse("none"));
        identity.add("requestCustomizer=" + callbackIdentity(Members.read(requestCustomizer, transport)));
        if (authorizationErrorHandler != null) {
            identity.add("authorizationErrorHandler="
                    + callbackIdentity(Members.read(authorizationErrorHandler, transport)));
        }
        for (Field setting : plainSettings) {
            identity.add(setting.getName() + "=" + Members.read(setting, transport));
        }
        String label = "http: " + redacted(base, endpointPath) + (headers.isEmpty() ? "" : " (headers: " + String.join(", ", headers.keySet()) + ")");
        return TransportIdentity.of(label, identity);
    }

    @Override
    public Optional<Callable<Object>> recipe(Object transport) {
        if (constructor == null) {
            return Optional.empty();
        }
        Object[] arguments = new Object[constructorArguments.size()];
        for (int i = 0; i < arguments.length; i++) {
            Field field = constructorArguments.get(i);
            Object value = Members.read(field, transport);
            arguments[i] = field.getName().equals("baseUri") ? value.toString()
                    : field.getName().equals("requestBuilder") ? ((HttpRequest.Builder) value).copy() : value;
        }
        return Optional.of(() -> {
            Object[] fresh = arguments.clone();
            int builder = constructorArguments.indexOf(requestBuilder);
            fresh[builder] = ((HttpRequest.Builder) fresh[builder]).copy();
            return constructor.newInstance(fresh);
        });
    }

    /** The URL without what may carry credentials: user info and query values are shown as {@code ***}. */
    static String redacted(URI base, String endpointPath) {
        StringBuilder shown = new StringBuilder().append(base.getScheme()).append("://");
        if (base.getRawUserInfo() != null) {
            shown.append("***@");
        }
        shown.append(base.getHost());
        if (base.getPort() >= 0) {
            shown.append(':').append(base.getPort());
        }
        shown.append(base.getRawPath() == null ? "" : base.getRawPath());
        if (base.getRawQuery() != null) {
            shown.append("?***");
        }
        int query = endpointPath.indexOf('?');
        shown.append(query < 0 ? endpointPath : endpointPath.substring(0, query) + "?***");
        return shown.toString();
    }

    /** The JVM default context is shared by everyone; any other one may hold a client certificate, so it counts as itself. */
    private static String sslContextIdentity(SSLContext context) {
        try {
            if (context == SSLContext.getDefault()) {
                return "default";
            }
        } catch (NoSuchAlgorithmException e) {
            // no default context: fall through to identity
        }
        return InstanceIds.of(context);
    }

    /** Customizers may compute per-call credentials: sessions are shared only between customizers that compute the same. */
    private static String callbackIdentity(Object callback) {
        return callback == null || callback.getClass().getSimpleName().equals("Noop") ? "none"
                : CallbackIdentity.of(callback);
    }

    @Override
    public boolean isOpen(Object transport) {
        Object session = ((AtomicReference<?>) Members.read(activeSession, transport)).get();
        return session != null && !session.getClass().getSimpleName().equals("ClosedMcpTransportSession");
    }

    @Override
    public Optional<Process> process(Object transport) {
        return Optional.empty();
    }
}
