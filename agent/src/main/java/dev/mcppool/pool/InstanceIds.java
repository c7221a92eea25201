package dev.mcppool.pool;

import java.util.Map;
import java.util.WeakHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A name that is unique for each live object, for key parts that count by identity (a proxy selector, an SSL context):
 * unlike an identity hash code, two different objects never get the same name.
 */
public final class InstanceIds {

    private static final Map<Object, String> NAMES = new WeakHashMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private InstanceIds() {
    }

    /** Only for objects with identity equality (no equals/hashCode of their own), as a {@link WeakHashMap} needs. */
    public static synchronized String of(Object instance) {
        return NAMES.computeIfAbsent(instance, o -> o.getClass().getName() + "#" + NEXT.incrementAndGet());
    }
}
