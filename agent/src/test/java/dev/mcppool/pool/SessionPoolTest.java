package dev.mcppool.pool;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.mcppool.config.PoolOptions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class SessionPoolTest {

    private static final PoolKey SERVER_A = new PoolKey("lib", "stdio", "server-a", "stdio: server-a",
            List.of("command=a"));
    private static final PoolKey SERVER_B = new PoolKey("lib", "stdio", "server-b", "stdio: server-b",
            List.of("command=b"));

    private final List<FakeSession> created = new ArrayList<>();
    private SessionPool pool;

    @AfterEach
    void closePool() {
        if (pool != null) {
            pool.close();
        }
    }

    private SessionPool pool(String options) {
        PoolOptions.Resolution resolution = PoolOptions.resolve(options, Map.of(), Map.of());
        pool = new SessionPool(resolution.settings(), resolution.serverRules(), PoolEvents.NONE);
        return pool;
    }

    private synchronized FakeSession newSession() {
        FakeSession session = new FakeSession(created.size());
        created.add(session);
        return session;
    }

    @Test
    void returnedSessionIsLentAgainInsteadOfCreatingOne() throws Exception {
        pool("");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        first.release(LeaseEnd.CLEAN);
        Lease second = pool.borrow(SERVER_A, this::newSession);

        assertThat(second.session()).isSameAs(first.session());
        assertThat(created).hasSize(1);
        assertThat(pool.countersFor(SERVER_A).borrowed()).isEqualTo(2);
        assertThat(pool.countersFor(SERVER_A).returned()).isEqualTo(1);
    }

    @Test
    void aBorrowerThatFindsNoRoomGetsTheSessionOfAClientTheApplicationDroppedWithoutClosingIt() throws Exception {
        pool("maxPerKey=1,maxWait=4s");
        dev.mcppool.adapter.FacadeRegistry<Lease> clients = new dev.mcppool.adapter.FacadeRegistry<>(
                lease -> lease.release(LeaseEnd.ABANDONED));
        pool.reclaimAbandonedLeasesWith(clients::reclaimCollected);
        Lease dropped = pool.borrow(SERVER_A, this::newSession);
        clients.register(new Object(), dropped); // the client is unreachable at once, and never closed
        Thread.sleep(AbandonedLeases.QUIET_BEFORE_SUSPECTED.toMillis());

        Lease next = pool.borrow(SERVER_A, this::newSession);

        assertThat(((FakeSession) dropped.session()).closes).as("the dropped client's session is destroyed")
                .hasPositiveValue();
        assertThat(next.session()).isNotSameAs(dropped.session());
        assertThat(pool.countersFor(SERVER_A).leaks()).isZero(); // leak detection is off: only logged
    }

    @Test
    void evictIdleClosesTheIdleSessionsOfTheChosenServersOnly() throws Exception {
        pool("");
        Lease a = pool.borrow(SERVER_A, this::newSession);
        Lease leasedA = pool.borrow(SERVER_A, this::newSession);
        Lease b = pool.borrow(SERVER_B, this::newSession);
        a.release(LeaseEnd.CLEAN);
        b.release(LeaseEnd.CLEAN);

        assertThat(pool.evictIdle(SERVER_A::equals)).isEqualTo(1);

        assertThat(((FakeSession) a.session()).closes).hasPositiveValue();
        assertThat(((FakeSession) leasedA.session()).closes).as("leased sessions are left alone").hasValue(0);
        assertThat(((FakeSession) b.session()).closes).hasValue(0);
        assertThat(pool.idleCount(SERVER_B)).isEqualTo(1);
        leasedA.release(LeaseEnd.CLEAN);
        assertThat(pool.idleCount(SERVER_A)).isEqualTo(1);
    }

    @Test
    void softEvictRetiresIdleSessionsNowAndLeasedOnesWhenTheyComeBack() throws Exception {
        pool("");
        Lease idle = pool.borrow(SERVER_A, this::newSession);
        Lease leased = pool.borrow(SERVER_A, this::newSession);
        idle.release(LeaseEnd.CLEAN);

        pool.softEvict(key -> true);
        assertThat(((FakeSession) idle.session()).closes).hasPositiveValue();
        assertThat(((FakeSession) leased.session()).closes).hasValue(0);

        leased.release(LeaseEnd.CLEAN);
        assertThat(((FakeSession) leased.session()).closes).hasPositiveValue();
        assertThat(pool.countersFor(SERVER_A).retired()).isEqualTo(1);
        assertThat(pool.borrow(SERVER_A, this::newSession).session()).isNotIn(idle.session(), leased.session());
    }

    @Test
    void suspendedPoolMakesBorrowersWaitAtMostMaxWaitAndResumeLetsThemGoOn() throws Exception {
        pool("maxWait=300ms");
        pool.suspend();
        long start = System.nanoTime();
        assertThatThrownBy(() -> pool.borrow(SERVER_A, this::newSession))
                .isInstanceOf(PoolExhaustedException.class)
                .hasMessageContaining("stdio: server-a")
                .hasMessageContaining("suspended");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(Duration.ofMillis(300));
        assertThat(created).isEmpty();

        ExecutorService borrower = Executors.newSingleThreadExecutor();
        try {
            pool("maxWait=5s").suspend();
            Future<Lease> waiting = borrower.submit(() -> pool.borrow(SERVER_A, this::newSession));
            Thread.sleep(200);
            assertThat(waiting).isNotDone();
            assertThat(pool.waiterCount(SERVER_A)).isEqualTo(1);
            pool.resume();
            assertThat(waiting.get(5, TimeUnit.SECONDS).session()).isNotNull();
        } finally {
            borrower.shutdownNow();
        }
    }

    @Test
    void differentKeysNeverShareASession() throws Exception {
        pool("");
        Lease a = pool.borrow(SERVER_A, this::newSession);
        a.release(LeaseEnd.CLEAN);
        Lease b = pool.borrow(SERVER_B, this::newSession);

        assertThat(b.session()).isNotSameAs(a.session());
        assertThat(created).hasSize(2);
    }

    @Test
    void notReusableSessionIsDestroyedAndNeverLentAgain() throws Exception {
        pool("");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        first.release(LeaseEnd.BROKEN);

        assertDestroyedAndReplaced(first);
    }

    /** {@code first}, released, was destroyed (closed once, counted) and the next borrow gets another session. */
    private void assertDestroyedAndReplaced(Lease first) throws Exception {
        Lease second = pool.borrow(SERVER_A, this::newSession);

        assertThat(second.session()).isNotSameAs(first.session());
        assertThat(((FakeSession) first.session()).closes.get()).isEqualTo(1);
        assertThat(pool.countersFor(SERVER_A).destroyed()).isEqualTo(1);
    }

    @Test
    void sessionThatDiedWhileLeasedIsNotReturned() throws Exception {
        pool("");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        ((FakeSession) first.session()).usable = false;
        first.release(LeaseEnd.CLEAN);

        Lease second = pool.borrow(SERVER_A, this::newSession);
        assertThat(second.session()).isNotSameAs(first.session());
    }

    @Test
    void idleSessionIsPingedBeforeReuseAndReplacedWhenItDoesNotAnswer() throws Exception {
        pool("aliveBypassWindow=0ms");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        FakeSession session = (FakeSession) first.session();
        first.release(LeaseEnd.CLEAN);
        Thread.sleep(5);
        session.answersPing = false;

        Lease second = pool.borrow(SERVER_A, this::newSession);

        assertThat(session.pings.get()).isEqualTo(1);
        assertThat(second.session()).isNotSameAs(session);
        assertThat(pool.countersFor(SERVER_A).validationFailures()).isEqualTo(1);
    }

    @Test
    void idleSessionsArePingedInTheBackgroundAndOneThatStopsAnsweringIsDropped() throws Exception {
        pool("keepaliveTime=200ms");
        Lease healthy = pool.borrow(SERVER_A, this::newSession);
        Lease dying = pool.borrow(SERVER_A, this::newSession);
        healthy.release(LeaseEnd.CLEAN);
        dying.release(LeaseEnd.CLEAN);
        ((FakeSession) dying.session()).answersPing = false;

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while ((pool.idleCount() > 1 || ((FakeSession) healthy.session()).pings.get() < 2)
                && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }

        assertThat(((FakeSession) healthy.session()).pings.get()).isGreaterThanOrEqualTo(2);
        assertThat(((FakeSession) dying.session()).closes.get()).isEqualTo(1);
        assertThat(pool.idleCount()).isEqualTo(1);
        assertThat(pool.totals().validationFailures()).isEqualTo(1);
    }

    @Test
    void aBorrowerWaitsForTheIdleSessionTheKeepaliveIsCheckingInsteadOfCreatingOneAboveMaxPerKey() throws Exception {
        pool("maxPerKey=1,keepaliveTime=200ms,maxWait=10s");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        FakeSession session = (FakeSession) first.session();
        CountDownLatch gate = new CountDownLatch(1);
        session.pingGate = gate;
        first.release(LeaseEnd.CLEAN);
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (session.pings.get() == 0 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(session.pings.get()).as("the keepalive is pinging the idle session").isEqualTo(1);

        ExecutorService borrower = Executors.newSingleThreadExecutor();
        try {
            Future<Lease> second = borrower.submit(() -> pool.borrow(SERVER_A, this::newSession));
            Thread.sleep(300);
            assertThat(second).isNotDone();
            gate.countDown();

            assertThat(second.get(5, TimeUnit.SECONDS).session()).isSameAs(session);
            assertThat(created).hasSize(1);
        } finally {
            gate.countDown();
            borrower.shutdownNow();
        }
    }

    @Test
    void keepaliveOffMeansNoBackgroundPings() throws Exception {
        // server-b's keepalive has maintenance run every 50 ms, for server-a's idle sessions as well
        pool("keepaliveTime=0,server.server-b.keepaliveTime=100ms");
        Lease off = pool.borrow(SERVER_A, this::newSession);
        Lease on = pool.borrow(SERVER_B, this::newSession);
        off.release(LeaseEnd.CLEAN);
        on.release(LeaseEnd.CLEAN);
        FakeSession pinged = (FakeSession) on.session();

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pinged.pings.get() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(10);
        }
        assertThat(pinged.pings.get()).as("the control: a server with keepalive on is pinged meanwhile")
                .isGreaterThanOrEqualTo(2);
        assertThat(((FakeSession) off.session()).pings.get()).isZero();
    }

    @Test
    void hungIdleSessionsHoldABorrowerAtMostMaxWaitPlusValidationTimeout() throws Exception {
        pool("maxPerKey=6,maxWait=300ms,validationTimeout=400ms,aliveBypassWindow=0ms,keepaliveTime=0");
        List<Lease> leases = new ArrayList<>();
        for (int i = 0; i < 6; i++) {
            leases.add(pool.borrow(SERVER_A, this::newSession));
        }
        leases.forEach(lease -> lease.release(LeaseEnd.CLEAN));
        Thread.sleep(10);
        created.forEach(session -> session.hangs = true);

        Lease lease = pool.borrow(SERVER_A, this::newSession);

        // a hung session holds its pinger for the whole timeout: the timeouts given are the time the borrower waited
        List<Duration> pingTimeouts = new ArrayList<>();
        created.forEach(session -> pingTimeouts.addAll(session.pingTimeouts));
        assertThat(pingTimeouts).as("the first ping gets the whole validationTimeout, later ones what is left")
                .contains(Duration.ofMillis(400)).allMatch(timeout -> timeout.compareTo(Duration.ofMillis(400)) <= 0);
        assertThat(pingTimeouts.stream().reduce(Duration.ZERO, Duration::plus)).as("all pings share one budget")
                .isLessThanOrEqualTo(Duration.ofMillis(300 + 400));
        assertThat(created).hasSize(7).contains((FakeSession) lease.session());
    }

    @Test
    void recentlyUsedSessionIsNotPinged() throws Exception {
        pool("aliveBypassWindow=1m");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        first.release(LeaseEnd.CLEAN);
        pool.borrow(SERVER_A, this::newSession);

        assertThat(((FakeSession) first.session()).pings.get()).isZero();
    }

    @Test
    void exhaustedPoolFailsAfterMaxWaitNamingServerSizeAndWaiters() throws Exception {
        pool("maxPerKey=1,maxWait=400ms");
        pool.borrow(SERVER_A, this::newSession);
        ExecutorService borrowers = Executors.newFixedThreadPool(2);
        try {
            Future<Lease> first = borrowers.submit(() -> pool.borrow(SERVER_A, this::newSession));
            Thread.sleep(150);
            Future<Lease> second = borrowers.submit(() -> pool.borrow(SERVER_A, this::newSession));

            assertThatThrownBy(first::get).cause()
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("stdio: server-a")
                    .hasMessageContaining("within 400 ms")
                    .hasMessageContaining("1 of maxPerKey=1 sessions are in use")
                    .hasMessageContaining("1 other threads waiting");
            assertThatThrownBy(second::get).cause().isInstanceOf(PoolExhaustedException.class);
            assertThat(created).hasSize(1);
        } finally {
            borrowers.shutdownNow();
        }
    }

    @Test
    void waiterGetsASessionAsSoonAsAnotherIsDestroyed() throws Exception {
        pool("maxPerKey=1,maxWait=20s");
        Lease holder = pool.borrow(SERVER_A, this::newSession);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Lease> waiting = waiter.submit(() -> pool.borrow(SERVER_A, this::newSession));
            Thread.sleep(200);
            holder.release(LeaseEnd.BROKEN);

            // long before maxWait: served by the destruction, not by the end of its wait
            Lease served = waiting.get(5, TimeUnit.SECONDS);
            assertThat(served.session()).isNotSameAs(holder.session());
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void waiterOfAnotherKeyGetsCapacityFreedUnderMaxTotal() throws Exception {
        pool("maxTotal=1,maxWait=3s");
        Lease holder = pool.borrow(SERVER_A, this::newSession);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Lease> waiting = waiter.submit(() -> pool.borrow(SERVER_B, this::newSession));
            Thread.sleep(200);
            holder.release(LeaseEnd.CLEAN);

            assertThat(waiting.get(2, TimeUnit.SECONDS).key()).isEqualTo(SERVER_B);
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void aBorrowerWaitingAtMaxTotalGetsTheSessionOfItsOwnServerHandedBack() throws Exception {
        pool("maxTotal=1,maxWait=3s");
        Lease holder = pool.borrow(SERVER_A, this::newSession);
        ExecutorService waiter = Executors.newSingleThreadExecutor();
        try {
            Future<Lease> waiting = waiter.submit(() -> pool.borrow(SERVER_A, this::newSession));
            Thread.sleep(200);
            holder.release(LeaseEnd.CLEAN);

            assertThat(waiting.get(2, TimeUnit.SECONDS).session()).isSameAs(holder.session());
            assertThat(created).as("maxTotal=1 allows no second session").hasSize(1);
        } finally {
            waiter.shutdownNow();
        }
    }

    @Test
    void totalsCountEveryKey() throws Exception {
        pool("");
        pool.borrow(SERVER_A, this::newSession).release(LeaseEnd.CLEAN);
        pool.borrow(SERVER_B, this::newSession).release(LeaseEnd.BROKEN);

        assertThat(pool.totals().created()).isEqualTo(2);
        assertThat(pool.totals().borrowed()).isEqualTo(2);
        assertThat(pool.totals().returned()).isEqualTo(1);
        assertThat(pool.totals().destroyed()).isEqualTo(1);
    }

    @Test
    void leaseHeldPastTheThresholdIsReportedOnceWithTheBorrowersStackAndAgainWhenReturned() throws Exception {
        pool("leakDetectionThreshold=100ms");
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = capturing(records);
        Logger agentLogger = Logger.getLogger("dev.mcppool");
        agentLogger.addHandler(capture);
        try {
            Lease held = pool.borrow(SERVER_A, this::newSession);
            held.requestFinished();
            Thread.sleep(400);
            assertThat(pool.totals().leaks()).isEqualTo(1);
            assertThat(pool.countersFor(SERVER_A).leaks()).isEqualTo(1);
            held.release(LeaseEnd.CLEAN);

            pool.borrow(SERVER_A, this::newSession).release(LeaseEnd.CLEAN);
            assertThat(pool.totals().leaks()).isEqualTo(1);
            assertThat(records).filteredOn(r -> r.getLevel() == Level.WARNING).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("stdio: server-a", "apparent leak",
                            "leaseHeldPastTheThresholdIsReportedOnce"));
            assertThat(records).filteredOn(r -> r.getLevel() == Level.INFO).singleElement()
                    .satisfies(r -> assertThat(r.getMessage()).contains("reported as leaked was returned"));
        } finally {
            agentLogger.removeHandler(capture);
        }
    }

    private static Handler capturing(List<LogRecord> records) {
        return new Handler() {
            @Override
            public void publish(LogRecord record) {
                records.add(record);
            }

            @Override
            public void flush() {
            }

            @Override
            public void close() {
            }
        };
    }

    @Test
    void slowStartOfANewSessionDoesNotCountAsALeak() throws Exception {
        pool("leakDetectionThreshold=200ms");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        Thread.sleep(300);
        first.requestFinished();
        Thread.sleep(100);
        first.release(LeaseEnd.CLEAN);
        assertThat(pool.totals().leaks()).as("a new session's start-up is not a leak").isZero();

        Lease second = pool.borrow(SERVER_A, this::newSession);
        Thread.sleep(300);
        second.requestFinished();
        second.release(LeaseEnd.CLEAN);
        assertThat(pool.totals().leaks()).as("a reused session's lease counts from the borrow").isEqualTo(1);
    }

    @Test
    void leakDetectionIsOffByDefault() throws Exception {
        pool("");
        Lease held = pool.borrow(SERVER_A, this::newSession);
        Thread.sleep(50);
        held.release(LeaseEnd.CLEAN);

        assertThat(pool.settings().leakDetectionThreshold()).isZero();
        assertThat(pool.totals().leaks()).isZero();
    }

    @Test
    void sessionPastItsLifetimeIsRetiredInsteadOfLentAgain() throws Exception {
        pool("maxLifetime=200ms");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        first.release(LeaseEnd.CLEAN);
        Thread.sleep(300);

        Lease second = pool.borrow(SERVER_A, this::newSession);
        assertThat(second.session()).isNotSameAs(first.session());
        assertThat(((FakeSession) first.session()).closes.get()).isEqualTo(1);
        assertThat(pool.totals().retired()).isEqualTo(1);
        assertThat(pool.totals().validationFailures()).isZero();
    }

    @Test
    void sessionThatReachesItsLifetimeWhileLeasedIsRetiredOnReturn() throws Exception {
        pool("maxLifetime=100ms");
        Lease lease = pool.borrow(SERVER_A, this::newSession);
        Thread.sleep(150);
        lease.release(LeaseEnd.CLEAN);

        assertThat(pool.idleCount()).isZero();
        assertThat(pool.totals().retired()).isEqualTo(1);
    }

    @Test
    void lifetimesAreJitteredSoSessionsCreatedTogetherAreNotRetiredTogether() throws Exception {
        pool("maxLifetime=100s,maxPerKey=20");
        List<Duration> lifetimes = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            lifetimes.add(pool.remainingLifetime(pool.borrow(SERVER_A, this::newSession).session()));
        }

        assertThat(lifetimes).allSatisfy(lifetime -> assertThat(lifetime)
                .isBetween(Duration.ofSeconds(74), Duration.ofSeconds(100)));
        assertThat(lifetimes.stream().map(Duration::toSeconds).distinct().count()).isGreaterThan(5);
    }

    private FakeSession sessionThatFailsToStart() {
        FakeSession session = newSession();
        session.usable = false;
        return session;
    }

    /** Borrows, runs one request (which starts a new session) and gives the session back. */
    private Lease oneRequest(PoolKey key, SessionCreator creator) throws Exception {
        Lease lease = pool.borrow(key, creator);
        lease.requestFinished();
        lease.release(LeaseEnd.CLEAN);
        return lease;
    }

    @Test
    void afterRepeatedStartFailuresCreationFailsFastUntilTheCoolDownEndsThenOneProbeDecides() throws Exception {
        pool("breakerFailures=2,breakerCooldown=400ms");
        oneRequest(SERVER_A, this::sessionThatFailsToStart);
        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");
        oneRequest(SERVER_A, this::sessionThatFailsToStart);
        assertThat(pool.breakerState(SERVER_A)).startsWith("open");

        long start = System.nanoTime();
        assertThatThrownBy(() -> pool.borrow(SERVER_A, this::newSession))
                .isInstanceOf(ServerUnavailableException.class)
                .hasMessageContaining("stdio: server-a")
                .hasMessageContaining("failed to start 2 times in a row");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(200));
        assertThat(created).hasSize(2);
        assertThat(pool.borrow(SERVER_B, this::newSession)).isNotNull();

        Thread.sleep(450);
        Lease probe = pool.borrow(SERVER_A, this::newSession);
        assertThat(pool.breakerState(SERVER_A)).isEqualTo("half-open");
        probe.requestFinished();
        probe.release(LeaseEnd.CLEAN);
        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");
        assertThat(pool.startFailures(SERVER_A)).isEqualTo(2);
    }

    @Test
    void failedProbeReopensTheBreaker() throws Exception {
        pool("breakerFailures=1,breakerCooldown=200ms");
        oneRequest(SERVER_A, this::sessionThatFailsToStart);
        Thread.sleep(250);
        oneRequest(SERVER_A, this::sessionThatFailsToStart);

        assertThat(pool.breakerState(SERVER_A)).startsWith("open");
        assertThatThrownBy(() -> pool.borrow(SERVER_A, this::newSession))
                .isInstanceOf(ServerUnavailableException.class);
    }

    @Test
    void aBorrowersCreatorFailingIsNotAStartFailureButATemplateFailingIs() throws Exception {
        pool("breakerFailures=2,breakerCooldown=10s");
        for (int i = 0; i < 3; i++) {
            assertThatThrownBy(() -> pool.borrow(SERVER_A, () -> {
                throw new IllegalStateException("agent-side failure");
            })).hasMessage("agent-side failure");
        }
        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");

        pool.close();
        pool("breakerFailures=2,breakerCooldown=10s,minIdle=1,prewarm=true");
        pool.registerTemplate(SERVER_A, () -> {
            throw new IllegalStateException("server did not start");
        });
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.startFailures(SERVER_A) < 1 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.startFailures(SERVER_A)).isEqualTo(1);
    }

    @Test
    void aServerThatStartedAndDiedLaterInTheLeaseIsNotAStartFailure() throws Exception {
        pool("breakerFailures=1,breakerCooldown=10s");
        Lease lease = pool.borrow(SERVER_A, this::newSession);
        lease.requestFinished();
        ((FakeSession) lease.session()).usable = false;
        lease.release(LeaseEnd.CLEAN);

        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");
        assertThat(pool.startFailures(SERVER_A)).isZero();
    }

    @Test
    void anInterruptedFirstRequestSaysNothingAboutTheServer() throws Exception {
        pool("breakerFailures=1,breakerCooldown=10s");
        Lease lease = pool.borrow(SERVER_A, this::sessionThatFailsToStart);
        Thread.currentThread().interrupt();
        try {
            lease.requestFinished();
        } finally {
            Thread.interrupted();
        }
        lease.release(LeaseEnd.CLEAN);

        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");
        assertThat(pool.borrow(SERVER_A, this::newSession)).isNotNull();
    }

    @Test
    void requestsFinishingAfterShutdownAreHarmless() throws Exception {
        pool("leakDetectionThreshold=100ms");
        Lease lease = pool.borrow(SERVER_A, this::newSession);
        FakeSession session = (FakeSession) lease.session();
        List<LogRecord> records = new CopyOnWriteArrayList<>();
        Handler capture = capturing(records);
        Logger agentLogger = Logger.getLogger("dev.mcppool");
        agentLogger.addHandler(capture);
        try {
            pool.close();
            assertThat(session.terminations).as("shutdown terminates leased sessions too").hasValue(1);

            lease.requestFinished();
            Thread.sleep(300); // held past the leak threshold: a leak watch started now would report
            lease.release(LeaseEnd.CLEAN);

            assertThat(records).extracting(LogRecord::getMessage)
                    .as("nothing for the application's log: no leak report, no failed hand-back").isEmpty();
            assertThat(pool.idleCount()).as("not kept for a borrower that will never come").isZero();
            assertThat(pool.activeCount()).isZero();
            assertThat(pool.totals().returned()).isZero();
            assertThat(session.terminations).as("not terminated twice").hasValue(1);
        } finally {
            agentLogger.removeHandler(capture);
            pool = null;
        }
    }

    private FakeSession startedSession() {
        return newSession();
    }

    @Test
    void prewarmStartsMinIdleSessionsBeforeAnyoneBorrows() throws Exception {
        pool("minIdle=2,prewarm=true");
        pool.registerTemplate(SERVER_A, this::startedSession);

        awaitIdle(SERVER_A, 2);
        Lease lease = pool.borrow(SERVER_A, this::newSession);
        assertThat(created).hasSize(2).contains((FakeSession) lease.session());
        assertThat(pool.breakerState(SERVER_A)).isEqualTo("closed");
    }

    @Test
    void minIdleFloorIsRestoredAfterKeepaliveDropsADeadSession() throws Exception {
        pool("minIdle=1,keepaliveTime=200ms");
        pool.registerTemplate(SERVER_A, this::startedSession);
        awaitIdle(SERVER_A, 1);
        created.get(0).answersPing = false;

        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (created.size() < 2 && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        awaitIdle(SERVER_A, 1);
        assertThat(created.get(0).closes.get()).isEqualTo(1);
        assertThat(created).hasSize(2);
    }

    @Test
    void aBorrowerWaitsForTheSessionTheWarmerIsStartingAtMaxPerKeyAndIsToldSoWhenItTimesOut() throws Exception {
        pool("maxPerKey=1,minIdle=1,prewarm=true,maxWait=300ms");
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch serverStarts = new CountDownLatch(1);
        pool.registerTemplate(SERVER_A, () -> {
            starting.countDown();
            serverStarts.await();
            return startedSession();
        });
        try {
            assertThat(starting.await(5, TimeUnit.SECONDS)).isTrue();
            assertThatThrownBy(() -> pool.borrow(SERVER_A, this::newSession))
                    .isInstanceOf(PoolExhaustedException.class)
                    .hasMessageContaining("0 of maxPerKey=1 sessions are in use, 0 idle, 1 starting");
            assertThat(created).as("no second server beside the one starting").isEmpty();
        } finally {
            serverStarts.countDown();
        }
        awaitIdle(SERVER_A, 1);
        Lease lease = pool.borrow(SERVER_A, this::newSession);
        assertThat(created).hasSize(1).contains((FakeSession) lease.session());
    }

    @Test
    void aSessionThatCannotBeHandedBackIsDestroyedAndGivesUpItsRoom() throws Exception {
        pool("maxPerKey=1,maxWait=500ms");
        Lease first = pool.borrow(SERVER_A, this::newSession);
        ((FakeSession) first.session()).checkThrows = true;
        first.release(LeaseEnd.CLEAN);

        assertDestroyedAndReplaced(first);
    }

    @Test
    void aWarmSessionWhoseServerDiedWhileIdleIsReplacedOnItsFirstBorrow() throws Exception {
        pool("minIdle=1,prewarm=true");
        pool.registerTemplate(SERVER_A, this::startedSession);
        awaitIdle(SERVER_A, 1);
        FakeSession warm = created.get(0);
        warm.usable = false;

        Lease lease = pool.borrow(SERVER_A, this::newSession);

        assertThat(lease.session()).isNotSameAs(warm);
        assertThat(warm.closes).hasPositiveValue();
        assertThat(pool.countersFor(SERVER_A).validationFailures()).isEqualTo(1);
    }

    @Test
    void aWarmSessionIdleLongerThanTheAliveBypassWindowIsPingedOnItsFirstBorrow() throws Exception {
        pool("minIdle=1,prewarm=true,aliveBypassWindow=0");
        pool.registerTemplate(SERVER_A, this::startedSession);
        awaitIdle(SERVER_A, 1);
        FakeSession warm = created.get(0);
        warm.answersPing = false;

        Lease lease = pool.borrow(SERVER_A, this::newSession);

        assertThat(warm.pings).hasPositiveValue();
        assertThat(lease.session()).isNotSameAs(warm);
    }

    @Test
    void aServerTheWarmerIsStartingWhenThePoolClosesIsTerminated() throws Exception {
        pool("minIdle=1,prewarm=true");
        CountDownLatch starting = new CountDownLatch(1);
        CountDownLatch initializeAnswered = new CountDownLatch(1);
        pool.registerTemplate(SERVER_A, new SessionCreator() {
            @Override
            public PooledSession create() {
                return newSession();
            }

            @Override
            public void start(PooledSession session) throws InterruptedException {
                starting.countDown();
                initializeAnswered.await();
            }
        });
        assertThat(starting.await(5, TimeUnit.SECONDS)).isTrue();

        pool.close();
        pool = null;

        assertThat(created.get(0).terminations).as("its process is killed at exit").hasPositiveValue();
    }

    @Test
    void aSessionABorrowerCreatesWhileThePoolClosesIsTerminated() throws Exception {
        pool("");
        CountDownLatch creating = new CountDownLatch(1);
        CountDownLatch closed = new CountDownLatch(1);
        ExecutorService borrower = Executors.newSingleThreadExecutor();
        try {
            Future<Lease> borrowing = borrower.submit(() -> pool.borrow(SERVER_A, () -> {
                FakeSession session = newSession();
                creating.countDown();
                closed.await();
                return session;
            }));
            assertThat(creating.await(5, TimeUnit.SECONDS)).isTrue();
            SessionPool closing = pool;
            pool = null;
            closing.close();
            closed.countDown();
            try {
                borrowing.get(5, TimeUnit.SECONDS).release(LeaseEnd.CLEAN);
            } catch (java.util.concurrent.ExecutionException e) {
                // refusing the borrow is as good as lending it, as long as the server does not outlive the pool
            }

            assertThat(created.get(0).terminations).hasPositiveValue();
        } finally {
            borrower.shutdownNow();
        }
    }

    @Test
    void aCreationFailureWhoseMessageReadsLikeCommonsPoolsTimeoutReachesTheBorrowerUnchanged() {
        pool("maxWait=500ms");
        java.util.NoSuchElementException failure = new java.util.NoSuchElementException(
                "Timeout waiting for idle object, borrowMaxWaitDuration=PT1S");

        assertThatThrownBy(() -> pool.borrow(SERVER_A, () -> {
            throw failure;
        })).isSameAs(failure);
    }

    @Test
    void aKeyNeedsATemplateOnlyUntilItHasOne() {
        pool("");
        assertThat(pool.needsTemplate(SERVER_A)).as("minIdle may be raised later").isTrue();
        pool.registerTemplate(SERVER_A, this::startedSession);
        assertThat(pool.needsTemplate(SERVER_A)).isFalse();
        assertThat(created).as("nothing is warmed while minIdle is 0").isEmpty();
    }

    private void awaitIdle(PoolKey key, int count) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
        while (pool.idleCount(key) < count && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
        assertThat(pool.idleCount(key)).isEqualTo(count);
    }

    @Test
    void creationFailureReachesTheBorrowerUnchanged() {
        pool("");
        IllegalStateException serverDown = new IllegalStateException("Client failed to initialize");

        assertThatThrownBy(() -> pool.borrow(SERVER_A, () -> {
            throw serverDown;
        })).isSameAs(serverDown);
    }

    @Test
    void closeTerminatesLeasedAndIdleSessions() throws Exception {
        pool("");
        Lease leased = pool.borrow(SERVER_A, this::newSession);
        Lease idle = pool.borrow(SERVER_B, this::newSession);
        idle.release(LeaseEnd.CLEAN);

        pool.close();
        pool = null;

        assertThat(((FakeSession) leased.session()).terminations.get()).isEqualTo(1);
        assertThat(((FakeSession) idle.session()).terminations.get()).isEqualTo(1);
        assertThat(((FakeSession) idle.session()).closes.get()).as("closed only by its termination").isZero();
    }

    @Test
    void keysWithEqualIdentityAreEqualAndLabelsCarryNoSecret() {
        PoolKey withToken = new PoolKey("lib", "streamable-http", "127.0.0.1",
                "http: http://127.0.0.1/mcp (headers: Authorization)",
                List.of("header.authorization=" + Secrets.digest("Bearer s3cret")));
        PoolKey sameToken = new PoolKey("lib", "streamable-http", "127.0.0.1",
                "http: http://127.0.0.1/mcp (headers: Authorization)",
                List.of("header.authorization=" + Secrets.digest("Bearer s3cret")));
        PoolKey otherToken = new PoolKey("lib", "streamable-http", "127.0.0.1",
                "http: http://127.0.0.1/mcp (headers: Authorization)",
                List.of("header.authorization=" + Secrets.digest("Bearer other")));

        assertThat(withToken).isEqualTo(sameToken).hasSameHashCodeAs(sameToken).isNotEqualTo(otherToken);
        assertThat(withToken.toString()).doesNotContain("s3cret").isNotEqualTo(otherToken.toString());
    }
}
