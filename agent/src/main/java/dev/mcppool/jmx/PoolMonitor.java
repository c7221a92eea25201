package dev.mcppool.jmx;

import dev.mcppool.log.AgentLog;
import dev.mcppool.pool.PoolKey;
import dev.mcppool.pool.ServerCounters;
import dev.mcppool.pool.SessionPool;
import java.lang.management.ManagementFactory;
import java.util.Comparator;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import javax.management.MBeanServer;
import javax.management.ObjectName;

/**
 * The {@link McpPoolMXBean} over a {@link SessionPool}, and one {@link ServerPoolMXBean} per server key, registered
 * and unregistered as keys come and go. All JMX registration runs on one daemon thread: the platform MBean server
 * takes a while to start, and neither the application's main nor a borrower should wait for it.
 */
public final class PoolMonitor extends RunTimeSettingsAttributes implements McpPoolMXBean, SessionPool.KeyListener {

    public static final String OBJECT_NAME = "dev.mcppool:type=McpSessionPool,name=default";

    private final SessionPool pool;
    private final String version;

    public PoolMonitor(SessionPool pool, String version) {
        super(pool::settings, pool::change);
        this.pool = pool;
        this.version = version;
    }

    private final ExecutorService registrations = Executors.newSingleThreadExecutor(task -> {
        Thread thread = new Thread(task, "mcp-pool-jmx");
        thread.setDaemon(true);
        return thread;
    });

    /**
     * Registers this MBean and, from then on, one per server key, in the platform MBean server, in the background; a
     * failure is logged and leaves pooling untouched.
     */
    public void registerInBackground() {
        registrations.execute(() -> {
            try {
                register(new ObjectName(OBJECT_NAME), this);
                pool.setKeyListener(this);
            } catch (Exception | LinkageError e) {
                AgentLog.warn("mcp-pool: the JMX MBean " + OBJECT_NAME + " could not be registered (" + e
                        + "); pooling works without it");
            }
        });
    }

    @Override
    public void added(PoolKey key) {
        registrations.execute(() -> {
            try {
                register(ServerPoolMonitor.nameOf(key), new ServerPoolMonitor(pool, key));
            } catch (Exception | LinkageError e) {
                AgentLog.warnOnce("mcp-pool: the per-server JMX MBean of " + key + " could not be registered (" + e
                        + ")");
            }
        });
    }

    @Override
    public void removed(PoolKey key) {
        registrations.execute(() -> {
            try {
                MBeanServer server = ManagementFactory.getPlatformMBeanServer();
                ObjectName name = ServerPoolMonitor.nameOf(key);
                if (server.isRegistered(name)) {
                    server.unregisterMBean(name);
                }
            } catch (Exception | LinkageError e) {
                AgentLog.warnOnce("mcp-pool: the per-server JMX MBean of " + key + " could not be unregistered (" + e
                        + ")");
            }
        });
    }

    private static void register(ObjectName name, Object mbean) throws Exception {
        MBeanServer server = ManagementFactory.getPlatformMBeanServer();
        if (!server.isRegistered(name)) {
            server.registerMBean(mbean, name);
        }
    }

    @Override
    public String getVersion() {
        return version;
    }

    @Override
    public boolean isEnabled() {
        return pool.settings().enabled();
    }

    @Override
    public int getActiveSessions() {
        return pool.activeCount();
    }

    @Override
    public int getIdleSessions() {
        return pool.idleCount();
    }

    @Override
    public int getWaitingThreads() {
        return pool.waiterCount();
    }

    @Override
    public long getCreatedSessions() {
        return pool.totals().created();
    }

    @Override
    public long getDestroyedSessions() {
        return pool.totals().destroyed();
    }

    @Override
    public long getBorrowedCount() {
        return pool.totals().borrowed();
    }

    @Override
    public long getReturnedCount() {
        return pool.totals().returned();
    }

    @Override
    public long getValidationFailures() {
        return pool.totals().validationFailures();
    }

    @Override
    public long getRetiredSessions() {
        return pool.totals().retired();
    }

    @Override
    public long getLeakedLeases() {
        return pool.totals().leaks();
    }

    @Override
    public long getLeaseResets() {
        return pool.totals().resets();
    }

    @Override
    public long getTaintedSessions() {
        return pool.totals().tainted();
    }

    @Override
    public double getMeanBorrowWaitMillis() {
        return ServerStats.meanMillis(pool.totals());
    }

    @Override
    public double getMaxBorrowWaitMillis() {
        return ServerStats.nanosToMillis(pool.totals().maxBorrowWaitNanos());
    }

    @Override
    public ServerStats[] getServers() {
        return pool.counters().entrySet().stream()
                .sorted(Comparator.comparing(entry -> entry.getKey().toString()))
                .map(this::row)
                .toArray(ServerStats[]::new);
    }

    private ServerStats row(Map.Entry<PoolKey, ServerCounters> entry) {
        return ServerStats.of(pool, entry.getKey(), entry.getValue());
    }

    @Override
    public boolean isSuspended() {
        return pool.isSuspended();
    }

    @Override
    public int evictIdleSessions() {
        return pool.evictIdle(key -> true);
    }

    @Override
    public int evictIdleSessionsOf(String server) {
        return pool.evictIdle(serverNamed(server));
    }

    @Override
    public void softEvictSessions() {
        pool.softEvict(key -> true);
    }

    @Override
    public void softEvictSessionsOf(String server) {
        pool.softEvict(serverNamed(server));
    }

    @Override
    public void clearSessionsOf(String server) {
        pool.clear(serverNamed(server));
    }

    @Override
    public SessionInfo[] listSessions() {
        return pool.sessions().stream().map(SessionInfo::of).toArray(SessionInfo[]::new);
    }

    @Override
    public void suspendPool() {
        pool.suspend();
    }

    @Override
    public void resumePool() {
        pool.resume();
    }

    /** The keys an operator means by {@code server}: a fingerprint or an exact label from the Servers table. */
    private Predicate<PoolKey> serverNamed(String server) {
        String name = server == null ? "" : server.trim();
        Set<PoolKey> matching = pool.counters().keySet().stream()
                .filter(key -> key.fingerprint().equals(name) || key.label().equals(name))
                .collect(Collectors.toSet());
        if (matching.isEmpty()) {
            throw new IllegalArgumentException("no server '" + name + "' in the pool; use a fingerprint or a server"
                    + " label from the Servers attribute");
        }
        return matching::contains;
    }
}
