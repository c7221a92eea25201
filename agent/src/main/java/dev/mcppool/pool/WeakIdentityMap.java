package dev.mcppool.pool;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * A concurrent map whose keys count by identity and do not stay alive for it: unlike a {@code WeakHashMap}, objects
 * that are {@code equals} but not the same are different keys. Entries of collected keys leave at {@link #expunge}.
 *
 * @param <V> the values
 */
public final class WeakIdentityMap<V> {

    private final ConcurrentHashMap<Object, V> entries = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();

    public V get(Object key) {
        return entries.get(new Lookup(key));
    }

    public void put(Object key, V value) {
        entries.put(new WeakKey(key, collected), value);
    }

    /** The value already there for {@code key}, or null after putting {@code value}. */
    public V putIfAbsent(Object key, V value) {
        return entries.putIfAbsent(new WeakKey(key, collected), value);
    }

    /** Removes the entries whose keys were garbage-collected, handing each value to {@code removed}. */
    public void expunge(Consumer<? super V> removed) {
        for (Reference<?> gone = collected.poll(); gone != null; gone = collected.poll()) {
            V value = entries.remove(gone);
            if (value != null) {
                removed.accept(value);
            }
        }
    }

    /** What the map holds: equal to another key, or a lookup, of the same live object. */
    private static final class WeakKey extends WeakReference<Object> {
        private final int hash;

        WeakKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            return referent != null && (other instanceof WeakKey key && key.get() == referent
                    || other instanceof Lookup lookup && lookup.key() == referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }

    /** A strong, short-lived probe: the map compares it with its keys by the probe's equals, allocating no reference. */
    private record Lookup(Object key) {
        @Override
        public boolean equals(Object other) {
            return other instanceof WeakKey weakKey && weakKey.get() == key;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(key);
        }
    }
}
