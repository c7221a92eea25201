package dev.mcppool.adapter;

import dev.mcppool.pool.WeakIdentityMap;
import java.util.function.Consumer;

/**
 * The clients the application holds that are pooled facades, by identity, without keeping them alive. A facade the
 * application dropped without closing is reclaimed ({@code onAbandoned}): its session is destroyed, so a forgotten
 * {@code close()} cannot use up the pool.
 *
 * @param <F> the adapter's facade state for one client
 */
public final class FacadeRegistry<F> {

    private final WeakIdentityMap<F> facades = new WeakIdentityMap<>();
    private final Consumer<F> onAbandoned;

    public FacadeRegistry(Consumer<F> onAbandoned) {
        this.onAbandoned = onAbandoned;
    }

    public void register(Object client, F facade) {
        reclaimCollected();
        facades.put(client, facade);
    }

    public F get(Object client) {
        reclaimCollected();
        return facades.get(client);
    }

    /** Hands the facades of clients that were garbage-collected to {@code onAbandoned}. */
    public void reclaimCollected() {
        facades.expunge(onAbandoned);
    }
}
