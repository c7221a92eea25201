package dev.mcppool.demo;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class ServerEventsTest {

    @Test
    void recognisesOnlyRealInitializeRequests() {
        assertThat(ServerEvents.isInitializeRequest(
                "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"id\":\"a-0\",\"params\":{}}")).isTrue();
        assertThat(ServerEvents.isInitializeRequest("{\"id\":1, \"method\" : \"initialize\"}")).isTrue();

        assertThat(ServerEvents.isInitializeRequest("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}")).isFalse();
        assertThat(ServerEvents.isInitializeRequest("{\"jsonrpc\":\"2.0\",\"id\":2,\"method\":\"tools/call\","
                + "\"params\":{\"name\":\"echo\",\"arguments\":{\"text\":\"\\\"method\\\":\\\"initialize\\\"\"}}}")).isFalse();
        assertThat(ServerEvents.isInitializeRequest("")).isFalse();
    }

    @Test
    void countsStartAndInitializeLines() {
        List<String> lines = List.of("start 10", "initialize 10", "start 11", "initialize 11", "initialize 11", "", "junk");

        assertThat(ServerEvents.count(lines)).isEqualTo(new ServerEvents.Counts(2, 3));
    }

    @Test
    void appendsWholeLinesFromConcurrentThreads(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("events.log");
        ServerEvents events = new ServerEvents(file);
        long pid = ProcessHandle.current().pid();
        String initialize = "{\"jsonrpc\":\"2.0\",\"method\":\"initialize\",\"id\":1}";

        events.recordStart();
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < 4; t++) {
            Thread thread = new Thread(() -> {
                for (int i = 0; i < 25; i++) {
                    events.onInboundLine(initialize);
                    events.onInboundLine("{\"jsonrpc\":\"2.0\",\"method\":\"notifications/initialized\"}");
                }
            });
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }

        List<String> lines = Files.readAllLines(file);
        assertThat(lines).hasSize(101).first().isEqualTo("start " + pid);
        assertThat(lines.subList(1, lines.size())).allMatch(line -> line.equals("initialize " + pid));
        assertThat(ServerEvents.count(file)).isEqualTo(new ServerEvents.Counts(1, 100));
    }
}
