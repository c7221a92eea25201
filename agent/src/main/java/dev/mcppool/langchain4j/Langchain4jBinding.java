package dev.mcppool.langchain4j;

import dev.mcppool.adapter.Members;
import dev.mcppool.adapter.PublicMethods;
import dev.mcppool.log.AgentLog;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** Reflective access to one class loader's copy of {@code DefaultMcpClient} and its builder. */
final class Langchain4jBinding {

    static final String CLIENT_CLASS = "dev.langchain4j.mcp.client.DefaultMcpClient";
    static final String BUILDER_CLASS = CLIENT_CLASS + "$Builder";

    private final Class<?> builderClass;
    private final Constructor<?> newBuilder;
    private final Method build;
    private final Map<String, Field> builderSettings = new LinkedHashMap<>();
    private final Constructor<?> newFacade;
    private final Map<String, Method> clientMethods;
    private final Field closed;
    private final Method checkHealth;
    private final Method close;
    private final Method unsubscribe;
    private final Field toolExecutionTimeout;

    private Langchain4jBinding(Class<?> builderClass) throws ReflectiveOperationException {
        this.builderClass = builderClass;
        Class<?> clientClass = Class.forName(CLIENT_CLASS, false, builderClass.getClassLoader());
        newBuilder = builderClass.getConstructor();
        build = Members.method(builderClass, "build");
        for (Field field : builderClass.getDeclaredFields()) {
            if (!Modifier.isStatic(field.getModifiers())) {
                field.setAccessible(true);
                builderSettings.put(field.getName(), field);
            }
        }
        newFacade = constructorSkippingInitialization(clientClass);
        clientMethods = PublicMethods.declaredBy(clientClass);
        closed = Members.optionalField(clientClass, "closed");
        checkHealth = Members.method(clientClass, "checkHealth");
        close = Members.method(clientClass, "close");
        unsubscribe = optionalMethod(clientClass, "unsubscribeFromResource", String.class);
        toolExecutionTimeout = Members.field(clientClass, "toolExecutionTimeout");
    }

    /** The binding for the LangChain4j copy that defined {@code builderClass}, or empty (logged once). */
    static Optional<Langchain4jBinding> resolve(Class<?> builderClass) {
        try {
            return Optional.of(new Langchain4jBinding(builderClass));
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
            AgentLog.warn("mcp-pool: LangChain4j MCP clients run unpooled: this langchain4j-mcp version is not"
                    + " supported (" + e + ")");
            return Optional.empty();
        }
    }

    /**
     * A {@code DefaultMcpClient} whose constructor never ran (so it connected nothing): the facade the application
     * gets. Every public method of it is redirected to a pooled session, so its empty fields are never read.
     */
    private static Constructor<?> constructorSkippingInitialization(Class<?> clientClass)
            throws ReflectiveOperationException {
        Class<?> reflectionFactoryClass = Class.forName("sun.reflect.ReflectionFactory");
        Object reflectionFactory = reflectionFactoryClass.getMethod("getReflectionFactory").invoke(null);
        Method forSerialization = reflectionFactoryClass.getMethod("newConstructorForSerialization", Class.class,
                Constructor.class);
        Constructor<?> constructor = (Constructor<?>) forSerialization.invoke(reflectionFactory, clientClass,
                Object.class.getDeclaredConstructor());
        constructor.setAccessible(true);
        return constructor;
    }

    private static Method optionalMethod(Class<?> type, String name, Class<?>... parameters) {
        try {
            return Members.method(type, name, parameters);
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    /** The builder's settings as they are now, by name (null where not set). */
    Map<String, Object> settingsOf(Object clientBuilder) {
        Map<String, Object> settings = new LinkedHashMap<>();
        builderSettings.forEach((name, field) -> {
            Object value = Members.read(field, clientBuilder);
            settings.put(name, Snapshots.copyOf(value));
        });
        return settings;
    }

    /**
     * Builds a real, connected client with {@code settings} (the library's own {@code build()}); what the library
     * throws comes wrapped in a {@link ConnectFailure}.
     */
    Object build(Map<String, Object> settings) throws Exception {
        Object builder = newBuilder.newInstance();
        for (Map.Entry<String, Object> setting : settings.entrySet()) {
            Field field = builderSettings.get(setting.getKey());
            Object value = setting.getValue();
            if (Modifier.isFinal(field.getModifiers())) {
                // the listeners list: filled, never replaced
                @SuppressWarnings("unchecked")
                List<Object> list = (List<Object>) Members.read(field, builder);
                list.addAll((List<?>) value);
            } else {
                Members.write(field, builder, value);
            }
        }
        try {
            return build.invoke(builder);
        } catch (InvocationTargetException e) {
            throw new ConnectFailure(e.getCause());
        }
    }

    boolean hasSetting(String name) {
        return builderSettings.containsKey(name);
    }

    Map<String, Field> builderFields() {
        return builderSettings;
    }

    Object newFacade() throws ReflectiveOperationException {
        return newFacade.newInstance();
    }

    Method clientMethod(String name, String descriptor) {
        return clientMethods.get(name + descriptor);
    }

    boolean isClosed(Object client) {
        return closed != null && (Boolean) Members.read(closed, client);
    }

    void checkHealth(Object client) throws Exception {
        Members.invoke(checkHealth, client);
    }

    void close(Object client) throws Exception {
        Members.invoke(close, client);
    }

    /**
     * Whether an {@code executeTool} call that took {@code elapsedNanos} may have run out of the client's
     * {@code toolExecutionTimeout}. The library then sends the server a cancellation and returns a result of its own
     * (text: {@code toolExecutionTimeoutErrorMessage}), which the result extractor may reshape: only the time tells
     * reliably. A call answered within its last milliseconds counts as well.
     */
    boolean toolCallMayHaveTimedOut(Object client, long elapsedNanos) {
        long limitMillis = ((Duration) Members.read(toolExecutionTimeout, client)).toMillis();
        // the library waits without a limit for a timeout under a millisecond
        return limitMillis != 0 && elapsedNanos >= TimeUnit.MILLISECONDS.toNanos(limitMillis);
    }

    void unsubscribe(Object client, String uri) throws Exception {
        Members.invoke(unsubscribe, client, uri);
    }
}
