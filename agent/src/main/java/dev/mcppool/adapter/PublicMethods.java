package dev.mcppool.adapter;

import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A client class's public instance methods by name and JVM descriptor (e.g. {@code close()V}), the form in which the
 * advice names the intercepted method.
 */
public final class PublicMethods {

    private PublicMethods() {
    }

    /** The public instance methods {@code type} itself declares. */
    public static Map<String, Method> declaredBy(Class<?> type) {
        Map<String, Method> methods = new LinkedHashMap<>();
        for (Method method : type.getMethods()) {
            if (method.getDeclaringClass() == type && !Modifier.isStatic(method.getModifiers())) {
                methods.put(method.getName() + descriptor(method), method);
            }
        }
        return methods;
    }

    static String descriptor(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }
}
