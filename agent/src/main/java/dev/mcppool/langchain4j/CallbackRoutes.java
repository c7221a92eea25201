package dev.mcppool.langchain4j;

import java.lang.ref.WeakReference;
import java.lang.reflect.Field;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiConsumer;

/**
 * The callbacks of one pooled session ({@link ClientSettings#ROUTED}): each forwards to the callback of the client
 * that holds the session now, so a borrower's log handler, listeners, progress handler, meta supplier and result
 * extractor see its own requests, as they would on a client of its own. They are JDK proxies of the library's
 * interfaces, so the agent carries no LangChain4j class. Between leases nothing is forwarded.
 */
final class CallbackRoutes {

    /**
     * The client holding the session, held weakly: the pool holds the session, and a client the application dropped
     * without closing must still be collected, so that its lease is reclaimed.
     */
    private record Borrower(WeakReference<Object> facade, Map<String, Object> callbacks) {
    }

    private static final Borrower NOBODY = new Borrower(null, Map.of());

    private volatile Borrower borrower = NOBODY;

    /** Forwarding stand-ins for the callbacks set in {@code settings}, to build the session's client with. */
    Map<String, Object> forwarders(Map<String, Object> settings, Map<String, Field> builderFields) {
        Map<String, Object> forwarders = new ConcurrentHashMap<>();
        for (String name : ClientSettings.ROUTED) {
            if (!isSet(settings.get(name))) {
                continue;
            }
            Field field = builderFields.get(name);
            if (name.equals(ClientSettings.ON_RESOURCE_UPDATED)) {
                forwarders.put(name, (BiConsumer<Object, String>) this::resourceUpdated);
            } else if (name.equals(ClientSettings.LISTENERS)) {
                forwarders.put(name, List.of(proxy(elementType(field), name)));
            } else {
                forwarders.put(name, proxy(field.getType(), name));
            }
        }
        return forwarders;
    }

    /** The key's part: which callbacks are set (their sessions are built with forwarders for exactly those). */
    static String shape(Map<String, Object> settings) {
        StringBuilder shape = new StringBuilder("callbacks=");
        ClientSettings.ROUTED.stream().sorted().filter(name -> isSet(settings.get(name)))
                .forEach(name -> shape.append(name).append(' '));
        return shape.toString().trim();
    }

    void routeTo(Object facade, Map<String, Object> settings) {
        Map<String, Object> callbacks = new ConcurrentHashMap<>();
        for (String name : ClientSettings.ROUTED) {
            if (isSet(settings.get(name))) {
                callbacks.put(name, settings.get(name));
            }
        }
        borrower = new Borrower(facade == null ? null : new WeakReference<>(facade), callbacks);
    }

    void unroute() {
        borrower = NOBODY;
    }

    /** Whether a client holds the session now (not while the session starts for one). */
    boolean lent() {
        return borrower.facade() != null;
    }

    private static boolean isSet(Object callback) {
        return callback != null && !(callback instanceof List<?> list && list.isEmpty());
    }

    @SuppressWarnings("unchecked")
    private void resourceUpdated(Object pooledClient, String uri) {
        Borrower current = borrower;
        Object callback = current.callbacks().get(ClientSettings.ON_RESOURCE_UPDATED);
        Object facade = current.facade() == null ? null : current.facade().get();
        if (callback != null && facade != null) {
            // the application's callback gets the client it holds, not the pooled one
            ((BiConsumer<Object, String>) callback).accept(facade, uri);
        }
    }

    private Object proxy(Class<?> callbackInterface, String name) {
        InvocationHandler forward = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return objectMethod(proxy, method, arguments);
            }
            Object callback = borrower.callbacks().get(name);
            if (callback instanceof List<?> listeners) {
                return forwardToEach(listeners, method, arguments);
            }
            return callback == null ? defaultValue(method.getReturnType()) : invoke(method, callback, arguments);
        };
        return Proxy.newProxyInstance(callbackInterface.getClassLoader(), new Class<?>[] {callbackInterface}, forward);
    }

    /** Every listener is told, as the library tells each of its own; the first exception is passed on. */
    private static Object forwardToEach(List<?> listeners, Method method, Object[] arguments) throws Throwable {
        Throwable first = null;
        for (Object listener : listeners) {
            try {
                invoke(method, listener, arguments);
            } catch (Throwable e) {
                first = first == null ? e : first;
            }
        }
        if (first != null) {
            throw first;
        }
        return defaultValue(method.getReturnType());
    }

    private static Object invoke(Method method, Object target, Object[] arguments) throws Throwable {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            throw e.getCause();
        }
    }

    private static Object objectMethod(Object proxy, Method method, Object[] arguments) {
        return switch (method.getName()) {
            case "equals" -> proxy == arguments[0];
            case "hashCode" -> System.identityHashCode(proxy);
            default -> "mcp-pool forwarder@" + Integer.toHexString(System.identityHashCode(proxy));
        };
    }

    private static Object defaultValue(Class<?> type) {
        if (!type.isPrimitive() || type == void.class) {
            return null;
        }
        if (type == boolean.class) {
            return false;
        }
        if (type == char.class) {
            return '\0';
        }
        return type == long.class ? 0L : type == float.class ? 0f : type == double.class ? 0d
                : type == int.class ? 0 : type == short.class ? (short) 0 : (byte) 0;
    }

    private static Class<?> elementType(Field listField) {
        ParameterizedType type = (ParameterizedType) listField.getGenericType();
        return (Class<?>) type.getActualTypeArguments()[0];
    }
}
