package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;

import static org.assertj.core.api.Assertions.assertThat;

class RequestLoopTest {

    @Test
    void describesTheRootCauseOfWrappedFailures() {
        RuntimeException wrapped = new RuntimeException("Client failed to initialize",
                new UncheckedIOException("io", new IOException("connection refused")));

        assertThat(RequestLoop.describe(wrapped)).isEqualTo(
                "java.lang.RuntimeException: Client failed to initialize (cause java.io.IOException: connection refused)");
        assertThat(RequestLoop.describe(new IllegalStateException("plain")))
                .isEqualTo("java.lang.IllegalStateException: plain");
    }
}
