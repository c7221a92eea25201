package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class PerRequestClientLoopTest {

    @Test
    void sharesAreContiguousAndDifferByAtMostOne() {
        assertThat(PerRequestClientLoop.shareStarts(10, 3)).containsExactly(0, 3, 6, 10);
        assertThat(PerRequestClientLoop.shareStarts(50, 1)).containsExactly(0, 50);
        assertThat(PerRequestClientLoop.shareStarts(20, 2)).containsExactly(0, 10, 20);
        assertThat(PerRequestClientLoop.shareStarts(2, 4)).containsExactly(0, 0, 1, 1, 2);
    }

    @Test
    void describesTheRootCauseOfWrappedFailures() {
        RuntimeException wrapped = new RuntimeException("Client failed to initialize",
                new UncheckedIOException("io", new IOException("connection refused")));

        assertThat(PerRequestClientLoop.describe(wrapped)).isEqualTo(
                "java.lang.RuntimeException: Client failed to initialize (cause java.io.IOException: connection refused)");
        assertThat(PerRequestClientLoop.describe(new IllegalStateException("plain")))
                .isEqualTo("java.lang.IllegalStateException: plain");
    }
}
