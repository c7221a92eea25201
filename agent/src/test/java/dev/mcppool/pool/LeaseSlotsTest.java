package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class LeaseSlotsTest {

    private static final long SECOND = TimeUnit.SECONDS.toNanos(1);

    @Test
    void lendsUpToTheLimitAndTimesOutAbove() throws Exception {
        LeaseSlots slots = new LeaseSlots();

        assertThat(slots.take(() -> 2, 0)).isTrue();
        assertThat(slots.take(() -> 2, 0)).isTrue();
        assertThat(slots.take(() -> 2, TimeUnit.MILLISECONDS.toNanos(50))).isFalse();
        slots.give();
        assertThat(slots.take(() -> 2, 0)).isTrue();
    }

    @Test
    void aWaiterGetsTheSlotGivenBackWhileItWaits() throws Exception {
        LeaseSlots slots = new LeaseSlots();
        slots.take(() -> 1, 0);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> takeWithin(slots, 1, 10 * SECOND));
        Thread.sleep(100);

        slots.give();

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void aRaisedLimitWakesWaiters() throws Exception {
        LeaseSlots slots = new LeaseSlots();
        AtomicInteger limit = new AtomicInteger(1);
        slots.take(limit::get, 0);
        CompletableFuture<Boolean> waiter = CompletableFuture.supplyAsync(() -> takeWithin(slots, limit, 10 * SECOND));
        Thread.sleep(100);

        limit.set(2);
        slots.limitChanged();

        assertThat(waiter.get(5, TimeUnit.SECONDS)).isTrue();
    }

    @Test
    void forgottenSlotsLendNothingAndOnlyUnusedOnesAreForgotten() throws Exception {
        LeaseSlots slots = new LeaseSlots();
        slots.take(() -> 5, 0);

        assertThat(slots.forgetIfUnused()).isFalse();
        assertThat(slots.isForgotten()).isFalse();
        slots.give();
        assertThat(slots.forgetIfUnused()).isTrue();
        assertThat(slots.isForgotten()).isTrue();
        assertThat(slots.take(() -> 5, SECOND)).as("returns at once").isFalse();
    }

    @Test
    void neverLendsMoreThanTheLimitUnderContention() throws Exception {
        LeaseSlots slots = new LeaseSlots();
        AtomicInteger holding = new AtomicInteger();
        AtomicInteger mostHeld = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(8);
        try {
            List<Future<Integer>> workers = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                workers.add(threads.submit(() -> {
                    int taken = 0;
                    for (int i = 0; i < 5_000; i++) {
                        if (slots.take(() -> 3, 5 * SECOND)) {
                            mostHeld.accumulateAndGet(holding.incrementAndGet(), Math::max);
                            holding.decrementAndGet();
                            slots.give();
                            taken++;
                        }
                    }
                    return taken;
                }));
            }
            int taken = 0;
            for (Future<Integer> worker : workers) {
                taken += worker.get(60, TimeUnit.SECONDS);
            }

            assertThat(taken).isEqualTo(40_000);
            assertThat(mostHeld.get()).isBetween(1, 3);
            assertThat(slots.forgetIfUnused()).as("every slot came back").isTrue();
        } finally {
            threads.shutdownNow();
        }
    }

    private static boolean takeWithin(LeaseSlots slots, int limit, long nanos) {
        return takeWithin(slots, new AtomicInteger(limit), nanos);
    }

    private static boolean takeWithin(LeaseSlots slots, AtomicInteger limit, long nanos) {
        try {
            return slots.take(limit::get, nanos);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
