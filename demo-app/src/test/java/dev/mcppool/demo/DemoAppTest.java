package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class DemoAppTest {

    @Test
    void httpServerPortDefaultsToRandom() {
        assertThat(DemoApp.httpPort()).isZero();
        assertThat(DemoApp.httpPort("--port", "8123")).isEqualTo(8123);
    }

    @Test
    void httpServerRejectsOtherOptions() {
        assertThatThrownBy(() -> DemoApp.httpPort("--port")).hasMessageContaining("--port N");
        assertThatThrownBy(() -> DemoApp.httpPort("--host", "0.0.0.0")).hasMessageContaining("--port N");
        assertThatThrownBy(() -> DemoApp.httpPort("--port", "70000")).hasMessageContaining("0..65535");
        assertThatThrownBy(() -> DemoApp.httpPort("--port", "http")).hasMessageContaining("0..65535");
    }
}
