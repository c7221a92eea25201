package dev.mcppool.jfr;

import static org.assertj.core.api.Assertions.assertThat;

import dev.mcppool.pool.DestroyReason;
import dev.mcppool.pool.PoolKey;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordingFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JfrPoolEventsTest {

    private static final PoolKey KEY = new PoolKey("io.modelcontextprotocol.sdk", "stdio", "npx",
            "stdio: npx server (env: TOKEN)", List.of("command=npx"));

    @Test
    void eachPoolEventIsRecordedWithItsFieldsUnderMcpPool(@TempDir Path folder) throws Exception {
        JfrPoolEvents events = new JfrPoolEvents();
        Path file = folder.resolve("pool.jfr");
        try (Recording recording = new Recording()) {
            recording.start();
            events.sessionStarted(KEY, Duration.ofMillis(420));
            events.borrowed(KEY, Duration.ofMillis(3), true);
            events.validationFailed(KEY, "no answer to a keepalive ping within validationTimeout");
            events.leakDetected(KEY, Duration.ofSeconds(2), "worker-1", "java.lang.Exception: borrowed here");
            events.sessionDestroyed(KEY, DestroyReason.IDLE_TIMEOUT, Duration.ofMinutes(10), 7);
            recording.stop();
            recording.dump(file);
        }

        Map<String, RecordedEvent> byName = RecordingFile.readAllEvents(file).stream()
                .filter(event -> event.getEventType().getName().startsWith("dev.mcppool."))
                .collect(Collectors.toMap(event -> event.getEventType().getName(), event -> event));

        assertThat(byName).containsOnlyKeys("dev.mcppool.SessionStarted", "dev.mcppool.Borrow",
                "dev.mcppool.ValidationFailure", "dev.mcppool.Leak", "dev.mcppool.SessionDestroyed");
        byName.values().forEach(event -> {
            assertThat(event.getString("server")).isEqualTo("stdio: npx server (env: TOKEN)");
            assertThat(event.getString("fingerprint")).isEqualTo(KEY.fingerprint());
            assertThat(event.getEventType().getCategoryNames()).containsExactly("MCP Pool");
        });
        assertThat(byName.get("dev.mcppool.SessionStarted").getDuration("startupTime"))
                .isEqualTo(Duration.ofMillis(420));
        assertThat(byName.get("dev.mcppool.Borrow").getBoolean("reused")).isTrue();
        assertThat(byName.get("dev.mcppool.Borrow").getDuration("waitTime")).isEqualTo(Duration.ofMillis(3));
        assertThat(byName.get("dev.mcppool.ValidationFailure").getString("reason")).contains("keepalive");
        assertThat(byName.get("dev.mcppool.Leak").getString("borrowerThread")).isEqualTo("worker-1");
        assertThat(byName.get("dev.mcppool.Leak").getString("borrowSite")).contains("borrowed here");
        assertThat(byName.get("dev.mcppool.SessionDestroyed").getString("reason"))
                .isEqualTo(DestroyReason.IDLE_TIMEOUT.description());
        assertThat(byName.get("dev.mcppool.SessionDestroyed").getLong("timesLent")).isEqualTo(7);
    }
}
