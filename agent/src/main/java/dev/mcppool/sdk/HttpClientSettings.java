package dev.mcppool.sdk;

import dev.mcppool.pool.InstanceIds;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.InetAddress;
import java.net.http.HttpClient;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import javax.net.ssl.SNIServerName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * The settings of a JDK {@link HttpClient} that decide what a server sees of a transport's connections, as key text:
 * values by value, objects that may hold credentials or route traffic (SSL context, proxy, authenticator …) by
 * instance.
 */
final class HttpClientSettings {

    /**
     * Every public getter of SSLParameters on the running JDK, so that settings a newer JDK adds (signature schemes
     * and named groups came with 19 and 20) count too; sorted, as getMethods() has no order.
     */
    private static final List<Method> SSL_PARAMETERS = Arrays.stream(SSLParameters.class.getMethods())
            .filter(method -> method.getDeclaringClass() == SSLParameters.class && method.getParameterCount() == 0
                    && method.getName().startsWith("get"))
            .sorted(Comparator.comparing(Method::getName))
            .toList();

    /** JDK 19 added {@code HttpClient.Builder.localAddress}, the address requests leave from, without a getter. */
    private static final boolean HAS_LOCAL_ADDRESS = hasLocalAddressSetting();
    private static final Field FACADE_CLIENT = declaredField("jdk.internal.net.http.HttpClientFacade", "impl");
    private static final Field LOCAL_ADDRESS = declaredField("jdk.internal.net.http.HttpClientImpl", "localAddr");

    private HttpClientSettings() {
    }

    static void addTo(List<String> identity, HttpClient client) {
        identity.add("client.version=" + client.version());
        identity.add("client.connectTimeout=" + client.connectTimeout().orElse(null));
        identity.add("client.followRedirects=" + client.followRedirects());
        identity.add("client.proxy=" + client.proxy().map(InstanceIds::of).orElse("none"));
        identity.add("client.executor=" + client.executor().map(InstanceIds::of).orElse("default"));
        identity.add("client.sslContext=" + sslContextIdentity(client.sslContext()));
        identity.add("client.sslParameters=" + sslParametersIdentity(client.sslParameters()));
        identity.add("client.authenticator=" + client.authenticator().map(InstanceIds::of).orElse("none"));
        identity.add("client.cookieHandler=" + client.cookieHandler().map(InstanceIds::of).orElse("none"));
        if (HAS_LOCAL_ADDRESS) {
            identity.add("client.localAddress=" + localAddressIdentity(client));
        }
    }

    /** The JVM default context is shared by everyone; any other may hold a client certificate, so it counts as itself. */
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

    /**
     * By value (the client hands out a copy each time): protocols, cipher suites, client authentication, endpoint
     * identification, SNI names … all reach the server in the handshake or decide whom the client trusts.
     */
    private static String sslParametersIdentity(SSLParameters parameters) {
        List<String> values = new ArrayList<>(SSL_PARAMETERS.size());
        for (Method getter : SSL_PARAMETERS) {
            try {
                values.add(getter.getName() + "=" + sslValue(getter.invoke(parameters)));
            } catch (ReflectiveOperationException e) {
                values.add(getter.getName() + "=" + InstanceIds.of(parameters));
            }
        }
        return String.join(", ", values);
    }

    private static String sslValue(Object value) {
        if (value == null || value instanceof Boolean || value instanceof Integer) {
            return String.valueOf(value);
        }
        if (value instanceof String text) {
            return KeyText.of(text);
        }
        if (value instanceof String[] texts) {
            return KeyText.of(texts);
        }
        if (value instanceof SNIServerName name) {
            return "sni" + name.getType() + ":" + HexFormat.of().formatHex(name.getEncoded());
        }
        if (value instanceof Collection<?> elements) {
            List<String> described = new ArrayList<>(elements.size());
            elements.forEach(element -> described.add(sslValue(element)));
            return described.toString();
        }
        // algorithm constraints, SNI matchers: code that decides whom to trust
        return InstanceIds.of(value);
    }

    /**
     * The agent opens the JDK's HttpClient package to itself when it starts ({@code SharedHttpClients.install});
     * where the address still cannot be read, the client counts by instance, which equal transports share under the
     * agent anyway.
     */
    private static String localAddressIdentity(HttpClient client) {
        if (FACADE_CLIENT != null && LOCAL_ADDRESS != null && client.getClass() == FACADE_CLIENT.getDeclaringClass()
                && FACADE_CLIENT.trySetAccessible() && LOCAL_ADDRESS.trySetAccessible()) {
            try {
                InetAddress address = (InetAddress) LOCAL_ADDRESS.get(FACADE_CLIENT.get(client));
                return address == null ? "any" : address.getHostAddress();
            } catch (IllegalAccessException | RuntimeException e) {
                // fall through to the instance
            }
        }
        return InstanceIds.of(client);
    }

    private static boolean hasLocalAddressSetting() {
        try {
            HttpClient.Builder.class.getMethod("localAddress", InetAddress.class);
            return true;
        } catch (NoSuchMethodException e) {
            return false;
        }
    }

    private static Field declaredField(String className, String name) {
        try {
            return Class.forName(className, false, HttpClient.class.getClassLoader()).getDeclaredField(name);
        } catch (ReflectiveOperationException | LinkageError e) {
            return null;
        }
    }
}
