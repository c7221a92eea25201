package dev.mcppool.pool;

import java.lang.reflect.InaccessibleObjectException;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;

/** Record classes' component accessors, looked up and made accessible once per class: keys read them per client. */
public final class RecordComponents {

    private static final ClassValue<Method[]> ACCESSORS = new ClassValue<>() {
        @Override
        protected Method[] computeValue(Class<?> type) {
            return type.isRecord() ? accessibleAccessors(type) : null;
        }
    };

    private RecordComponents() {
    }

    /** {@code type}'s component accessors in declaration order; null if it is no record or they cannot be called. */
    public static Method[] accessorsOf(Class<?> type) {
        return ACCESSORS.get(type);
    }

    private static Method[] accessibleAccessors(Class<?> recordClass) {
        RecordComponent[] components = recordClass.getRecordComponents();
        Method[] accessors = new Method[components.length];
        try {
            for (int i = 0; i < components.length; i++) {
                accessors[i] = components[i].getAccessor();
                accessors[i].setAccessible(true);
            }
            return accessors;
        } catch (InaccessibleObjectException | SecurityException e) {
            return null;
        }
    }
}
