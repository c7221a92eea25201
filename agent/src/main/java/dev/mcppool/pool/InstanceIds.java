package dev.mcppool.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A name that is unique for each live object, for key parts that count by identity (a proxy selector, an SSL context,
 * a class loader): unlike an identity hash code, two different objects never get the same name, and unlike a
 * {@code WeakHashMap}, objects that are {@code equals} but not the same get different names.
 */
public final class InstanceIds {

    private static final Map<IdentityKey, String> NAMES = new HashMap<>();
    private static final ReferenceQueue<Object> COLLECTED = new ReferenceQueue<>();
    private static final AtomicLong NEXT = new AtomicLong();

    private InstanceIds() {
    }

    public static synchronized String of(Object instance) {
        for (Reference<?> gone = COLLECTED.poll(); gone != null; gone = COLLECTED.poll()) {
            NAMES.remove(gone);
        }
        return NAMES.computeIfAbsent(new IdentityKey(instance, COLLECTED),
                key -> instance.getClass().getName() + "#" + NEXT.incrementAndGet());
    }

    private static final class IdentityKey extends WeakReference<Object> {
        private final int hash;

        IdentityKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return referent != null && other instanceof IdentityKey key && key.get() == referent;
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
