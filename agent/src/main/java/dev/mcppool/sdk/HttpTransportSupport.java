package dev.mcppool.sdk;

import dev.mcppool.adapter.TransportIdentity;
import dev.mcppool.adapter.UnkeyableCallbackException;
import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.Redaction;
import dev.mcppool.adapter.ServerUrls;
import dev.mcppool.pool.CallbackIdentity;
import dev.mcppool.pool.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import java.util.function.Supplier;

/**
 * What the SDK's two {@code HttpClient}-based transports have in common: the server is a URL plus the static headers,
 * the {@code HttpClient}'s settings and the callbacks that shape each request; new transports are built through the
 * constructor their builder calls, sharing the application's {@code HttpClient}.
 */
abstract class HttpTransportSupport implements TransportSupport {

    private static final URI PLACEHOLDER = URI.create("http://mcp-pool.invalid/");

    private final Class<?> transportClass;
    private final Field baseUri;
    private final Field endpoint;
    private final Field requestBuilder;
    private final Field httpClient;
    private final Field requestCustomizer;
    /** {@code customize} of the customizer's type (the SDK's async customizer interface). */
    private final Method customize;
    private final Field jsonMapper;
    private final List<Field> plainSettings = new ArrayList<>();
    private final List<Field> callbackSettings = new ArrayList<>();
    private final Constructor<?> constructor;
    private final List<Field> constructorArguments = new ArrayList<>();

    /**
     * @param endpointField the field with the path after the base URI
     * @param plainSettingFields fields (those that exist in this SDK version) keyed by value
     * @param callbackFields fields (those that exist) keyed by what the callback computes, e.g. request customizers
     * @param constructorFields the fields the builder's constructor takes, in its parameter order
     */
    HttpTransportSupport(Class<?> transportClass, String endpointField, List<String> plainSettingFields,
                         List<String> callbackFields, List<String> constructorFields) throws ReflectiveOperationException {
        this.transportClass = transportClass;
        baseUri = Members.field(transportClass, "baseUri");
        endpoint = Members.field(transportClass, endpointField);
        requestBuilder = Members.field(transportClass, "requestBuilder");
        httpClient = Members.field(transportClass, "httpClient");
        requestCustomizer = Members.field(transportClass, "httpRequestCustomizer");
        customize = customizeMethod(requestCustomizer.getType());
        // SDK 0.13 replaced the Jackson ObjectMapper with its own McpJsonMapper
        Field mapper = Members.optionalField(transportClass, "jsonMapper");
        jsonMapper = mapper != null ? mapper : Members.optionalField(transportClass, "objectMapper");
        addExisting(plainSettingFields, plainSettings);
        addExisting(callbackFields, callbackSettings);
        constructor = recipeConstructor(constructorFields);
    }

    private void addExisting(List<String> names, List<Field> fields) {
        for (String name : names) {
            Field field = Members.optionalField(transportClass, name);
            if (field != null) {
                fields.add(field);
            }
        }
    }

    /**
     * The constructor whose parameters are, in order, those of {@code names}' fields that this SDK version has (the
     * base URI as a String; before SDK 0.13 the JSON mapper was a Jackson {@code objectMapper}), or null.
     */
    private Constructor<?> recipeConstructor(List<String> names) {
        List<Field> fields = new ArrayList<>();
        for (String name : names) {
            Field field = Members.optionalField(transportClass, name);
            if (field == null && name.equals("jsonMapper")) {
                field = Members.optionalField(transportClass, "objectMapper");
            }
            if (field != null) {
                fields.add(field);
            }
        }
        for (Constructor<?> candidate : transportClass.getDeclaredConstructors()) {
            if (candidate.getParameterCount() != fields.size()) {
                continue;
            }
            Class<?>[] types = candidate.getParameterTypes();
            boolean matches = true;
            for (int i = 0; i < types.length && matches; i++) {
                Class<?> fieldType = fields.get(i).equals(baseUri) ? String.class : fields.get(i).getType();
                matches = types[i].equals(fieldType);
            }
            if (matches) {
                candidate.setAccessible(true);
                constructorArguments.addAll(fields);
                return candidate;
            }
        }
        return null;
    }

    /** The label's prefix, e.g. {@code http} or {@code sse}. */
    abstract String labelPrefix();

    /**
     * Whether URLs the server sends (the legacy SSE message endpoint) are resolved against the base URI too: then the
     * base is part of what reaches the server, not only the endpoint it resolves to.
     */
    abstract boolean resolvesServerUrlsAgainstBase();

    @Override
    public boolean handles(Object transport) {
        return transport.getClass() == transportClass;
    }

    @Override
    public TransportIdentity identify(Object transport) {
        HttpClient client = (HttpClient) Members.read(httpClient, transport);
        URI base = (URI) Members.read(baseUri, transport);
        String endpointPath = (String) Members.read(endpoint, transport);
        HttpRequest template = ((HttpRequest.Builder) Members.read(requestBuilder, transport)).copy()
                .uri(PLACEHOLDER).build();
        Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        headers.putAll(template.headers().map());

        URI requested;
        try {
            requested = requestedUri(base, endpointPath);
        } catch (IllegalArgumentException e) {
            return TransportIdentity.unpooled("an endpoint that does not resolve against the base URI");
        }

        List<String> identity = new ArrayList<>();
        // what is requested, as the SDK resolves it: base + endpoint as text would make "https://gw/t" with the default
        // endpoint "/mcp" (requests go to /mcp) read as "https://gw" with endpoint "/t/mcp"
        identity.add("url=" + requested);
        if (resolvesServerUrlsAgainstBase()) {
            identity.add("baseUri=" + base);
        }
        headers.forEach((name, values) -> identity.add("header." + name.toLowerCase()
                + "=" + Secrets.digest(String.join("\n", values))));
        identity.add("request.timeout=" + template.timeout().orElse(null));
        identity.add("request.version=" + template.version().orElse(null));
        identity.add("request.expectContinue=" + template.expectContinue());
        HttpClientSettings.addTo(identity, client);
        Object mapper = jsonMapper == null ? null : Members.read(jsonMapper, transport);
        identity.add("jsonMapper=" + JsonMappers.identify(mapper));
        for (Field setting : plainSettings) {
            identity.add(setting.getName() + "=" + Members.read(setting, transport));
        }
        // callbacks may compute per-call credentials: shared only between callbacks that compute the same
        for (Field setting : callbackSettings) {
            identity.add(setting.getName() + "=" + CallbackIdentity.of(Members.read(setting, transport)));
        }
        Supplier<String> label = () -> labelPrefix() + ": " + Redaction.url(requested, "")
                + (headers.isEmpty() ? "" : " (headers: " + String.join(", ", headers.keySet()) + ")");
        String server = ServerUrls.serverName(requested);
        return TransportIdentity.of(server, label, identity);
    }

    @Override
    public boolean customizesRequests(Object transport) {
        Object customizer = Members.read(requestCustomizer, transport);
        return customizer != null && !customizer.getClass().getSimpleName().equals("Noop");
    }

    /**
     * Runs the application's request customizer on a probe POST to the endpoint, on this thread and with
     * {@code context}, as the SDK runs it for a request of a sync client; a digest of the method, URI and headers it
     * makes. The customizer is the SDK's async type (a sync one is wrapped in it), so its answer is a publisher.
     */
    @Override
    public String customizedRequest(Object transport, Object context, PublisherAwaiter awaitPublisher)
            throws Exception {
        String made = probeCustomizer(transport, context, awaitPublisher);
        if (!made.equals(probeCustomizer(transport, context, awaitPublisher))) {
            throw new UnkeyableCallbackException("its request customizer makes other headers on every request (a"
                    + " request id, a nonce, a signature), so a key cannot tell its callers apart");
        }
        return "requestCustomizer.made=" + Secrets.digest(made);
    }

    /** The method, URI and headers the customizer makes of a probe POST to the endpoint, as text. */
    private String probeCustomizer(Object transport, Object context, PublisherAwaiter awaitPublisher)
            throws Exception {
        Object customizer = Members.read(requestCustomizer, transport);
        URI uri = requestedUri((URI) Members.read(baseUri, transport), (String) Members.read(endpoint, transport));
        HttpRequest.Builder probe = ((HttpRequest.Builder) Members.read(requestBuilder, transport)).copy().uri(uri);
        Object[] arguments;
        Object contextKey = null;
        Object transportContext = null;
        if (customize.getParameterCount() == 4) {
            arguments = new Object[] {probe, "POST", uri, ""};
        } else {
            Class<?> contextType = customize.getParameterTypes()[4];
            transportContext = context != null ? context : Members.readStatic(contextType, "EMPTY");
            contextKey = Members.readStatic(contextType, "KEY");
            arguments = new Object[] {probe, "POST", uri, "", transportContext};
        }
        // an async customizer may read the context from its subscriber, where the sync client puts it too
        Object customized = awaitPublisher.awaitFirst(Members.invoke(customize, customizer, arguments), contextKey,
                transportContext);
        HttpRequest request = ((HttpRequest.Builder) (customized != null ? customized : probe)).build();
        StringBuilder seen = new StringBuilder(request.method()).append(' ').append(request.uri());
        // HttpHeaders keeps names sorted regardless of case
        request.headers().map().forEach((name, values) -> seen.append('\n').append(name.toLowerCase())
                .append('=').append(String.join("\n", values)));
        return seen.toString();
    }

    private static Method customizeMethod(Class<?> customizerType) throws NoSuchMethodException {
        for (Method method : customizerType.getMethods()) {
            if (method.getName().equals("customize") && Modifier.isAbstract(method.getModifiers())) {
                return method;
            }
        }
        throw new NoSuchMethodException(customizerType.getName() + ".customize");
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
            arguments[i] = field.equals(baseUri) ? value.toString()
                    : field.equals(requestBuilder) ? ((HttpRequest.Builder) value).copy() : value;
        }
        int builder = constructorArguments.indexOf(requestBuilder);
        return Optional.of(() -> {
            Object[] fresh = arguments.clone();
            fresh[builder] = ((HttpRequest.Builder) fresh[builder]).copy();
            return constructor.newInstance(fresh);
        });
    }

    /**
     * The URI the SDK sends requests to ({@code Utils.resolveUri}, the same from 0.11 to 2.1): the base URI itself
     * for an empty endpoint, else the endpoint resolved against it.
     */
    private static URI requestedUri(URI base, String endpointPath) {
        return endpointPath == null || endpointPath.isBlank() ? base : base.resolve(URI.create(endpointPath));
    }

    @Override
    public Optional<Process> process(Object transport) {
        return Optional.empty();
    }
}
