package dev.mcppool.adapter;

import java.lang.reflect.Field;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;

/** Reflective access to a client library's members, resolved once per library class loader by its adapter. */
public final class Members {

    private Members() {
    }

    public static Field field(Class<?> type, String name) throws NoSuchFieldException {
        Field field = type.getDeclaredField(name);
        field.setAccessible(true);
        return field;
    }

    public static Field optionalField(Class<?> type, String name) {
        try {
            return field(type, name);
        } catch (NoSuchFieldException e) {
            return null;
        }
    }

    public static Method method(Class<?> type, String name, Class<?>... parameterTypes) throws NoSuchMethodException {
        Method method = type.getMethod(name, parameterTypes);
        method.setAccessible(true);
        return method;
    }

    public static Object read(Field field, Object target) {
        try {
            return field.get(target);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** A public constant of {@code type}, such as an interface's {@code EMPTY}. */
    public static Object readStatic(Class<?> type, String name) throws NoSuchFieldException {
        return read(type.getField(name), null);
    }

    public static void write(Field field, Object target, Object value) {
        try {
            field.set(target, value);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Invokes and rethrows what the method threw, unwrapped, so callers see the library's own exceptions. */
    public static Object invoke(Method method, Object target, Object... arguments) throws Exception {
        try {
            return method.invoke(target, arguments);
        } catch (InvocationTargetException e) {
            Throwable cause = e.getCause();
            if (cause instanceof Exception exception) {
                throw exception;
            }
            if (cause instanceof Error error) {
                throw error;
            }
            throw e;
        }
    }

    public static Object invokeUnchecked(Method method, Object target, Object... arguments) {
        try {
            return invoke(method, target, arguments);
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether {@code object}'s class is a lambda (or other hidden class) written in the same source file as {@code host}. */
    public static boolean isLambdaOf(Object object, Class<?> host) {
        Class<?> type = object.getClass();
        return type.isHidden() && type.getNestHost() == host.getNestHost();
    }
}
