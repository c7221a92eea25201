package dev.mcppool.adapter;

import java.lang.ref.Reference;
import java.lang.ref.ReferenceQueue;
import java.lang.ref.WeakReference;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

/**
 * The clients the application holds that are pooled facades, by identity, without keeping them alive. A facade the
 * application dropped without closing is reclaimed ({@code onAbandoned}): its session is destroyed, so a forgotten
 * {@code close()} cannot use up the pool.
 *
 * @param <F> the adapter's facade state for one client
 */
public final class FacadeRegistry<F> {

    private final ConcurrentHashMap<Object, F> facades = new ConcurrentHashMap<>();
    private final ReferenceQueue<Object> collected = new ReferenceQueue<>();
    private final Consumer<F> onAbandoned;

    public FacadeRegistry(Consumer<F> onAbandoned) {
        this.onAbandoned = onAbandoned;
    }

    public void register(Object client, F facade) {
        reclaimCollected();
        facades.put(new WeakIdentityKey(client, collected), facade);
    }

    public F get(Object client) {
        reclaimCollected();
        return facades.get(new LookupKey(client));
    }

    private void reclaimCollected() {
        Reference<?> reference;
        while ((reference = collected.poll()) != null) {
            F abandoned = facades.remove(reference);
            if (abandoned != null) {
                onAbandoned.accept(abandoned);
            }
        }
    }

    /** Equal to a {@link WeakIdentityKey} for the same referent; used for lookups without allocating a reference. */
    private record LookupKey(Object referent) {
        @Override
        public boolean equals(Object other) {
            return other instanceof WeakIdentityKey key && key.get() == referent;
        }

        @Override
        public int hashCode() {
            return System.identityHashCode(referent);
        }
    }

    private static final class WeakIdentityKey extends WeakReference<Object> {
        private final int hash;

        WeakIdentityKey(Object referent, ReferenceQueue<Object> queue) {
            super(referent, queue);
            this.hash = System.identityHashCode(referent);
        }

        @Override
        public boolean equals(Object other) {
            if (this == other) {
                return true;
            }
            Object referent = get();
            if (referent == null) {
                return false;
            }
            return (other instanceof WeakIdentityKey key && key.get() == referent)
                    || (other instanceof LookupKey lookup && lookup.referent() == referent);
        }

        @Override
        public int hashCode() {
            return hash;
        }
    }
}
