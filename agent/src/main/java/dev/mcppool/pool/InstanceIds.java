package dev.mcppool.pool;

import java.util.concurrent.atomic.AtomicLong;

/**
 * A name that is unique for each live object, for key parts that count by identity (a proxy selector, an SSL context,
 * a class loader): unlike an identity hash code, two different objects never get the same name, and unlike a
 * {@code WeakHashMap}, objects that are {@code equals} but not the same get different names. Looked up on every
 * client build, so without a lock.
 */
public final class InstanceIds {

    private static final WeakIdentityMap<String> NAMES = new WeakIdentityMap<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private InstanceIds() {
    }

    public static String of(Object instance) {
        String known = NAMES.get(instance);
        if (known != null) {
            return known;
        }
        NAMES.expunge(name -> { });
        String fresh = instance.getClass().getName() + "#" + NEXT.incrementAndGet();
        String raced = NAMES.putIfAbsent(instance, fresh);
        return raced != null ? raced : fresh;
    }
}
