package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

class FootprintTest {

    private static final Pattern LINE = Pattern.compile(
            "footprint at=(\\w+) heap-used-after-gc=(\\d+) threads=(\\d+) agent-threads=(\\d+)");

    @Test
    void countsLiveThreadsAndThoseNamedLikeTheAgentsOnes() throws Exception {
        Matcher before = matched(Footprint.line("start"));
        CountDownLatch release = new CountDownLatch(1);
        Thread agentLike = new Thread(() -> awaitQuietly(release), "mcp-pool-warmer");
        Thread other = new Thread(() -> awaitQuietly(release), "request-worker-0");
        agentLike.start();
        other.start();
        try {
            Matcher during = matched(Footprint.line("end"));

            assertThat(during.group(1)).isEqualTo("end");
            assertThat(Long.parseLong(during.group(2))).isPositive();
            // other tests' leftover threads may end meanwhile, so only the agent-like count is exact
            assertThat(Integer.parseInt(during.group(3))).isGreaterThanOrEqualTo(3);
            assertThat(Integer.parseInt(during.group(4))).isEqualTo(Integer.parseInt(before.group(4)) + 1);
        } finally {
            release.countDown();
            agentLike.join();
            other.join();
        }
    }

    @Test
    void epochMicrosFollowTheWallClock() {
        long millisBefore = System.currentTimeMillis();
        long micros = EpochMicros.now();
        long millisAfter = System.currentTimeMillis();

        assertThat(micros).isBetween(millisBefore * 1_000, millisAfter * 1_000 + 999);
    }

    private static Matcher matched(String line) {
        Matcher matcher = LINE.matcher(line);
        assertThat(matcher.matches()).as(line).isTrue();
        return matcher;
    }

    private static void awaitQuietly(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
