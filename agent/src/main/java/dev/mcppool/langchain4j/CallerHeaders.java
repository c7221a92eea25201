package dev.mcppool.langchain4j;

import dev.mcppool.adapter.UnkeyableCallbackException;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * An application's headers supplier, with the headers it made on the thread that built the client. A supplier may
 * read the caller's credentials from a thread-local or a shared service, which no key can see in the supplier itself:
 * the key holds what it made ({@link TransportRecipe#identify}), and a pooled session's requests made while no client
 * holds it (its start, pings) carry exactly those headers, whatever thread sends them.
 *
 * @param supplier the application's {@code customHeadersSupplier}: a {@code Supplier<Map>} or, from 1.x on, an
 *                 {@code McpHeadersSupplier} (a {@code Function} of the call's context)
 * @param seen     what it answered on the building thread
 */
record CallerHeaders(Object supplier, Map<?, ?> seen) {

    /**
     * Runs {@code supplier} now, twice, as the library runs it for the requests a client makes without a call context
     * (its event stream). Throws what the supplier throws, and {@link UnkeyableCallbackException} if the two differ.
     */
    static CallerHeaders evaluatedOnThisThread(Object supplier) {
        Map<?, ?> seen = headersOf(supplier);
        if (!seen.equals(headersOf(supplier))) {
            throw new UnkeyableCallbackException("its headers supplier makes other headers on every call (a request"
                    + " id, a nonce, a signature), so a key cannot tell its callers apart");
        }
        return new CallerHeaders(supplier, seen);
    }

    @SuppressWarnings("unchecked")
    private static Map<?, ?> headersOf(Object supplier) {
        Object headers = supplier instanceof Function<?, ?> function ? ((Function<Object, Object>) function).apply(null)
                : ((Supplier<?>) supplier).get();
        return headers instanceof Map<?, ?> map ? Map.copyOf(map) : Map.of();
    }

    /**
     * The supplier for a pooled session's transport, of the field's type: while {@code lent} says a client holds the
     * session, the application's supplier answers (on the thread of that client's request, as without the agent);
     * otherwise the headers seen when the key was made.
     */
    Object forSession(Class<?> supplierType, BooleanSupplier lent) {
        InvocationHandler handler = (proxy, method, arguments) -> {
            if (method.getDeclaringClass() == Object.class) {
                return switch (method.getName()) {
                    case "equals" -> proxy == arguments[0];
                    case "hashCode" -> System.identityHashCode(proxy);
                    default -> "mcp-pool headers of a pooled session";
                };
            }
            if (method.isDefault()) {
                return InvocationHandler.invokeDefault(proxy, method, arguments);
            }
            if (!lent.getAsBoolean()) {
                return seen;
            }
            try {
                return method.invoke(supplier, arguments);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        };
        return Proxy.newProxyInstance(supplierType.getClassLoader(), new Class<?>[] {supplierType}, handler);
    }
}
