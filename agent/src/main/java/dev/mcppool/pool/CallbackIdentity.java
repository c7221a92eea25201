package dev.mcppool.pool;

import java.lang.reflect.Array;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.lang.reflect.Method;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.net.URI;
import java.time.temporal.TemporalAmount;
import java.time.temporal.TemporalAccessor;
import java.util.StringJoiner;
import java.util.UUID;

/**
 * The key part for an application callback that computes what the server sees (a header supplier, a request
 * customizer, a transport context provider): two callbacks get the same identity only if they compute the same thing.
 *
 * <p>A lambda or record counts by its class and the values it holds, so {@code () -> "Bearer " + token} built anew
 * for every request shares sessions with its twins that hold an equal token, and never with one that holds another.
 * Arrays count by their elements; an object of a class without instance fields counts by its class; any other held
 * value (a map, a bean) counts by instance: equal but different objects never share. Classes count together with
 * their class loader, so the same code loaded twice (two web applications) does not share.
 * Values appear only as digests ({@link Secrets#digest}).
 */
public final class CallbackIdentity {

    private static final int MAX_DEPTH = 4;

    private CallbackIdentity() {
    }

    public static String of(Object callback) {
        return describe(callback, 0);
    }

    private static String describe(Object value, int depth) {
        if (value == null) {
            return "null";
        }
        Class<?> type = value.getClass();
        if (isPlainValue(value)) {
            return type.getSimpleName() + ":" + Secrets.digest(value.toString());
        }
        if (value instanceof Class<?> named) {
            return "class:" + className(named);
        }
        if (type.isArray()) {
            return depth < MAX_DEPTH ? describeArray(value, depth) : InstanceIds.of(value);
        }
        if (depth < MAX_DEPTH && type.isRecord()) {
            return describeRecord(value, type, depth);
        }
        if (depth < MAX_DEPTH && type.isHidden() && type.isSynthetic()) {
            return describeLambda(value, type, depth);
        }
        if (isStateless(type)) {
            return "class:" + className(type);
        }
        return InstanceIds.of(value);
    }

    /** The class's name and its loader's identity. */
    private static String className(Class<?> type) {
        ClassLoader loader = type.getClassLoader();
        return type.getName() + "@" + (loader == null ? "boot" : InstanceIds.of(loader));
    }

    private static String describeArray(Object array, int depth) {
        StringJoiner elements = new StringJoiner(",", className(array.getClass()) + "[", "]");
        for (int i = 0; i < Array.getLength(array); i++) {
            elements.add(describe(Array.get(array, i), depth + 1));
        }
        return elements.toString();
    }

    /** Instances of a class without instance fields (a default validator, a no-op customizer) all compute the same. */
    private static boolean isStateless(Class<?> type) {
        for (Class<?> level = type; level != null && level != Object.class; level = level.getSuperclass()) {
            for (Field field : level.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean isPlainValue(Object value) {
        return value instanceof String || value instanceof Boolean || value instanceof Character
                || value instanceof Enum<?> || value instanceof URI || value instanceof UUID
                || value instanceof TemporalAmount || value instanceof TemporalAccessor
                || value instanceof Byte || value instanceof Short || value instanceof Integer || value instanceof Long
                || value instanceof Float || value instanceof Double
                || value instanceof BigInteger || value instanceof BigDecimal;
    }

    private static String describeRecord(Object value, Class<?> type, int depth) {
        Method[] accessors = RecordComponents.accessorsOf(type);
        if (accessors == null) {
            return InstanceIds.of(value);
        }
        StringJoiner components = new StringJoiner(",", className(type) + "(", ")");
        try {
            for (Method accessor : accessors) {
                components.add(describe(accessor.invoke(value), depth + 1));
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return InstanceIds.of(value);
        }
        return components.toString();
    }

    /** A lambda's captured values are the instance fields of its hidden class. */
    private static String describeLambda(Object value, Class<?> type, int depth) {
        // The hidden class's name is unique to its call site (the JVM adds its address), so different lambdas differ.
        StringJoiner captured = new StringJoiner(",", type.getName() + "(", ")");
        try {
            for (Field field : type.getDeclaredFields()) {
                if (!Modifier.isStatic(field.getModifiers())) {
                    field.setAccessible(true);
                    captured.add(describe(field.get(value), depth + 1));
                }
            }
        } catch (ReflectiveOperationException | RuntimeException e) {
            return InstanceIds.of(value);
        }
        return captured.toString();
    }

}
