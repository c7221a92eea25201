package dev.mcppool.sdk;

import java.lang.reflect.Method;

/** JVM method descriptors, e.g. {@code (Ljava/lang/String;)V}, the form advice passes for the intercepted method. */
final class MethodDescriptors {

    private MethodDescriptors() {
    }

    static String of(Method method) {
        StringBuilder descriptor = new StringBuilder("(");
        for (Class<?> parameter : method.getParameterTypes()) {
            descriptor.append(parameter.descriptorString());
        }
        return descriptor.append(')').append(method.getReturnType().descriptorString()).toString();
    }
}
