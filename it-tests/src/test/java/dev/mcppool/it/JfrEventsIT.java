package dev.mcppool.it;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A flight recording of the demo with the agent holds the pool's events, which agree with its JMX counts. */
class JfrEventsIT {

    @Test
    void recordingHoldsStartsBorrowsLeaksAndDestroyedSessions(@TempDir Path output) throws Exception {
        Path recording = output.resolve("demo.jfr");
        long borrowed;
        long created;
        int evicted;
        try (DemoRun run = DemoRun.withAgent("maxPerKey=2,leakDetectionThreshold=1s")
                .jvmOption("-XX:StartFlightRecording=filename=" + recording + ",dumponexit=true")
                .args("--leak-one", "--requests", "20", "--threads", "2").hold().start(output, "jfr")) {
            assertThat(run.awaitReport(Duration.ofMinutes(2)).errors()).isZero();
            run.awaitStderr(Duration.ofSeconds(20), "apparent leak");
            try (PoolMBean pool = PoolMBean.of(run)) {
                borrowed = (Long) pool.attribute("BorrowedCount");
                created = (Long) pool.attribute("CreatedSessions");
                evicted = (Integer) pool.invoke("evictIdleSessions");
            }
            run.closeStdin();
            run.awaitExit(Duration.ofSeconds(30));
        }

        List<RecordedEvent> events = RecordingFile.readAllEvents(recording).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.mcppool.")).toList();

        assertThat(events).allSatisfy(event -> assertThat(event.getString("server")).startsWith("stdio: "));
        assertThat(count(events, "dev.mcppool.Borrow", event -> true)).isEqualTo(borrowed)
                .isGreaterThanOrEqualTo(20);
        assertThat(count(events, "dev.mcppool.Borrow", event -> !event.getBoolean("reused"))).isEqualTo(created);
        assertThat(count(events, "dev.mcppool.SessionStarted",
                event -> event.getDuration("startupTime").compareTo(Duration.ZERO) > 0)).isEqualTo(created);
        assertThat(evicted).isPositive();
        assertThat(count(events, "dev.mcppool.SessionDestroyed",
                event -> event.getString("reason").equals("evicted over JMX"))).isEqualTo(evicted);
        assertThat(events).filteredOn(event -> event.getEventType().getName().equals("dev.mcppool.Leak"))
                .singleElement().satisfies(leak -> {
                    assertThat(leak.getString("borrowSite")).contains("at dev.mcppool.demo.DemoClient.run(");
                    assertThat(leak.getDuration("heldFor")).isGreaterThanOrEqualTo(Duration.ofSeconds(1));
                });
    }

    private static long count(List<RecordedEvent> events, String name, Predicate<RecordedEvent> which) {
        return events.stream().filter(event -> event.getEventType().getName().equals(name)).filter(which).count();
    }
}
