package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcppool.config.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Settings changed at run time, per-server settings, the sessions view and the events the pool reports. */
class SessionPoolOperabilityTest {

    private static final PoolKey NPX = new PoolKey("lib", "stdio", "/usr/bin/npx", "stdio: /usr/bin/npx server",
            List.of("command=npx"));
    private static final PoolKey HTTP = new PoolKey("lib", "streamable-http", "mcp.example.com:8443",
            "http: https://mcp.example.com:8443/mcp", List.of("url=https://mcp.example.com:8443/mcp"));

    private final List<FakeSession> created = new CopyOnWriteArrayList<>();
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ExecutorService borrowers = Executors.newCachedThreadPool();
    private SessionPool pool;

    @AfterEach
    void closePool() {
        borrowers.shutdownNow();
        if (pool != null) {
            pool.close();
        }
    }

    private SessionPool pool(String options) {
        PoolOptions.Resolution resolution = PoolOptions.resolve(options, Map.of(), Map.of());
        assertThat(resolution.problems()).isEmpty();
        pool = new SessionPool(resolution.settings(), resolution.serverRules(), new RecordingEvents());
        return pool;
    }

    private FakeSession newSession() {
        FakeSession session = new FakeSession(created.size());
        created.add(session);
        return session;
    }

    private Lease borrowStarted(PoolKey key) throws Exception {
        Lease lease = pool.borrow(key, this::newSession);
        lease.requestFinished();
        return lease;
    }

    @Test
    void serverRulesApplyToTheServersTheirPatternMatches() {
        pool("maxPerKey=4,server.npx.maxPerKey=1,server.*.example.com.maxWait=250ms");

        assertThat(pool.settingsOf(NPX).maxPerKey()).as("matched by the command's file name").isEqualTo(1);
        assertThat(pool.settingsOf(NPX).maxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(pool.settingsOf(HTTP).maxPerKey()).isEqualTo(4);
        assertThat(pool.settingsOf(HTTP).maxWait()).as("matched by the host without port").isEqualTo(
                Duration.ofMillis(250));
        assertThat(pool.overridesOf(NPX)).isEqualTo(Map.of("maxPerKey", "1"));
        assertThat(pool.overridesOf(HTTP)).isEqualTo(Map.of("maxWait", "250ms"));
    }

    @Test
    void aServerTurnedOffByARuleStaysOffWhenThatRuleContradictsAnEarlierOne() {
        pool("server.npx.minIdle=3,server.*npx.maxPerKey=2,server.*npx.enabled=false");

        assertThat(pool.settingsOf(NPX).enabled()).isFalse();
        assertThat(pool.settingsOf(HTTP).enabled()).isTrue();
    }

    @Test
    void aServerRulesMaxPerKeyLimitsItsLeases() throws Exception {
        pool("maxWait=200ms,server.npx.maxPerKey=1");
        borrowStarted(NPX);

        assertThatThrownBy(() -> pool.borrow(NPX, this::newSession))
                .isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("1 of maxPerKey=1");
        borrowStarted(HTTP);
        borrowStarted(HTTP);
    }

    @Test
    void raisingMaxPerKeyWakesAWaitingBorrowerAtOnce() throws Exception {
        pool("maxPerKey=1,maxWait=20s");
        borrowStarted(NPX);
        Future<Lease> waiter = borrowers.submit(() -> pool.borrow(NPX, this::newSession));
        awaitWaiters(NPX, 1);

        pool.change("maxPerKey", "2");

        assertThat(waiter.get(5, TimeUnit.SECONDS).session()).isNotNull();
        assertThat(pool.activeCount(NPX)).isEqualTo(2);
    }

    @Test
    void loweringMaxPerKeyClosesIdleSessionsAboveItAndLimitsNewLeases() throws Exception {
        pool("maxPerKey=3,maxWait=200ms");
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            leases.add(borrowStarted(NPX));
        }
        Lease stillLent = leases.remove(2);
        leases.forEach(lease -> lease.release(LeaseEnd.CLEAN));

        pool.change("maxPerKey", "1");

        assertThat(pool.idleCount(NPX)).as("idle sessions above the new limit are closed").isZero();
        assertThatThrownBy(() -> pool.borrow(NPX, this::newSession)).hasMessageContaining("of maxPerKey=1");
        stillLent.release(LeaseEnd.CLEAN);
        assertThat(pool.idleCount(NPX)).isEqualTo(1);
        assertThat(events).anyMatch(event -> event.startsWith("destroyed " + NPX + " " + DestroyReason.OVER_LIMIT));
    }

    @Test
    void aChangeForOneServerLeavesTheOthersAlone() {
        pool("");
        pool.change(HTTP, "maxWait", "100ms");

        assertThat(pool.settingsOf(HTTP).maxWait()).isEqualTo(Duration.ofMillis(100));
        assertThat(pool.settingsOf(NPX).maxWait()).isEqualTo(Duration.ofSeconds(5));
        assertThat(pool.settings().maxWait()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void invalidChangesAreRefusedAndChangeNothing() {
        pool("maxPerKey=2,server.npx.minIdle=2");

        assertThatThrownBy(() -> pool.change("maxWait", "soon"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'soon'").hasMessageContaining("500ms");
        assertThatThrownBy(() -> pool.change("minIdle", "3"))
                .hasMessageContaining("minIdle=3 exceeds maxPerKey=2");
        assertThatThrownBy(() -> pool.change("maxPerKey", "1"))
                .as("the npx rule's minIdle=2 would exceed it").hasMessageContaining("servers matching 'npx'");
        assertThatThrownBy(() -> pool.change(NPX, "maxTotal", "1"))
                .hasMessageContaining("cannot change while the application runs");
        pool.change(HTTP, "maxPerKey", "1");
        assertThatThrownBy(() -> pool.change("minIdle", "2"))
                .as("the earlier change for one server").hasMessageContaining("server " + HTTP);

        assertThat(pool.settings().maxPerKey()).isEqualTo(2);
        assertThat(pool.settingsOf(NPX).minIdle()).isEqualTo(2);
    }

    @Test
    void raisingMinIdleWarmsServersThePoolCanStartOnItsOwn() throws Exception {
        pool("");
        pool.registerTemplate(NPX, this::newSession);
        assertThat(created).isEmpty();

        pool.change("minIdle", "2");

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.idleCount(NPX) < 2 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.idleCount(NPX)).isEqualTo(2);
    }

    @Test
    void loweredLeakThresholdWatchesTheNextLease() throws Exception {
        pool("");
        pool.change("leakDetectionThreshold", "50ms");
        Lease held = borrowStarted(NPX);

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.countersFor(NPX).leaks() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
        assertThat(pool.countersFor(NPX).leaks()).isEqualTo(1);
        assertThat(events).anyMatch(event -> event.startsWith("leak " + NPX + " by " + Thread.currentThread().getName()
                + " at " + "java.lang.Exception: MCP session borrowed here"));
        held.release(LeaseEnd.CLEAN);
    }

    @Test
    void sessionsViewShowsEachSessionsStateUseAndShortenedIds() throws Exception {
        pool("");
        Lease lent = borrowStarted(NPX);
        Lease returned = borrowStarted(HTTP);
        returned.release(LeaseEnd.CLEAN);
        borrowStarted(HTTP).release(LeaseEnd.CLEAN);

        List<SessionView> sessions = pool.sessions();

        assertThat(sessions).hasSize(2);
        SessionView npx = sessions.stream().filter(view -> view.key().equals(NPX)).findFirst().orElseThrow();
        SessionView http = sessions.stream().filter(view -> view.key().equals(HTTP)).findFirst().orElseThrow();
        assertThat(npx.leased()).isTrue();
        assertThat(npx.idle()).isZero();
        assertThat(npx.timesLent()).isEqualTo(1);
        assertThat(npx.processId()).hasValue(40_000L + ((FakeSession) lent.session()).id);
        assertThat(http.leased()).isFalse();
        assertThat(http.timesLent()).isEqualTo(2);
        assertThat(http.sessionId()).as("at most a quarter of the id").hasValue("se…");
        assertThat(sessions.get(0).age()).isGreaterThanOrEqualTo(sessions.get(1).age());
    }

    @Test
    void eventsTellStartsBorrowsValidationFailuresAndWhySessionsEnded() throws Exception {
        pool("aliveBypassWindow=0");
        Lease first = borrowStarted(NPX);
        first.release(LeaseEnd.CLEAN);
        ((FakeSession) first.session()).answersPing = false;
        borrowStarted(NPX).release(LeaseEnd.TAINTED);
        pool.evictIdle(key -> true);

        assertThat(events).containsSubsequence(
                "borrowed " + NPX + " reused=false",
                "started " + NPX,
                "validation failed " + NPX + ": no answer to a ping before it was lent",
                "destroyed " + NPX + " " + DestroyReason.FAILED_VALIDATION + " lent 1",
                "borrowed " + NPX + " reused=false",
                "started " + NPX,
                "destroyed " + NPX + " " + DestroyReason.TAINTED + " lent 1");

        Lease idle = borrowStarted(HTTP);
        idle.release(LeaseEnd.CLEAN);
        pool.evictIdle(HTTP::equals);
        assertThat(events).contains("destroyed " + HTTP + " " + DestroyReason.EVICTED + " lent 1");
    }

    private void awaitWaiters(PoolKey key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.waiterCount(key) < count && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pool.waiterCount(key)).isEqualTo(count);
    }

    private final class RecordingEvents implements PoolEvents {
        @Override
        public void sessionStarted(PoolKey key, Duration startup) {
            events.add("started " + key);
        }

        @Override
        public void sessionDestroyed(PoolKey key, DestroyReason reason, Duration age, long timesLent) {
            events.add("destroyed " + key + " " + reason + " lent " + timesLent);
        }

        @Override
        public void borrowed(PoolKey key, Duration wait, boolean reused) {
            events.add("borrowed " + key + " reused=" + reused);
        }

        @Override
        public void validationFailed(PoolKey key, String reason) {
            events.add("validation failed " + key + ": " + reason);
        }

        @Override
        public void leakDetected(PoolKey key, Duration held, String borrowerThread, String borrowSite) {
            events.add("leak " + key + " by " + borrowerThread + " at " + borrowSite);
        }
    }
}
