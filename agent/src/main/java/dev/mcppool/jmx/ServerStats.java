package dev.mcppool.jmx;

import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.ServerCounters;
import dev.mcppool.pool.SessionPool;
import java.util.Map;
import java.util.stream.Collectors;
import javax.management.ConstructorParameters;

/** One row of the per-server table: a server key (redacted) and its counts. Mapped by JMX to a CompositeData. */
public final class ServerStats {

    private final String server;
    private final String fingerprint;
    private final String library;
    private final String transport;
    private final int active;
    private final int idle;
    private final int waiting;
    private final long created;
    private final long destroyed;
    private final long borrowed;
    private final long returned;
    private final long validationFailures;
    private final long retired;
    private final long leaks;
    private final long leaseResets;
    private final long taintedSessions;
    private final long startFailures;
    private final String breaker;
    private final double meanBorrowWaitMillis;
    private final double maxBorrowWaitMillis;
    private final String overrides;

    @ConstructorParameters({"server", "fingerprint", "library", "transport", "active", "idle", "waiting", "created",
            "destroyed", "borrowed", "returned", "validationFailures", "retired", "leaks",
            "leaseResets", "taintedSessions", "startFailures", "breaker", "meanBorrowWaitMillis", "maxBorrowWaitMillis",
            "overrides"})
    public ServerStats(String server, String fingerprint, String library, String transport, int active, int idle,
                       int waiting, long created, long destroyed, long borrowed, long returned,
                       long validationFailures, long retired, long leaks, long leaseResets, long taintedSessions,
                       long startFailures, String breaker, double meanBorrowWaitMillis, double maxBorrowWaitMillis,
                       String overrides) {
        this.server = server;
        this.fingerprint = fingerprint;
        this.library = library;
        this.transport = transport;
        this.active = active;
        this.idle = idle;
        this.waiting = waiting;
        this.created = created;
        this.destroyed = destroyed;
        this.borrowed = borrowed;
        this.returned = returned;
        this.validationFailures = validationFailures;
        this.retired = retired;
        this.leaks = leaks;
        this.leaseResets = leaseResets;
        this.taintedSessions = taintedSessions;
        this.startFailures = startFailures;
        this.breaker = breaker;
        this.meanBorrowWaitMillis = meanBorrowWaitMillis;
        this.maxBorrowWaitMillis = maxBorrowWaitMillis;
        this.overrides = overrides;
    }

    /** The row of {@code key}, counted by {@code counters}. */
    static ServerStats of(SessionPool pool, PoolKey key, ServerCounters counters) {
        return new ServerStats(key.label(), key.fingerprint(), key.library(), key.transport(),
                pool.activeCount(key), pool.idleCount(key), pool.waiterCount(key),
                counters.created(), counters.destroyed(), counters.borrowed(), counters.returned(),
                counters.validationFailures(), counters.retired(), counters.leaks(),
                counters.resets(), counters.tainted(), pool.startFailures(key),
                pool.breakerState(key), meanMillis(counters), nanosToMillis(counters.maxBorrowWaitNanos()),
                describe(pool.overridesOf(key)));
    }

    private static String describe(Map<String, String> overrides) {
        return overrides.entrySet().stream().map(option -> option.getKey() + "=" + option.getValue())
                .collect(Collectors.joining(", "));
    }

    static double meanMillis(ServerCounters counters) {
        long borrowed = counters.borrowed();
        return borrowed == 0 ? 0 : nanosToMillis(counters.totalBorrowWaitNanos()) / borrowed;
    }

    static double nanosToMillis(long nanos) {
        return nanos / 1_000_000.0;
    }

    public String getServer() {
        return server;
    }

    public String getFingerprint() {
        return fingerprint;
    }

    public String getLibrary() {
        return library;
    }

    public String getTransport() {
        return transport;
    }

    public int getActive() {
        return active;
    }

    public int getIdle() {
        return idle;
    }

    public int getWaiting() {
        return waiting;
    }

    public long getCreated() {
        return created;
    }

    public long getDestroyed() {
        return destroyed;
    }

    public long getBorrowed() {
        return borrowed;
    }

    public long getReturned() {
        return returned;
    }

    public long getValidationFailures() {
        return validationFailures;
    }

    public long getRetired() {
        return retired;
    }

    public long getLeaks() {
        return leaks;
    }

    /** Leases whose resource subscriptions were undone before their session went back to the pool. */
    public long getLeaseResets() {
        return leaseResets;
    }

    /** Sessions destroyed on return because their lease changed the server's logging level or the client's roots. */
    public long getTaintedSessions() {
        return taintedSessions;
    }

    public long getStartFailures() {
        return startFailures;
    }

    /** The create-failure breaker: {@code closed}, {@code half-open} or {@code open (N s left)}. */
    public String getBreaker() {
        return breaker;
    }

    public double getMeanBorrowWaitMillis() {
        return meanBorrowWaitMillis;
    }

    public double getMaxBorrowWaitMillis() {
        return maxBorrowWaitMillis;
    }

    /** The options whose values in force for this server differ from the pool's (server rules, JMX changes). */
    public String getOverrides() {
        return overrides;
    }
}
