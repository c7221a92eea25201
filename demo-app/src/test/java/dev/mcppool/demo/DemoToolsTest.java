package dev.mcppool.demo;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class DemoToolsTest {

    @Test
    void addsExactly() {
        assertThat(DemoTools.add(2, 3)).isEqualTo("5");
        assertThat(DemoTools.add(0.1, 0.2)).isEqualTo("0.3");
        assertThat(DemoTools.add(1.5, -1.5)).isEqualTo("0");
        assertThat(DemoTools.add(60, 40)).isEqualTo("100");
        assertThat(DemoTools.add(9_007_199_254_740_993L, 1)).isEqualTo("9007199254740994");
    }
}
