package dev.mcppool.langchain4j;

import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.Redaction;
import dev.mcppool.adapter.ServerUrls;
import dev.mcppool.adapter.TransportIdentity;
import dev.mcppool.pool.CallbackIdentity;
import dev.mcppool.pool.Secrets;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;

/**
 * How the application configured one transport, read from its builder when it was built: enough to tell which server
 * it reaches (the key) and to build equal transports for the pool's sessions. The application's own transport is
 * never started by the pool: it is built per request, and would otherwise bind a pooled session to that request.
 */
final class TransportRecipe {

    private static final String ENVIRONMENT = "environment";
    private static final String HEADERS = "customHeaders";
    private static final String HEADERS_SUPPLIER = "customHeadersSupplier";
    private static final String STDIO_EXECUTOR = "executorService";

    private final TransportKind kind;
    private final Constructor<?> newBuilder;
    private final Method build;
    private final Map<String, Field> fields;
    private final Map<String, Object> settings;

    private TransportRecipe(TransportKind kind, Constructor<?> newBuilder, Method build, Map<String, Field> fields,
                            Map<String, Object> settings) {
        this.kind = kind;
        this.newBuilder = newBuilder;
        this.build = build;
        this.fields = fields;
        this.settings = settings;
    }

    static TransportRecipe of(TransportKind kind, Object builder) throws ReflectiveOperationException {
        Class<?> builderClass = builder.getClass();
        Map<String, Field> fields = new TreeMap<>();
        Map<String, Object> settings = new TreeMap<>();
        for (Field field : builderClass.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                fields.put(field.getName(), field);
                Object value = Members.read(field, builder);
                settings.put(field.getName(), Snapshots.copyOf(value));
            }
        }
        return new TransportRecipe(kind, builderClass.getConstructor(), Members.method(builderClass, "build"), fields,
                settings);
    }

    TransportKind kind() {
        return kind;
    }

    /**
     * This recipe as seen from the calling thread: an application's headers supplier is run now, on the thread that
     * builds the client (where, without the agent, the client's own session would start), and the key and the pooled
     * session's own requests use what it made ({@link CallerHeaders}). Without such a supplier, this recipe.
     */
    TransportRecipe seenOnThisThread() {
        Object supplier = settings.get(HEADERS_SUPPLIER);
        if (supplier == null || staticHeaders(supplier) != null) {
            return this;
        }
        Map<String, Object> seen = new TreeMap<>(settings);
        seen.put(HEADERS_SUPPLIER, CallerHeaders.evaluatedOnThisThread(supplier));
        return new TransportRecipe(kind, newBuilder, build, fields, seen);
    }

    /** The server's part of the pool key; header and environment values appear only as digests. */
    TransportIdentity identify() {
        List<String> identity = new ArrayList<>();
        Map<?, ?> suppliedStaticHeaders = staticHeaders(settings.get(HEADERS_SUPPLIER));
        settings.forEach((name, value) -> {
            if (name.equals(ENVIRONMENT) || name.equals(HEADERS)) {
                secretValues(name, (Map<?, ?>) value, identity);
            } else if (name.equals(HEADERS_SUPPLIER) && suppliedStaticHeaders != null) {
                secretValues(HEADERS, suppliedStaticHeaders, identity);
            } else if (value instanceof CallerHeaders callerHeaders) {
                identity.add(name + "=" + describe(callerHeaders.supplier()));
                secretValues(name + ".made", callerHeaders.seen(), identity);
            } else {
                identity.add(name + "=" + describe(value));
            }
        });
        Object server = settings.get(kind.serverSetting());
        if (kind == TransportKind.STDIO) {
            @SuppressWarnings("unchecked")
            List<String> command = (List<String>) server;
            if (command == null || command.isEmpty()) {
                return TransportIdentity.unpooled("a stdio transport without a command");
            }
            Supplier<String> label = () -> "stdio: " + Redaction.commandLine(command.get(0),
                    command.subList(1, command.size())) + namesOf("env", (Map<?, ?>) settings.get(ENVIRONMENT));
            return TransportIdentity.of(command.get(0), label, identity);
        }
        URI url;
        try {
            url = URI.create(String.valueOf(server));
        } catch (IllegalArgumentException e) {
            return TransportIdentity.unpooled("an unparsable URL");
        }
        if (url.getHost() == null) {
            return TransportIdentity.unpooled("a URL without a host");
        }
        Supplier<String> label = () -> kind.labelPrefix() + ": " + Redaction.url(url, "")
                + headersLabel(suppliedStaticHeaders);
        return TransportIdentity.of(ServerUrls.serverName(url), label, identity);
    }

    private String headersLabel(Map<?, ?> suppliedStaticHeaders) {
        Map<?, ?> headers = settings.get(HEADERS) instanceof Map<?, ?> map ? map : suppliedStaticHeaders;
        if (headers != null) {
            return namesOf("headers", headers);
        }
        return settings.get(HEADERS_SUPPLIER) == null ? "" : " (headers from a supplier)";
    }

    /**
     * The map behind {@code customHeaders(Map)}: the builder keeps it in a lambda of its own that holds nothing else.
     * Null for a supplier of the application's (compared by {@link CallbackIdentity}: what it computes may differ per
     * call).
     */
    private Map<?, ?> staticHeaders(Object supplier) {
        if (supplier == null || !supplier.getClass().isHidden()
                || supplier.getClass().getNestHost() != newBuilder.getDeclaringClass().getNestHost()) {
            return null;
        }
        Field[] captured = supplier.getClass().getDeclaredFields();
        if (captured.length != 1 || !Map.class.isAssignableFrom(captured[0].getType())) {
            return null;
        }
        captured[0].setAccessible(true);
        return (Map<?, ?>) Members.read(captured[0], supplier);
    }

    /**
     * Values by name, as digests. Environment names are case-sensitive (Linux, macOS): {@code token} and
     * {@code TOKEN} are two variables. Header names are not, but the JDK sends every entry of the map, so values whose
     * names differ only in case all count, under the name in lower case.
     */
    private static void secretValues(String setting, Map<?, ?> values, List<String> identity) {
        if (values == null) {
            identity.add(setting + "=none");
            return;
        }
        boolean headers = !setting.equals(ENVIRONMENT);
        Map<String, List<String>> digests = new TreeMap<>();
        values.forEach((name, value) -> {
            String shownName = headers ? String.valueOf(name).toLowerCase(Locale.ROOT) : String.valueOf(name);
            digests.computeIfAbsent(shownName, n -> new ArrayList<>()).add(Secrets.digest(String.valueOf(value)));
        });
        digests.forEach((name, valueDigests) -> {
            valueDigests.sort(null);
            identity.add(setting + "." + name + "=" + String.join(",", valueDigests));
        });
    }

    private static String namesOf(String what, Map<?, ?> values) {
        return values == null || values.isEmpty() ? ""
                : " (" + what + ": " + String.join(", ", new TreeSet<>(values.keySet().stream().map(String::valueOf)
                        .toList())) + ")";
    }

    /** A setting's part of a key: lists by their elements, anything else as {@link CallbackIdentity} counts it. */
    static String describe(Object value) {
        if (value instanceof List<?> list) {
            List<String> elements = new ArrayList<>();
            list.forEach(element -> elements.add(CallbackIdentity.of(element)));
            return elements.toString();
        }
        return CallbackIdentity.of(value);
    }

    /**
     * A new transport like the application's, for a pooled session; {@code lent} tells whether a client holds that
     * session now. Its threads are daemon threads, as the
     * application's own were while it held them only for one request: an idle pooled session must not keep the JVM
     * from exiting ({@link PoolThreads}).
     */
    Object newTransport(PoolThreads threads, BooleanSupplier lent) throws Exception {
        Object builder = newBuilder.newInstance();
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            Field field = fields.get(setting.getKey());
            Object value = setting.getValue() instanceof CallerHeaders callerHeaders
                    ? callerHeaders.forSession(field.getType(), lent) : setting.getValue();
            Members.write(field, builder, value);
        }
        if (kind == TransportKind.STDIO && fields.containsKey(STDIO_EXECUTOR) && settings.get(STDIO_EXECUTOR) == null) {
            Members.write(fields.get(STDIO_EXECUTOR), builder, threads.stdioExecutor());
        }
        Object transport = Members.invoke(build, builder);
        if (kind == TransportKind.SSE) {
            threads.useDaemonDispatcher(transport);
        }
        return transport;
    }
}
