package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class PerRequestClientLoopTest {

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
