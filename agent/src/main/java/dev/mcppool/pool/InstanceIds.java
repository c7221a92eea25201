package dev.mcppool.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A name that is unique for each live object, for key parts that count by identity (a proxy selector, an SSL context,
 * a class loader): unlike an identity hash code, two different objects never get the same name, and unlike a
 * {@code WeakHashMap}, objects that are {@code equals} but not the same get different names. Looked up on every
 * client build, so without a lock.
 */
public final class InstanceIds {

    private static final ConcurrentMap<Object, String> NAMES = new ConcurrentHashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private InstanceIds() {
    }

    public static String of(Object instance) {
        String known = NAMES.get(new Lookup(instance));
        if (known != null) {
            return known;
        }
        for (Reference<?> gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            NAMES.remove(gone);
        }
        String fresh = instance.getClass().getName() + "#" + NEXT.incrementAndGet();
        String raced = NAMES.putIfAbsent(new Entry(instance, COLLECTED), fresh);
        return raced != null ? raced : fresh;
    }

    /** What the map holds: a weak reference, equal to another entry or a lookup of the same object. */
    private static final class Entry extends WeakReference<Object> {
        private final int hash;

        Entry(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof Entry entry && entry.get() == referent;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A strong, short-lived probe for {@link #NAMES}: the map compares it with its entries by the probe's equals. */
    private record Lookup(Object instance) {
        @Override
        public boolean equals(Object other) {
            return other instanceof Entry entry && entry.get() == instance;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(instance);
        }
    }
}
